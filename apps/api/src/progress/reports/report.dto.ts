import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EvidenceFile, ProgressReport, ReportFrequency, ReportStatus } from '@app/database';
import { IsDateOnly } from '../../common/dates';
import { PageOf } from '../../common/pagination';
import { EvidenceView } from '../evidence/evidence.dto';

export class FigureDto {
  @ApiProperty({ example: '集体学法' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  value!: number;

  @ApiProperty({ example: '次' })
  @IsString()
  @MaxLength(20)
  unit!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '计入的常态化目标（GET /assignments/:id/targets）',
  })
  @IsOptional()
  @IsUUID()
  targetId?: string;
}

class ReportContentDto {
  @ApiPropertyOptional({ description: '本期工作开展情况' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  workDone?: string;

  @ApiPropertyOptional({ type: [FigureDto], description: '数据：名称、数值、单位' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FigureDto)
  figures?: FigureDto[];

  @ApiPropertyOptional({ description: '存在的问题' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  problems?: string;

  @ApiPropertyOptional({ description: '下步计划' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  nextSteps?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '完成百分比' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
}

export class CreateReportDto extends ReportContentDto {
  @ApiPropertyOptional({
    enum: ReportFrequency,
    enumName: 'ReportFrequency',
    description: '报送周期类型；不填则取条目或方案的设定（默认按月）',
  })
  @IsOptional()
  @IsEnum(ReportFrequency)
  periodKind?: ReportFrequency;

  @ApiProperty({ description: '报送周期的任意一天，如 2025-03-15 表示 2025 年 3 月' })
  @IsDateOnly()
  periodDate!: string;
}

export class UpdateReportDto extends PartialType(ReportContentDto) {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ReviewReportDto {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: '审核意见（退回时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class VersionDto {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ enum: ReportFrequency, enumName: 'ReportFrequency' }) periodKind!: ReportFrequency;
  @ApiProperty() periodStart!: string;
  @ApiProperty() periodEnd!: string;
  @ApiProperty({ example: '2025年3月' }) periodLabel!: string;
  @ApiProperty() workDone!: string;
  @ApiProperty({ type: [FigureDto] }) figures!: FigureDto[];
  @ApiProperty() problems!: string;
  @ApiProperty() nextSteps!: string;
  @ApiProperty() percent!: number;
  @ApiProperty({ enum: ReportStatus, enumName: 'ReportStatus' }) status!: ReportStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) reviewComment!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  submittedAt!: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  reviewedAt!: Date | null;
  @ApiProperty({ type: [EvidenceView] }) files!: EvidenceView[];
  @ApiProperty() version!: number;

  static from(report: ProgressReport, label: string, files: EvidenceFile[]): ReportView {
    return Object.assign(new ReportView(), {
      id: report.id,
      assignmentId: report.assignmentId,
      periodKind: report.periodKind,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      periodLabel: label,
      workDone: report.workDone,
      figures: report.figures,
      problems: report.problems,
      nextSteps: report.nextSteps,
      percent: report.percent,
      status: report.status,
      reviewComment: report.reviewComment,
      submittedAt: report.submittedAt,
      reviewedAt: report.reviewedAt,
      files: files.map(EvidenceView.from),
      version: report.version,
    });
  }
}

export class ReportPage extends PageOf(ReportView) {}
