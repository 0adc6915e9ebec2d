import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
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
import { Assignment, AssignmentRole, AssignmentStatus } from '@app/database';
import { AcknowledgementFilter, acknowledgementLate } from '../chain/acknowledgement';
import { IsDateOnly } from '../common/dates';
import { PageOf, PageQuery } from '../common/pagination';

export class CreateAssignmentDto {
  @ApiProperty({ format: 'uuid', description: '条目' })
  @IsUUID()
  itemId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '单位（与 groupId 二选一）' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '单位组：展开为其全部成员单位' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiProperty({
    enum: AssignmentRole,
    enumName: 'AssignmentRole',
    description: 'lead 牵头 / co 配合',
  })
  @IsEnum(AssignmentRole)
  role!: AssignmentRole;

  @ApiPropertyOptional({ description: '完成时限；不填则取条目时限，再取方案默认时限' })
  @IsOptional()
  @IsDateOnly()
  dueOn?: string;
}

export class UpdateAssignmentDto {
  // Bounded as the integer column it is compared with, so a wild number is a 400 in the
  // caller's words, not the database's.
  @ApiProperty({ description: '读取时的版本号；已被他人修改时返回 409', maximum: 2147483647 })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version!: number;

  @ApiPropertyOptional({ enum: AssignmentStatus, enumName: 'AssignmentStatus' })
  @IsOptional()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;

  @ApiPropertyOptional({ description: '退回原因（领导小组办公室退回时必填）' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '完成百分比' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent?: number;

  @ApiPropertyOptional({ description: '完成时限（仅领导小组办公室）' })
  @IsOptional()
  @IsDateOnly()
  dueOn?: string;

  @ApiPropertyOptional({
    enum: AssignmentRole,
    enumName: 'AssignmentRole',
    description: '仅领导小组办公室',
  })
  @IsOptional()
  @IsEnum(AssignmentRole)
  role?: AssignmentRole;
}

export class AssignmentListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: AssignmentStatus, enumName: 'AssignmentStatus' })
  @IsOptional()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;

  @ApiPropertyOptional({ enum: AssignmentRole, enumName: 'AssignmentRole' })
  @IsOptional()
  @IsEnum(AssignmentRole)
  role?: AssignmentRole;

  @ApiPropertyOptional({ description: '时限不晚于（含）', example: '2025-12-31' })
  @IsOptional()
  @IsDateOnly()
  dueBefore?: string;

  @ApiPropertyOptional({ description: '时限不早于（含）', example: '2023-01-01' })
  @IsOptional()
  @IsDateOnly()
  dueAfter?: string;

  @ApiPropertyOptional({
    enum: AcknowledgementFilter,
    enumName: 'AcknowledgementFilter',
    description: '签收：unacknowledged 未签收；late 超过签收期限仍未签收；acknowledged 已签收',
  })
  @IsOptional()
  @IsEnum(AcknowledgementFilter)
  acknowledgement?: AcknowledgementFilter;
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemNumber!: number;
  @ApiProperty() itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role!: AssignmentRole;
  @ApiProperty({ example: '2025-12-31' }) dueOn!: string;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status!: AssignmentStatus;
  @ApiProperty() progressPercent!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) completedOn!: string | null;
  @ApiProperty({ description: '办结晚于完成时限' }) completedLate!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: '最近一次退回的原因' })
  returnReason!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '签收时间；未签收为空',
  })
  acknowledgedAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '签收期限（含当天）' })
  acknowledgeBy!: string | null;
  @ApiProperty({ description: '超过签收期限仍未签收（以服务器的今天计）' })
  acknowledgementLate!: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '批准延期前的原完成时限；未延期为空',
  })
  originalDueOn!: string | null;
  @ApiProperty({ description: '在原完成时限（未延期则为完成时限）内办结' })
  completedOnOriginalTime!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({
    enum: AssignmentStatus,
    enumName: 'AssignmentStatus',
    isArray: true,
    description: '当前用户可将其改为的状态（仅在读取单个分工时给出）',
  })
  allowedStatuses?: AssignmentStatus[];

  /** The view of an assignment on `today` (Asia/Shanghai), which decides 签收超时. */
  static from(a: Assignment, today: string): AssignmentView {
    return Object.assign(new AssignmentView(), {
      id: a.id,
      planId: a.planId,
      itemId: a.itemId,
      itemNumber: a.item?.number,
      itemNumberText: a.item?.numberText,
      itemTitle: a.item?.title,
      unitId: a.unitId,
      unitName: a.unit?.name,
      role: a.role,
      dueOn: a.dueOn,
      status: a.status,
      progressPercent: a.progressPercent,
      completedOn: a.completedOn,
      completedLate: a.completedOn !== null && a.completedOn > a.dueOn,
      returnReason: a.returnReason,
      acknowledgedAt: a.acknowledgedAt,
      acknowledgeBy: a.acknowledgeBy,
      acknowledgementLate: acknowledgementLate(a, today),
      originalDueOn: a.originalDueOn,
      completedOnOriginalTime:
        a.completedOn !== null && a.completedOn <= (a.originalDueOn ?? a.dueOn),
      version: a.version,
      updatedAt: a.updatedAt,
    });
  }
}

export class AssignmentPage extends PageOf(AssignmentView) {}

export class CreatedAssignments {
  @ApiProperty({ type: [AssignmentView] }) created!: AssignmentView[];
  @ApiProperty({ type: [String], description: '已有分工而跳过的单位' }) skippedUnitIds!: string[];
}
