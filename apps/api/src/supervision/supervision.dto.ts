import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AssignmentRole, AssignmentStatus } from '@app/database';
import { IsDateOnly } from '../common/dates';
import { PageOf, Paged } from '../common/pagination';
import { QueryBoolean } from '../common/query-boolean';

/** “临期” window of the yellow light when nobody asks for another (warnings, the to-do page). */
export const DEFAULT_WARNING_DAYS = 14;

export class AsOfQuery {
  @ApiPropertyOptional({
    description: '截至日期（默认今天，按 Asia/Shanghai）',
    example: '2025-03-10',
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;
}

/** The filters every supervision view shares; all optional. Paging is the lists' own. */
export class SupervisionFilter {
  @ApiPropertyOptional({
    description: '截至日期（默认今天，按 Asia/Shanghai）',
    example: '2025-03-10',
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '章' })
  @IsOptional()
  @IsUUID()
  sectionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '单位组：其全部成员单位' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ description: '只看牵头单位' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  leadOnly?: boolean;
}

// Days overdue are calendar days from the due date in force (an extension moves it, as for the
// lights, the digest and 考评), so for one as-of date most overdue first is earliest due first:
// one order, one name (sort=dueOn was the same list and went).
export const OVERDUE_SORTS = ['daysOverdue', 'unit'] as const;
export type OverdueSort = (typeof OVERDUE_SORTS)[number];

/** Which overdue work and in which order: the list pages it, the export writes all of it. */
export class OverdueFilter extends SupervisionFilter {
  @ApiPropertyOptional({ description: '至少逾期天数', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  minDaysOverdue?: number;

  @ApiPropertyOptional({
    enum: OVERDUE_SORTS,
    default: 'daysOverdue',
    description: 'daysOverdue：逾期最久（完成时限最早）的在前；unit：按单位名称',
  })
  @IsOptional()
  @IsIn(OVERDUE_SORTS)
  sort: OverdueSort = 'daysOverdue';
}

export class OverdueQuery extends Paged(OverdueFilter) {}

export class WarningQuery extends Paged(SupervisionFilter) {
  @ApiPropertyOptional({ description: '“临期”的天数 N：N 天内到期且进度落后为黄灯', default: 14 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  warningDays = DEFAULT_WARNING_DAYS;

  @ApiPropertyOptional({ enum: ['red', 'yellow'], description: '只看红灯或黄灯' })
  @IsOptional()
  @IsIn(['red', 'yellow'])
  level?: 'red' | 'yellow';
}

export const STAT_GROUPS = ['unit', 'plan', 'section'] as const;
export type StatGroup = (typeof STAT_GROUPS)[number];

/**
 * Statistics are one ranked table, not a list: every group must be counted to rank any of them,
 * so a page would cost the whole table again; no paging (a `page` is refused, not ignored).
 */
export class StatisticsQuery extends SupervisionFilter {
  @ApiPropertyOptional({ enum: STAT_GROUPS, default: 'unit', description: '按单位、方案或章统计' })
  @IsOptional()
  @IsIn(STAT_GROUPS)
  groupBy: StatGroup = 'unit';
}

export class OverdueRow {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty({ format: 'uuid' }) sectionId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemNumber!: number;
  @ApiProperty({ example: '七' }) itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role!: AssignmentRole;
  @ApiProperty({ example: '2022-12-31' }) dueOn!: string;
  @ApiProperty({ description: '截至日期时已逾期的天数' }) daysOverdue!: number;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status!: AssignmentStatus;
  @ApiProperty() progressPercent!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: '最近一次报送进展的日期' })
  lastReportOn!: string | null;
}

export class OverduePage extends PageOf(OverdueRow) {
  @ApiProperty({ example: '2025-03-10' }) asOf!: string;
}

export class WarningRow extends OverdueRow {
  @ApiProperty({
    enum: ['red', 'yellow'],
    description: '红灯逾期；黄灯临期且进度落后，或刚结束周期的进展应报未报',
  })
  level!: 'red' | 'yellow';
  @ApiProperty({ description: '刚结束的报送周期的进展应报未报' }) reportMissing!: boolean;
  @ApiProperty({ description: '按时间推算应达到的进度' }) expectedPercent!: number;
  @ApiProperty({ description: '距到期天数（逾期为负）' }) daysLeft!: number;
  @ApiProperty({
    enum: ['red', 'yellow', 'green'],
    description: '所在条目的预警（其各分工中最严重者）',
  })
  itemLevel!: 'red' | 'yellow' | 'green';
  @ApiProperty({ description: '原因' }) reason!: string;
}

export class WarningPage extends PageOf(WarningRow) {
  @ApiProperty() asOf!: string;
}

export class StatisticsRow {
  @ApiProperty({ format: 'uuid', description: '单位、方案或章的 id' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '承担的分工数' }) assigned!: number;
  @ApiProperty({ description: '截至日期已办结' }) completed!: number;
  @ApiProperty({ description: '在完成时限内办结' }) completedOnTime!: number;
  @ApiProperty({ description: '在原完成时限（批准延期前的时限；未延期的即完成时限）内办结' })
  completedOnOriginalTime!: number;
  @ApiProperty({ description: '经批准延期的分工数' }) extended!: number;
  @ApiProperty({ description: '未签收的未办结分工（截至日期）' }) unacknowledged!: number;
  @ApiProperty({ description: '其中已超过签收期限' }) acknowledgementLate!: number;
  @ApiProperty({ description: '截至日期已到期（应完成）的分工数' }) due!: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '按期完成率 = 按期办结 / 应完成；无应完成时为空',
  })
  onTimeRate!: number | null;
  @ApiProperty({ description: '现逾期' }) overdue!: number;
  @ApiProperty({ description: '逾期未答复的督办单' }) noticesOverdue!: number;
  @ApiProperty({ description: '截至日期应报送的进展（刚结束的报送周期，每项未办结分工一份）' })
  reportsDue!: number;
  @ApiProperty({ description: '其中截至日期应报未报' }) reportsMissing!: number;
  @ApiProperty({
    description: '跟踪的经常性目标（每年…次按所查日期的年份，任期内…次按整个实施期计一次）',
  })
  recurringTargets!: number;
  @ApiProperty({ description: '其中已达标' }) recurringTargetsMet!: number;
  @ApiProperty({ description: '其中进度落后（少于按时间比例应完成的数量，或周期已过仍未达标）' })
  recurringTargetsBehind!: number;
  @ApiProperty({ description: '其中未到期（三者之和等于 recurringTargets）' })
  recurringTargetsNotDue!: number;
  @ApiPropertyOptional({ description: '排名（按期完成率高、逾期少者在前）' }) rank!: number;
}

export class StatisticsView {
  @ApiProperty() asOf!: string;
  @ApiProperty({ enum: STAT_GROUPS }) groupBy!: StatGroup;
  @ApiProperty({ type: [StatisticsRow] }) rows!: StatisticsRow[];
}
