import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  AssignmentRole,
  AssignmentStatus,
  ITEM_STATUSES,
  ItemStatus,
  TARGET_STANDINGS,
  TargetStandingKind,
} from '@app/database';
import { PageOf, PageQuery } from '../../common/pagination';

export class ShareProgress {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role!: AssignmentRole;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status!: AssignmentStatus;
  @ApiProperty() progressPercent!: number;
  @ApiProperty() dueOn!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) completedOn!: string | null;
  @ApiProperty({ description: '办结晚于完成时限' }) completedLate!: boolean;
}

export class ItemProgress {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() numberText!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    enum: ITEM_STATUSES,
    enumName: 'ItemStatus',
    description: '由牵头单位决定（无牵头单位时由全部单位决定）：全部牵头分工办结即办结',
  })
  status!: ItemStatus;
  @ApiProperty({ description: '牵头单位进度的平均值（已办结的分工计 100）' }) percent!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: '最后一个牵头分工的办结日期' })
  completedOn!: string | null;
  @ApiProperty({ description: '已办结，且有牵头分工晚于完成时限办结' }) completedLate!: boolean;
  @ApiProperty({ type: [ShareProgress], description: '牵头单位（单位用户只看到本单位的分工）' })
  lead!: ShareProgress[];
  @ApiProperty({ type: [ShareProgress], description: '配合单位，列在旁边，不决定条目是否办结' })
  co!: ShareProgress[];
}

export class PlanProgress {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty() items!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() notStarted!: number;
  @ApiProperty({ description: '各条目进度的平均值' }) percent!: number;
  @ApiProperty({ type: [ItemProgress] }) itemProgress!: ItemProgress[];
}

export class YearStanding {
  @ApiProperty({ example: 2025, description: '年份；任期内目标为实施期的最后一年' }) year!: number;
  @ApiProperty({ description: '该周期应达到的数量（每年目标为该年，任期内目标为整个实施期）' })
  required!: number;
  @ApiProperty({ description: '审核通过的报送中计入该目标的数量（任期内目标为整个实施期累计）' })
  achieved!: number;
  @ApiProperty({
    enum: TARGET_STANDINGS,
    enumName: 'TargetStandingKind',
    description:
      'met 已达标；behind 进度落后（少于按时间比例应完成的数量，周期结束仍未达标）；not_due 未到期',
  })
  standing!: TargetStandingKind;
}

export class TargetStanding extends YearStanding {
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty({ example: '区政府常务会议学法每年不少于4次' }) text!: string;
  @ApiProperty({ example: 1, description: '每个周期的数量' }) count!: number;
  @ApiProperty({ enum: ['year', 'half', 'quarter', 'month', 'week', 'term'], description: '周期' })
  per!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ description: '任期内目标：整个实施期只计一次，不按年重复' }) term!: boolean;
  @ApiProperty({ example: '2022-01-01', description: '所查询的周期（该年或整个实施期）的起始日' })
  periodStart!: string;
  @ApiProperty({ example: '2022-12-31' }) periodEnd!: string;
  @ApiProperty({
    type: [YearStanding],
    description:
      '每年目标：实施期内每一年的情况（上面的字段为所查询的年份）；任期内目标：只有整个实施期一项',
  })
  years!: YearStanding[];
}

export class TargetStandingPage extends PageOf(TargetStanding) {}

/** A page of an assignment's recurring targets, with the year whose standing is asked. */
export class TargetQuery extends PageQuery {
  @ApiPropertyOptional({ description: '年份（默认今年）', example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
