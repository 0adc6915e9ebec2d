import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  AssignmentRole,
  AssignmentStatus,
  Item,
  ITEM_STATUSES,
  ItemStatus,
  Plan,
  PlanStatus,
  ReportFrequency,
  Section,
} from '@app/database';
import { IsDateOnly } from '../common/dates';
import { PageOf, PageQuery } from '../common/pagination';

export class CreatePlanDto {
  @ApiProperty({ example: '经开区法治政府建设实施方案(2022—2025年)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ description: '文号', example: '漯开文〔2022〕57号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  docNumber?: string;

  @ApiPropertyOptional({ description: '印发单位', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  issuers?: string[];

  @ApiPropertyOptional({ description: '印发日期 YYYY-MM-DD', example: '2022-10-21' })
  @IsOptional()
  @IsDateOnly()
  issuedOn?: string;

  @ApiPropertyOptional({ example: '2022-01-01' })
  @IsOptional()
  @IsDateOnly()
  periodStart?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @IsDateOnly()
  periodEnd?: string;

  @ApiPropertyOptional({ description: '未写明时限的条目默认完成时限', example: '2025-12-31' })
  @IsOptional()
  @IsDateOnly()
  defaultDueOn?: string;

  @ApiPropertyOptional({ enum: PlanStatus, enumName: 'PlanStatus', default: PlanStatus.Draft })
  @IsOptional()
  @IsEnum(PlanStatus)
  status?: PlanStatus;

  @ApiPropertyOptional({
    enum: ReportFrequency,
    enumName: 'ReportFrequency',
    default: ReportFrequency.Month,
    description: '各单位报送进展的周期',
  })
  @IsOptional()
  @IsEnum(ReportFrequency)
  reportFrequency?: ReportFrequency;
}

export class UpdatePlanDto extends PartialType(CreatePlanDto) {}

export class PlanListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PlanStatus, enumName: 'PlanStatus' })
  @IsOptional()
  @IsEnum(PlanStatus)
  status?: PlanStatus;
}

export class PlanView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) docNumber!: string | null;
  @ApiProperty({ type: [String] }) issuers!: string[];
  @ApiPropertyOptional({ type: String, nullable: true, example: '2022-10-21' }) issuedOn!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) periodStart!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) periodEnd!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) defaultDueOn!: string | null;
  @ApiProperty({ enum: PlanStatus, enumName: 'PlanStatus' }) status!: PlanStatus;
  @ApiProperty({ enum: ReportFrequency, enumName: 'ReportFrequency', description: '报送周期' })
  reportFrequency!: ReportFrequency;

  static from(plan: Plan): PlanView {
    const {
      id,
      title,
      docNumber,
      issuers,
      issuedOn,
      periodStart,
      periodEnd,
      defaultDueOn,
      status,
      reportFrequency,
    } = plan;
    return Object.assign(new PlanView(), {
      id,
      title,
      docNumber,
      issuers,
      issuedOn,
      periodStart,
      periodEnd,
      defaultDueOn,
      status,
      reportFrequency,
    });
  }
}

export class PlanPage extends PageOf(PlanView) {}

export class CreateSectionDto {
  @ApiProperty({ description: '章序号（整数）', example: 2 })
  @IsInt()
  @Min(1)
  @Max(999)
  number!: number;

  @ApiProperty({ description: '章序号原文（中文数字）', example: '二' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  numberText!: string;

  @ApiProperty({ example: '依法全面履行政府职能，推动更好发挥政府作用' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title!: string;
}

export class UpdateSectionDto extends PartialType(CreateSectionDto) {}

export class SectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() numberText!: string;
  @ApiProperty() title!: string;

  static from(section: Section): SectionView {
    const { id, planId, number, numberText, title } = section;
    return Object.assign(new SectionView(), { id, planId, number, numberText, title });
  }
}

export class SectionPage extends PageOf(SectionView) {}

export class CreateItemDto {
  @ApiProperty({ format: 'uuid', description: '所属章' })
  @IsUUID()
  sectionId!: string;

  @ApiProperty({ description: '条目序号（整数，全文连续编号）', example: 4 })
  @IsInt()
  @Min(1)
  @Max(9999)
  number!: number;

  @ApiProperty({ description: '条目序号原文', example: '四' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  numberText!: string;

  @ApiProperty({ example: '推进政府机构职能优化协同高效' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ description: '条目正文' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  body?: string;

  @ApiPropertyOptional({ description: '总体要求等不需落实的条目', default: false })
  @IsOptional()
  @IsBoolean()
  preamble?: boolean;

  @ApiPropertyOptional({ description: '时限原文', example: '2022年年底前' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  deadlineText?: string;

  @ApiPropertyOptional({ description: '完成时限 YYYY-MM-DD；不填则用方案默认时限' })
  @IsOptional()
  @IsDateOnly()
  dueOn?: string;

  @ApiPropertyOptional({
    enum: ReportFrequency,
    enumName: 'ReportFrequency',
    nullable: true,
    description: '本条目的报送周期（不填则按方案）',
  })
  @IsOptional()
  @IsEnum(ReportFrequency)
  reportFrequency?: ReportFrequency;
}

export class UpdateItemDto extends PartialType(CreateItemDto) {}

export class ItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ format: 'uuid' }) sectionId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() numberText!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() preamble!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) deadlineText!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dueOn!: string | null;
  @ApiPropertyOptional({ enum: ReportFrequency, enumName: 'ReportFrequency', nullable: true })
  reportFrequency!: ReportFrequency | null;

  static from(item: Item): ItemView {
    const {
      id,
      planId,
      sectionId,
      number,
      numberText,
      title,
      body,
      preamble,
      deadlineText,
      dueOn,
    } = item;
    return Object.assign(new ItemView(), {
      id,
      planId,
      sectionId,
      number,
      numberText,
      title,
      body,
      preamble,
      deadlineText,
      dueOn,
      reportFrequency: item.reportFrequency,
    });
  }
}

export class ItemPage extends PageOf(ItemView) {}

/** One unit's share as the item's view shows it. */
export class ItemUnitView {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role!: AssignmentRole;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status!: AssignmentStatus;
  @ApiProperty() progressPercent!: number;
  @ApiProperty() dueOn!: string;
}

export class ItemTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) dueOn!: string | null;
}

export class ItemTargetView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '区政府常务会议学法每年不少于4次' }) text!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ enum: ['year', 'half', 'quarter', 'month', 'week', 'term'] }) per!: string;
  @ApiProperty() unit!: string;
}

/** `GET /items/:id`: the item with its units, tasks and targets, and its status by the one rule. */
export class ItemDetailView extends ItemView {
  @ApiProperty({
    enum: ITEM_STATUSES,
    enumName: 'ItemStatus',
    description: '同 /items/:id/progress',
  })
  status!: ItemStatus;
  @ApiProperty() percent!: number;
  @ApiProperty({ type: [ItemUnitView], description: '牵头在前；单位用户只看到本单位的分工' })
  units!: ItemUnitView[];
  @ApiProperty({ type: [ItemTaskView] }) tasks!: ItemTaskView[];
  @ApiProperty({ type: [ItemTargetView] }) targets!: ItemTargetView[];
}
