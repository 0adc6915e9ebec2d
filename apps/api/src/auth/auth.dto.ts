import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'leader' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'luoshi-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class TokenView {
  @ApiProperty({ description: 'JWT，放在 Authorization: Bearer 头中' })
  accessToken!: string;

  @ApiProperty({ description: '有效期（秒）' })
  expiresIn!: number;

  @ApiProperty({
    description: '为 true 时须先修改密码（POST /api/me/password），其他接口一律 403',
  })
  mustChangePassword!: boolean;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({
    description:
      '新密码：至少 8 个字符，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不是常见密码，至多 72 个字节',
    minLength: 8,
  })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  newPassword!: string;
}
