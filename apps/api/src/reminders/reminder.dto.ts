import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { DeliveryKind, DeliveryStatus, ReminderDelivery } from '@app/database';
import { IsDateOnly } from '../common/dates';
import { PageOf, PageQuery } from '../common/pagination';

export class DeliveryListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DeliveryKind, enumName: 'DeliveryKind' })
  @IsOptional()
  @IsEnum(DeliveryKind)
  kind?: DeliveryKind;

  @ApiPropertyOptional({ enum: DeliveryStatus, enumName: 'DeliveryStatus' })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: '周期（周报为所在周一，预警为当天）', example: '2025-03-10' })
  @IsOptional()
  @IsDateOnly()
  period?: string;
}

export class DigestRunDto {
  @ApiProperty({
    description: '该周的催办日（默认每周一；节假日顺延后的日期也可）；其他日期会被拒绝',
    example: '2025-03-10',
  })
  @IsDateOnly()
  date!: string;
}

export class DigestPreviewQuery {
  @ApiProperty({ example: '2025-03-10' })
  @IsDateOnly()
  date!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '单位（单位用户只能预览本单位，可不填）' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/**
 * The kinds sent for a date. The others are sent for an event, and their period is the event's
 * key (a chase batch, a report's version), which means nothing to the clerk reading the list.
 */
const PERIODIC: ReadonlySet<DeliveryKind> = new Set([
  DeliveryKind.Digest,
  DeliveryKind.Alert,
  DeliveryKind.Escalation,
]);

export class DeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: DeliveryKind, enumName: 'DeliveryKind' }) kind!: DeliveryKind;
  @ApiProperty({ description: '发送键：周期性邮件为日期，即时邮件为其事件的编号' })
  period!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      '周期：周报为该周的催办日，到期提醒与督查室汇总为当天；即时邮件（催办、退回等）没有周期',
  })
  periodDate!: string | null;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({
    type: [String],
    description:
      '抄送（每周催办不再抄送督查室：逾期超过规定天数的单位汇总为一封 escalation 邮件发给督查室）',
  })
  cc!: string[];
  @ApiProperty() subject!: string;
  @ApiProperty() itemCount!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) sentAt!: Date | null;
  @ApiProperty() createdAt!: Date;

  static from(d: ReminderDelivery): DeliveryView {
    return Object.assign(new DeliveryView(), {
      id: d.id,
      unitId: d.unitId,
      unitName: d.unit?.name,
      kind: d.kind,
      period: d.period,
      periodDate: PERIODIC.has(d.kind) ? d.period : null,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      recipients: d.recipients,
      cc: d.cc,
      subject: d.subject,
      itemCount: d.itemCount,
      sentAt: d.sentAt,
      createdAt: d.createdAt,
    });
  }
}

export class DeliveryPage extends PageOf(DeliveryView) {}

export class DigestRunView {
  @ApiProperty({ description: '本次针对的每周催办周期（该周的催办日）' }) period!: string;
  @ApiProperty({ description: '是否已交给后台生成并发送；false 表示本次不发送任何邮件' })
  queued!: boolean;
  @ApiProperty({ description: '将收到每周催办的单位数（不发送时为 0）' }) units!: number;
  @ApiProperty({ description: '给操作人看的说明' }) message!: string;
}

export class DigestPreviewView {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ description: '该单位当天是否会收到邮件（有待办事项）' }) wouldSend!: boolean;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ type: [String] }) cc!: string[];
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ description: '已逾期、DUE_SOON_DAYS 天内到期、应报未报、待答复督办单' })
  owed!: object;
}
