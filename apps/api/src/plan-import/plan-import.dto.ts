import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PlanImport, PlanStatus, UnitKind } from '@app/database';
import {
  COLUMN_KIND_LABEL,
  COLUMN_KINDS,
  type ImportGap,
  type ImportSummary,
  type KeptEdit,
  type TableColumn,
  type TableColumnKind,
  type UnitResolution,
} from '@app/plan-import';
import { MAX_PLAN_TEXT_LENGTH, ParseResult } from '@app/plan-parser';
import { IsDateOnly } from '../common/dates';

/** A multipart form sends every field as text: a JSON array arrives as a string. */
const jsonField = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

export class ColumnOverrideDto {
  @ApiProperty({ description: '列的位置（预览 columnMapping 中的 index，从 0 起）', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(199)
  index!: number;

  @ApiProperty({
    enum: COLUMN_KINDS,
    description:
      '该列读作：number 序号、section 章节（分类）、title 任务、body 具体内容、lead 牵头单位、co 配合单位、listed 责任单位、deadline 完成时限、other 其他（并入正文）、ignore 不读取',
  })
  @IsIn(COLUMN_KINDS)
  kind!: TableColumnKind;
}

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

  @ApiPropertyOptional({
    type: [ColumnOverrideDto],
    description: '表格（Word、Excel 或制表符分隔的文本）的列含义更正；multipart 时为 JSON 字符串',
  })
  @IsOptional()
  @Transform((params) => {
    const value = jsonField(params);
    // @Type does not apply to what a transform returns: the items are made instances here.
    return Array.isArray(value) ? plainToInstance(ColumnOverrideDto, value as object[]) : value;
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ColumnOverrideDto)
  columnMapping?: ColumnOverrideDto[];
}

export class UnitDecisionDto {
  @ApiProperty({ description: '预览中列出的单位名称（原文写法）', example: '区测试局' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    enum: ['map', 'create', 'confirm', 'skip'],
    description:
      'map 映射到已有单位或单位组（记为该单位的别名，下次自动匹配）；create 新建单位；confirm 确认预览中的近似匹配或单位组展开；skip 跳过',
  })
  @IsIn(['map', 'create', 'confirm', 'skip'])
  action!: 'map' | 'create' | 'confirm' | 'skip';

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

export class ItemDueDateDto {
  @ApiProperty({ description: '条目序号（预览中条目的 number）', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  number!: number;

  @ApiProperty({ format: 'date', example: '2025-12-31' })
  @IsDateOnly()
  dueOn!: string;
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

  @ApiPropertyOptional({ description: '文号（文本中没有时填写；同一文号的方案将原地更新）' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  docNumber?: string;

  @ApiPropertyOptional({ type: [String], description: '印发单位' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  issuers?: string[];

  @ApiPropertyOptional({ format: 'date', description: '印发日期' })
  @IsOptional()
  @IsDateOnly()
  issuedOn?: string;

  @ApiPropertyOptional({ format: 'date', description: '实施期开始' })
  @IsOptional()
  @IsDateOnly()
  periodStart?: string;

  @ApiPropertyOptional({ format: 'date', description: '实施期结束' })
  @IsOptional()
  @IsDateOnly()
  periodEnd?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: '方案默认完成时限：没有自己时限的条目取此日期',
  })
  @IsOptional()
  @IsDateOnly()
  defaultDueOn?: string;

  @ApiPropertyOptional({ type: [ItemDueDateDto], description: '逐条填写的完成时限' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ItemDueDateDto)
  itemDueDates?: ItemDueDateDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: '要更新的已有方案（文本没有文号时由办公室指定；默认按文号、再按同名方案查找）',
  })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({
    type: [ColumnOverrideDto],
    description: '表格的列含义更正（覆盖预览时的读取）',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ColumnOverrideDto)
  columnMapping?: ColumnOverrideDto[];

  @ApiPropertyOptional({
    description: '只试算（默认否）：返回将新建、更新、保留的数量和仍待处理的事项，不写入任何数据',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    enum: PlanStatus,
    enumName: 'PlanStatus',
    description: '新建方案的状态（默认 draft）；已有方案保持原状态',
  })
  @IsOptional()
  @IsEnum(PlanStatus)
  status?: PlanStatus;
}

/*
 * OpenAPI shapes of the parser's output as the preview shows it (the fields the console reads);
 * the values are the parser's own objects, passed through unchanged.
 */
class PreviewUnitRef {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['lead', 'co'] }) role!: 'lead' | 'co';
  @ApiProperty({ description: '单位组（如 各镇(街道)）' }) group!: boolean;
}

class PreviewDeadline {
  @ApiProperty({ description: '原文' }) text!: string;
  @ApiProperty({ enum: ['date', 'recurring', 'relative'] }) kind!: string;
  @ApiPropertyOptional() dueOn?: string;
  @ApiPropertyOptional() count?: number;
  @ApiPropertyOptional({ enum: ['year', 'half', 'quarter', 'month', 'week', 'term'] }) per?: string;
}

class PreviewTask {
  @ApiProperty() numberText!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PreviewUnitRef] }) units!: PreviewUnitRef[];
}

class PreviewItem {
  @ApiProperty() number!: number;
  @ApiProperty() numberText!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() preamble!: boolean;
  @ApiProperty({ type: [PreviewUnitRef] }) units!: PreviewUnitRef[];
  @ApiProperty({ type: [PreviewDeadline] }) deadlines!: PreviewDeadline[];
  @ApiPropertyOptional() dueOn?: string;
  @ApiProperty({ type: [PreviewTask] }) tasks!: PreviewTask[];
}

class PreviewSection {
  @ApiProperty() number!: number;
  @ApiProperty() numberText!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PreviewItem] }) items!: PreviewItem[];
}

class PreviewPlan {
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() docNumber?: string;
  @ApiProperty({ type: [String] }) issuers!: string[];
  @ApiPropertyOptional() issuedOn?: string;
  @ApiPropertyOptional() periodStart?: string;
  @ApiPropertyOptional() periodEnd?: string;
  @ApiPropertyOptional() defaultDueOn?: string;
}

class PreviewWarning {
  @ApiProperty() line!: number;
  @ApiProperty() text!: string;
  @ApiProperty() message!: string;
  @ApiProperty() code!: string;
}

class PreviewCandidate {
  @ApiPropertyOptional({ format: 'uuid' }) unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) groupId?: string;
  @ApiProperty() name!: string;
}

class PreviewUnit {
  @ApiProperty({ description: '单位名称（提交时的处理按此名称）' }) name!: string;
  @ApiProperty() group!: boolean;
  @ApiProperty({ description: '出现次数' }) occurrences!: number;
  @ApiProperty({
    enum: ['exact', 'alias', 'prefix', 'bracket', 'fuzzy', 'ambiguous', 'none'],
    description: '匹配方式；none、ambiguous 需要处理',
  })
  match!: string;
  @ApiPropertyOptional({ format: 'uuid' }) unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) groupId?: string;
  @ApiPropertyOptional({ description: '名录中的名称' }) matchedName?: string;
  @ApiPropertyOptional({ type: [PreviewCandidate] }) candidates?: PreviewCandidate[];
  @ApiPropertyOptional({
    enum: ['choose', 'confirm-fuzzy', 'confirm-group'],
    description: '提交前等待的处理：选择单位，或确认近似匹配、确认展开为多个单位的单位组',
  })
  decision?: string;
  @ApiPropertyOptional({ description: '单位组的在用成员数' }) memberCount?: number;
  @ApiProperty({ description: '该名称将成为的责任分工条数' }) assignments!: number;
}

export class ColumnView {
  @ApiProperty({ description: '列的位置，从 0 起（更正时引用）' }) index!: number;
  @ApiProperty({ description: '表头原文' }) name!: string;
  @ApiProperty({ enum: COLUMN_KINDS }) kind!: TableColumnKind;
  @ApiProperty({ description: '读作（中文）' }) label!: string;

  static from(c: TableColumn): ColumnView {
    return Object.assign(new ColumnView(), { ...c, label: COLUMN_KIND_LABEL[c.kind] });
  }
}

export class GapView implements ImportGap {
  @ApiProperty({
    enum: ['title', 'docNumber', 'issuers', 'period', 'defaultDueOn', 'itemDueOn'],
    description:
      '文本缺少的内容，提交时对应字段：title、docNumber、issuers、periodStart/periodEnd、defaultDueOn、itemDueDates',
  })
  field!: ImportGap['field'];
  @ApiPropertyOptional() itemNumber?: number;
  @ApiProperty({ description: '为 true 时不填写就不能提交' }) required!: boolean;
  @ApiProperty() message!: string;
}

export class KeptEditView implements KeptEdit {
  @ApiProperty({ enum: ['plan', 'item', 'assignment'] }) entity!: KeptEdit['entity'];
  @ApiPropertyOptional() itemNumber?: number;
  @ApiPropertyOptional() unitName?: string;
  @ApiProperty({ description: '字段，如 dueOn、role、title' }) field!: string;
  @ApiProperty({ description: '保留的（手工设置的）值' }) kept!: unknown;
  @ApiProperty({ description: '文本（或默认）本会写入的值' }) text!: unknown;
}

class AliasAddedView {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() unitName?: string;
  @ApiPropertyOptional() groupName?: string;
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
  @ApiProperty({ type: [KeptEditView], description: '办公室手工设置、本次导入保留未改的值' })
  kept!: KeptEditView[];
  @ApiProperty({ type: [AliasAddedView], description: '记为单位或单位组别名的名称' })
  aliasesAdded!: AliasAddedView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: '每个单位名称（含单位组）对应的分工数',
  })
  assignmentsByName!: Record<string, number>;
  @ApiProperty({ type: [GapView] }) gaps!: GapView[];
  @ApiProperty({ type: [String], description: '试算时：仍然阻止提交的事项' })
  pending!: string[];
  @ApiProperty({ description: 'true 表示只是试算，没有写入' }) dryRun!: boolean;

  static from(summary: ImportSummary, dryRun = false): ImportResultView {
    // `written` is the import's own record, not part of the answer.
    const { written: _written, ...shown } = summary;
    void _written;
    return Object.assign(new ImportResultView(), { ...shown, dryRun });
  }
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
  @ApiProperty({
    type: PreviewPlan,
    description: '解析出的方案信息：标题、文号、印发单位、日期、实施期、默认时限',
  })
  plan!: ParseResult['plan'];
  @ApiProperty({ type: [PreviewSection], description: '章、条目、责任单位（含匹配结果）、时限' })
  sections!: ParseResult['sections'];
  @ApiProperty({
    type: [PreviewUnit],
    description: '文本中的每个单位名称及其在名录中的匹配或新建建议',
  })
  units!: UnitResolution[];
  @ApiProperty({
    type: [String],
    description:
      '提交前需要作出处理的单位名称：名录中没有或有歧义（units[].decision=choose），近似匹配（confirm-fuzzy）或展开为多个单位的单位组（confirm-group）',
  })
  needsDecision!: string[];
  @ApiProperty({
    type: [GapView],
    description: '文本缺少、提交时可填写的内容（标题、文号、印发单位、实施期、默认时限、条目时限）',
  })
  gaps!: GapView[];
  @ApiPropertyOptional({
    type: [ColumnView],
    nullable: true,
    description: '从表格读取时：每一列读作什么；可在预览或提交时用 columnMapping 更正',
  })
  columnMapping!: ColumnView[] | null;
  @ApiProperty({ type: ImportResultView, description: '按目前的处理试算的提交结果' })
  outcome!: ImportResultView;
  @ApiProperty({ type: [PreviewWarning], description: '无法归位的内容，含行号和原文' })
  warnings!: ParseResult['warnings'];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  committedAt!: Date | null;

  static from(
    row: PlanImport,
    units: UnitResolution[],
    outcome: ImportSummary,
    columns: TableColumn[] | undefined,
  ): ImportPreviewView {
    const result = row.result as unknown as ParseResult;
    return Object.assign(new ImportPreviewView(), {
      id: row.id,
      sourceName: row.sourceName,
      existingPlanId: row.planId,
      plan: result.plan,
      sections: result.sections,
      units: units.map((u) => ({ ...u, assignments: outcome.assignmentsByName[u.name] ?? 0 })),
      needsDecision: units.filter((u) => u.decision).map((u) => u.name),
      gaps: outcome.gaps,
      columnMapping: columns ? columns.map(ColumnView.from) : null,
      outcome: ImportResultView.from(outcome, true),
      warnings: result.warnings,
      committedAt: row.committedAt,
    });
  }
}
