import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Chase, ExtensionRequest, ExtensionStatus } from '@app/database';
import { IsDateOnly } from '../common/dates';
import { PageOf, PageQuery } from '../common/pagination';

export class CreateExtensionRequestDto {
  @ApiProperty({
    description: '申请延至的完成时限 YYYY-MM-DD（须晚于现完成时限）',
    example: '2025-06-30',
  })
  @IsDateOnly()
  requestedDueOn!: string;

  @ApiProperty({ description: '延期理由', example: '项目用地审批尚未完成，需顺延一个季度' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason!: string;
}

export class DecideExtensionDto {
  @ApiProperty({ description: '读取时的版本号；已被他人处理时返回 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: '审批意见（不同意时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class ExtensionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ExtensionStatus, enumName: 'ExtensionStatus' })
  @IsOptional()
  @IsEnum(ExtensionStatus)
  status?: ExtensionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;
}

export class ExtensionRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ description: '申请时的完成时限' }) currentDueOn!: string;
  @ApiProperty({ description: '申请延至' }) requestedDueOn!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ExtensionStatus, enumName: 'ExtensionStatus' }) status!: ExtensionStatus;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionComment!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;

  static from(r: ExtensionRequest): ExtensionRequestView {
    return Object.assign(new ExtensionRequestView(), {
      id: r.id,
      assignmentId: r.assignmentId,
      unitId: r.unitId,
      unitName: r.unit?.name,
      planId: r.assignment?.planId,
      itemId: r.assignment?.itemId,
      itemNumberText: r.assignment?.item?.numberText,
      itemTitle: r.assignment?.item?.title,
      currentDueOn: r.currentDueOn,
      requestedDueOn: r.requestedDueOn,
      reason: r.reason,
      status: r.status,
      decidedAt: r.decidedAt,
      decisionComment: r.decisionComment,
      version: r.version,
      createdAt: r.createdAt,
    });
  }
}

export class ExtensionRequestPage extends PageOf(ExtensionRequestView) {}

export class CreateChaseDto {
  @ApiProperty({ type: [String], description: '催办的责任分工（可跨单位，每个单位收到一封邮件）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  assignmentIds!: string[];

  @ApiProperty({ description: '催办内容', example: '该项任务已逾期，请于本周内报送进展' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  message!: string;
}

export class ChaseBatchView {
  @ApiProperty({ format: 'uuid', description: '本次催办的批次号' }) batchId!: string;
  @ApiProperty({ description: '催办的分工数' }) assignments!: number;
  @ApiProperty({ type: [String], description: '收到催办的单位' }) unitIds!: string[];
}

export class ChaseListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;
}

export class ChaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemNumberText!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty() message!: string;
  @ApiProperty() createdAt!: Date;

  static from(c: Chase): ChaseView {
    return Object.assign(new ChaseView(), {
      id: c.id,
      batchId: c.batchId,
      assignmentId: c.assignmentId,
      unitId: c.unitId,
      unitName: c.unit?.name,
      itemId: c.assignment?.itemId,
      itemNumberText: c.assignment?.item?.numberText,
      itemTitle: c.assignment?.item?.title,
      message: c.message,
      createdAt: c.createdAt,
    });
  }
}

export class ChasePage extends PageOf(ChaseView) {}
