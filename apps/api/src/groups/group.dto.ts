import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { compareUnits, UnitGroup } from '@app/database';
import { PageOf } from '../common/pagination';

export class CreateGroupDto {
  @ApiProperty({ description: '单位组名称', example: '各镇(街道)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: '别名（如 各镇()）', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiProperty({ description: '成员单位 ID', type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  memberIds!: string[];
}

export class UpdateGroupDto extends PartialType(CreateGroupDto) {}

export class GroupMemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class GroupView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ type: [GroupMemberView] }) members!: GroupMemberView[];

  static from(group: UnitGroup): GroupView {
    return Object.assign(new GroupView(), {
      id: group.id,
      name: group.name,
      aliases: group.aliases,
      members: (group.members ?? [])
        .sort(compareUnits)
        .map((unit) => ({ id: unit.id, name: unit.name })),
    });
  }
}

export class GroupPage extends PageOf(GroupView) {}
