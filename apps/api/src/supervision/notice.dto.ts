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
import {
  NoticeAnswer,
  NoticeAnswerFile,
  NoticeAnswerOutcome,
  NoticeLevel,
  NoticeStatus,
  SupervisionNotice,
} from '@app/database';
import { noticeNumber } from './notice-rules';
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

  @ApiPropertyOptional({
    enum: NoticeLevel,
    enumName: 'NoticeLevel',
    description: '督办等级；不填则按预警灯建议（逾期为红，滞后或应报未报为黄，其余为蓝）',
  })
  @IsOptional()
  @IsEnum(NoticeLevel)
  level?: NoticeLevel;
}

export class ChangeNoticeLevelDto {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ enum: NoticeLevel, enumName: 'NoticeLevel', description: '新的督办等级' })
  @IsEnum(NoticeLevel)
  level!: NoticeLevel;
}

export class RaiseNoticeDto {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: '升级理由' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
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

export class NoticeAnswerFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() createdAt!: Date;

  static from(f: NoticeAnswerFile): NoticeAnswerFileView {
    return Object.assign(new NoticeAnswerFileView(), {
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      createdAt: f.createdAt,
    });
  }
}

export class NoticeAnswerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() answeredAt!: Date;
  @ApiPropertyOptional({ type: String, nullable: true, description: '答复人' })
  answeredBy!: string | null;
  @ApiPropertyOptional({
    enum: NoticeAnswerOutcome,
    enumName: 'NoticeAnswerOutcome',
    nullable: true,
    description: '督查室的处理：退回或办结；待审核为空',
  })
  outcome!: NoticeAnswerOutcome | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reviewComment!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  reviewedAt!: Date | null;
  @ApiProperty({ type: [NoticeAnswerFileView] }) files!: NoticeAnswerFileView[];

  static from(
    a: NoticeAnswer,
    files: NoticeAnswerFile[],
    answeredBy: string | null,
  ): NoticeAnswerView {
    return Object.assign(new NoticeAnswerView(), {
      id: a.id,
      text: a.text,
      answeredAt: a.answeredAt,
      answeredBy,
      outcome: a.outcome,
      reviewComment: a.reviewComment,
      reviewedAt: a.reviewedAt,
      files: files.map((f) => NoticeAnswerFileView.from(f)),
    });
  }
}

export class NoticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '督办单编号，如 督办〔2026〕12号' }) number!: string;
  @ApiProperty({ enum: NoticeLevel, enumName: 'NoticeLevel', description: '督办等级' })
  level!: NoticeLevel;
  @ApiProperty({
    enum: NoticeLevel,
    enumName: 'NoticeLevel',
    description: '下发时按预警灯建议的等级',
  })
  suggestedLevel!: NoticeLevel;
  @ApiPropertyOptional({ type: String, nullable: true, description: '下发单位（督查室）' })
  officeName!: string | null;
  @ApiProperty({ description: '下发日期' }) issuedOn!: string;
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
  @ApiProperty({
    type: [NoticeAnswerView],
    description: '历次答复，最早的在前；再次答复不覆盖上一次',
  })
  answers!: NoticeAnswerView[];
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

  static from(
    notice: SupervisionNotice,
    today: string,
    answers: NoticeAnswerView[] = [],
  ): NoticeView {
    const open = notice.status === NoticeStatus.Issued || notice.status === NoticeStatus.Returned;
    return Object.assign(new NoticeView(), {
      id: notice.id,
      number: noticeNumber(notice),
      level: notice.level,
      suggestedLevel: notice.suggestedLevel,
      officeName: notice.office?.name ?? null,
      issuedOn: notice.issuedOn,
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
      answers,
      acknowledgedAt: notice.acknowledgedAt,
      acknowledgeBy: notice.acknowledgeBy,
      acknowledgementLate: acknowledgementLate(notice, today),
      version: notice.version,
      createdAt: notice.createdAt,
    });
  }
}

export class NoticePage extends PageOf(NoticeView) {}
