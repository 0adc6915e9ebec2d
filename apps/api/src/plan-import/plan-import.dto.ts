import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PlanImport, PlanStatus, UnitKind } from '@app/database';
import type { ImportSummary, UnitResolution } from '@app/plan-import';
import { MAX_PLAN_TEXT_LENGTH, ParseResult } from '@app/plan-parser';

export class ImportPlanDto {
  @ApiPropertyOptional({
    description: '方案全文（与上传文件 file 二选一）',
    maxLength: MAX_PLAN_TEXT_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PLAN_TEXT_LENGTH)
  text?: string;

  @ApiPropertyOptional({
    description: '来源名称，如文件名或网址',
    example: '法治政府建设实施方案.txt',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceName?: string;
}

export class UnitDecisionDto {
  @ApiProperty({ description: '预览中列出的单位名称（原文写法）', example: '区测试局' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    enum: ['map', 'create', 'skip'],
    description: 'map 映射到已有单位或单位组；create 新建单位；skip 跳过',
  })
  @IsIn(['map', 'create', 'skip'])
  action!: 'map' | 'create' | 'skip';

  @ApiPropertyOptional({ format: 'uuid', description: 'action=map 时：映射到的单位' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'action=map 时：映射到的单位组' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({
    enum: UnitKind,
    enumName: 'UnitKind',
    description: 'action=create 时的单位类别',
  })
  @IsOptional()
  @IsEnum(UnitKind)
  kind?: UnitKind;
}

export class CommitImportDto {
  @ApiProperty({ format: 'uuid', description: 'POST /plans/import 返回的预览 id' })
  @IsUUID()
  previewId!: string;

  @ApiPropertyOptional({ type: [UnitDecisionDto], description: '对名录中没有或有歧义的单位的处理' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => UnitDecisionDto)
  decisions?: UnitDecisionDto[];

  @ApiPropertyOptional({ description: '方案标题（文本中未识别出标题时必填）' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({
    enum: PlanStatus,
    enumName: 'PlanStatus',
    description: '新建方案的状态（默认 draft）；已有方案保持原状态',
  })
  @IsOptional()
  @IsEnum(PlanStatus)
  status?: PlanStatus;
}

export class ImportPreviewView {
  @ApiProperty({ format: 'uuid', description: '提交导入时使用' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sourceName!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '同一文号的方案已存在时：导入将原地更新该方案',
  })
  existingPlanId!: string | null;
  @ApiProperty({ description: '解析出的方案信息：标题、文号、印发单位、日期、实施期、默认时限' })
  plan!: ParseResult['plan'];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: '章、条目、责任单位（含匹配结果）、时限',
  })
  sections!: ParseResult['sections'];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: '文本中的每个单位名称及其在名录中的匹配或新建建议',
  })
  units!: UnitResolution[];
  @ApiProperty({ type: [String], description: '提交前需要作出处理的单位名称' })
  needsDecision!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: '无法归位的内容，含行号和原文',
  })
  warnings!: ParseResult['warnings'];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  committedAt!: Date | null;

  static from(row: PlanImport, units: UnitResolution[]): ImportPreviewView {
    const result = row.result as unknown as ParseResult;
    return Object.assign(new ImportPreviewView(), {
      id: row.id,
      sourceName: row.sourceName,
      existingPlanId: row.planId,
      plan: result.plan,
      sections: result.sections,
      units,
      needsDecision: units
        .filter((u) => u.match === 'none' || u.match === 'ambiguous')
        .map((u) => u.name),
      warnings: result.warnings,
      committedAt: row.committedAt,
    });
  }
}

class ImportCounts {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
}

export class ImportResultView {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] }) planOutcome!: string;
  @ApiProperty({ type: ImportCounts }) sections!: ImportCounts;
  @ApiProperty({ type: ImportCounts }) items!: ImportCounts;
  @ApiProperty({ type: ImportCounts }) tasks!: ImportCounts;
  @ApiProperty({ type: ImportCounts }) assignments!: ImportCounts;
  @ApiProperty({ type: [String] }) createdUnits!: string[];
  @ApiProperty({ type: [String] }) skippedNames!: string[];
  @ApiProperty({ description: '文本中不再出现、但已保留的分工数' })
  assignmentsNoLongerListed!: number;

  static from(summary: ImportSummary): ImportResultView {
    return Object.assign(new ImportResultView(), summary);
  }
}
