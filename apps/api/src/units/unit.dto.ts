import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  Max,
  Min,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Unit, UnitKind } from '@app/database';
import { PageOf, PageQuery } from '../common/pagination';
import { QueryBoolean } from '../common/query-boolean';

export class CreateUnitDto {
  @ApiProperty({ description: '单位全称', example: '区经发局' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, description: '简称', example: '经发局', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  shortName?: string;

  @ApiPropertyOptional({ description: '别名（文件中的其他写法）', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiProperty({ enum: UnitKind, enumName: 'UnitKind', description: '单位类别' })
  @IsEnum(UnitKind)
  kind!: UnitKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: '上级单位', nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: '联系邮箱（催办邮件发往这些地址）', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ description: '是否启用', default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '排序号：各列表、导出和报告中单位的先后（小者在前；未设的排在后面，同号按拼音）',
    example: 10,
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(999999)
  sortOrder?: number | null;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}

export class UnitListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UnitKind, enumName: 'UnitKind' })
  @IsOptional()
  @IsEnum(UnitKind)
  kind?: UnitKind;

  @ApiPropertyOptional({ description: '按名称、简称或别名查找' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: '只看启用的单位' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class UnitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) shortName!: string | null;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ enum: UnitKind, enumName: 'UnitKind' }) kind!: UnitKind;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '排序号' })
  sortOrder!: number | null;

  static from(unit: Unit): UnitView {
    return Object.assign(new UnitView(), {
      id: unit.id,
      name: unit.name,
      shortName: unit.shortName,
      aliases: unit.aliases,
      kind: unit.kind,
      parentId: unit.parentId,
      emails: unit.emails,
      active: unit.active,
      sortOrder: unit.sortOrder,
    });
  }
}

export class UnitPage extends PageOf(UnitView) {}
