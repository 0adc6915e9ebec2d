import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AssignmentRole, AssignmentStatus, ReportFrequency, Role } from '@app/database';
import { NoticeView } from '../supervision/notice.dto';
import { WarningRow } from '../supervision/supervision.dto';

const LEVEL = {
  enum: ['red', 'yellow', 'green'],
  description: '预警：红灯逾期，黄灯临期落后或应报未报',
};

/** One of the unit's assignments as its to-do list shows it. */
export class TodoAssignment {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: '七' }) itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role!: AssignmentRole;
  @ApiProperty({ example: '2025-12-31' }) dueOn!: string;
  @ApiProperty({ description: '距到期天数（逾期为负）' }) daysLeft!: number;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status!: AssignmentStatus;
  @ApiProperty() progressPercent!: number;
  @ApiProperty(LEVEL) level!: 'red' | 'yellow' | 'green';
  @ApiProperty({ description: '刚结束的报送周期的进展应报未报' }) reportMissing!: boolean;
}

/** A progress report owed for the period just ended and not yet filed. */
export class TodoReportDue {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ enum: ReportFrequency, enumName: 'ReportFrequency' }) periodKind!: ReportFrequency;
  @ApiProperty({ example: '2025-02-01' }) periodStart!: string;
  @ApiProperty({ example: '2025年2月' }) periodLabel!: string;
}

/** A report: returned to the unit to correct, or submitted and waiting for review. */
export class TodoReport {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ example: '2025年2月' }) periodLabel!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reviewComment!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) submittedAt!:
    string | null;
}

/** An entry of the leadership office's review inbox: a report, or work said to be done. */
export class ReviewEntry {
  @ApiProperty({
    enum: ['report', 'work', 'extension'],
    description: 'report 进展报告；work 报完成的分工；extension 延期申请',
  })
  kind!: 'report' | 'work' | 'extension';
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) reportId!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '延期申请（kind 为 extension 时）',
  })
  extensionRequestId?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '延期申请：现完成时限 → 申请延至',
  })
  extension?: string | null;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2025年2月',
    description: '报告所属周期',
  })
  periodLabel!: string | null;
  @ApiProperty({ format: 'date-time', description: '报送时间（最早的排在前面）' }) since!: string;
}

export class TodoPlan {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) docNumber!: string | null;
}

export class UnitOverdue {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() overdue!: number;
}

/** An assignment or a notice given to the unit and not yet acknowledged (未签收). */
export class TodoAcknowledgement {
  @ApiProperty({ enum: ['assignment', 'notice'] }) kind!: 'assignment' | 'notice';
  @ApiProperty({ format: 'uuid', description: '责任分工或督办单的 id' }) id!: string;
  @ApiProperty({ description: '任务或督办事由' }) title!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '签收期限（含当天）' })
  acknowledgeBy!: string | null;
  @ApiProperty({ description: '已超过签收期限' }) late!: boolean;
  @ApiProperty({ format: 'date-time', description: '交办时间' }) since!: string;
}

export class UnitTodo {
  @ApiProperty({ type: [TodoAcknowledgement], description: '未签收的任务和督办单（最早的在前）' })
  unacknowledged!: TodoAcknowledgement[];
  @ApiProperty({ type: [TodoAssignment] }) assignments!: TodoAssignment[];
  @ApiProperty({ type: [TodoReportDue] }) reportsDue!: TodoReportDue[];
  @ApiProperty({ type: [TodoReport] }) returnedReports!: TodoReport[];
  @ApiProperty({ type: [NoticeView] }) notices!: NoticeView[];
}

export class LeadershipTodo {
  @ApiProperty({ type: [ReviewEntry] }) reviewInbox!: ReviewEntry[];
  @ApiProperty({ description: '待审核总数（列表最多 100 条）' }) reviewTotal!: number;
  @ApiProperty({ type: [TodoPlan] }) draftPlans!: TodoPlan[];
}

export class SupervisionTodo {
  @ApiProperty({ type: [UnitOverdue] }) overdueByUnit!: UnitOverdue[];
  @ApiProperty() redTotal!: number;
  @ApiProperty() yellowTotal!: number;
  @ApiProperty({ type: [WarningRow], description: '红灯、黄灯各最紧迫的 10 项' })
  warnings!: WarningRow[];
  @ApiProperty({ type: [NoticeView], description: '待答复（含已过期限）与已答复待审的督办单' })
  notices!: NoticeView[];
}

export class AdminTodo {
  @ApiProperty() units!: number;
  @ApiProperty() groups!: number;
  @ApiProperty() users!: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '节假日安排缺失的提示（本年度，或 11 月起下一年度尚未导入通知时）',
  })
  calendarWarning!: string | null;
}

/** 我的待办: what waits for the signed-in user, one section for the user's role. */
export class TodoView {
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ example: '2025-03-10' }) today!: string;
  @ApiPropertyOptional({ type: UnitTodo }) unit?: UnitTodo;
  @ApiPropertyOptional({ type: LeadershipTodo }) leadership?: LeadershipTodo;
  @ApiPropertyOptional({ type: SupervisionTodo }) supervision?: SupervisionTodo;
  @ApiPropertyOptional({ type: AdminTodo }) admin?: AdminTodo;
}
