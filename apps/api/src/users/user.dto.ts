import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role, User } from '@app/database';
import { PageOf, PageQuery } from '../common/pagination';

export class CreateUserDto {
  @ApiProperty({ description: '登录名（字母、数字、点、下划线、短横线）', example: 'jingfaju' })
  @Matches(/^[A-Za-z0-9._-]{2,64}$/, {
    message: 'username：只能包含字母、数字和 . _ -，2–64 个字符',
  })
  username!: string;

  @ApiProperty({ description: '显示名', example: '区经发局 联络员' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({
    description:
      '初始密码：至少 8 个字符，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不是常见密码，至多 72 个字节',
    minLength: 8,
  })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: Role, enumName: 'Role', description: '角色' })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ description: '所属单位 ID', format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ type: String, description: '邮箱', nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional({ description: '停用后无法登录' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class PasswordResetDto {
  @ApiProperty({
    description:
      '临时密码（用户下次登录后须先修改）：至少 8 个字符，含三类字符，不含用户名，不是常见密码，至多 72 个字节',
    minLength: 8,
  })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  temporaryPassword!: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '按单位筛选' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) unitName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: '管理员重置密码后为 true，直到用户自己修改密码' })
  mustChangePassword!: boolean;

  static from(user: User): UserView {
    return Object.assign(new UserView(), {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: user.unitId,
      unitName: user.unit?.name ?? null,
      email: user.email,
      active: user.active,
      mustChangePassword: user.mustChangePassword,
    });
  }
}

export class MeView extends UserView {
  @ApiProperty({
    example: '2025-03-10',
    description: '服务器的今天（Asia/Shanghai）：界面上日期的默认值以此为准，而不是用户电脑的日期',
  })
  today!: string;
}

export class UserPage extends PageOf(UserView) {}
