import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { NoticeStatus, SupervisionNotice } from '@app/database';
import { IsDateOnly } from '../common/dates';
import { AcknowledgementFilter, acknowledgementLate } from '../chain/acknowledgement';
import { PageOf, PageQuery } from '../common/pagination';
import { QueryBoolean } from '../common/query-boolean';

export class CreateNoticeDto {
  @ApiProperty({ format: 'uuid', description: '被督办单位' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ type: [String], description: '督办的责任分工（须属于该单位）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  assignmentIds!: string[];

  @ApiProperty({ description: '督办事由', example: '条目(七)已逾期 30 天，请说明原因并限期整改' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason!: string;

  @ApiProperty({ description: '答复期限 YYYY-MM-DD', example: '2025-04-15' })
  @IsDateOnly()
  replyBy!: string;
}

export class AnswerNoticeDto {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ description: '答复内容：原因、整改措施、完成时间' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  answer!: string;
}

export class ReviewNoticeDto {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: '意见（退回时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class NoticeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NoticeStatus, enumName: 'NoticeStatus' })
  @IsOptional()
  @IsEnum(NoticeStatus)
  status?: NoticeStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: '只看逾期未答复的（答复期限早于截至日期）' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: '截至日期（默认今天）' })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({
    enum: AcknowledgementFilter,
    enumName: 'AcknowledgementFilter',
    description:
      '签收：unacknowledged 未签收；late 超过签收期限仍未签收（以截至日期计）；acknowledged 已签收',
  })
  @IsOptional()
  @IsEnum(AcknowledgementFilter)
  acknowledgement?: AcknowledgementFilter;
}

export class NoticeAssignmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty() status!: string;
}

export class NoticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() replyBy!: string;
  @ApiProperty({ enum: NoticeStatus, enumName: 'NoticeStatus' }) status!: NoticeStatus;
  @ApiProperty({ description: '答复期限已过且未答复' }) overdue!: boolean;
  @ApiProperty({ type: [NoticeAssignmentView] }) assignments!: NoticeAssignmentView[];
  @ApiPropertyOptional({ type: String, nullable: true }) answerText!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  answeredAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reviewComment!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  closedAt!: Date | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '签收时间；未签收为空',
  })
  acknowledgedAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '签收期限（含当天）' })
  acknowledgeBy!: string | null;
  @ApiProperty({ description: '超过签收期限仍未签收' }) acknowledgementLate!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;

  static from(notice: SupervisionNotice, today: string): NoticeView {
    const open = notice.status === NoticeStatus.Issued || notice.status === NoticeStatus.Returned;
    return Object.assign(new NoticeView(), {
      id: notice.id,
      unitId: notice.unitId,
      unitName: notice.unit?.name,
      reason: notice.reason,
      replyBy: notice.replyBy,
      status: notice.status,
      overdue: open && notice.replyBy < today,
      assignments: (notice.assignments ?? [])
        .map((a) => ({
          id: a.id,
          itemNumberText: a.item?.numberText,
          itemTitle: a.item?.title,
          itemNumber: a.item?.number,
          dueOn: a.dueOn,
          status: a.status,
        }))
        .sort((x, y) => (x.itemNumber ?? 0) - (y.itemNumber ?? 0))
        .map(({ itemNumber: _n, ...rest }) => rest),
      answerText: notice.answerText,
      answeredAt: notice.answeredAt,
      reviewComment: notice.reviewComment,
      closedAt: notice.closedAt,
      acknowledgedAt: notice.acknowledgedAt,
      acknowledgeBy: notice.acknowledgeBy,
      acknowledgementLate: acknowledgementLate(notice, today),
      version: notice.version,
      createdAt: notice.createdAt,
    });
  }
}

export class NoticePage extends PageOf(NoticeView) {}
