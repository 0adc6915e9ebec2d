import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { REPORT_SHAPES, ReportShape } from '@app/annual-report';
import { IsDateOnly } from '../common/dates';

export const REPORT_FORMATS = ['md', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class AnnualReportQuery {
  @ApiPropertyOptional({
    description: '年度（默认上一年度：年度报告通常在次年初撰写）',
    example: 2024,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'md', description: 'md 或 docx' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'md';

  @ApiPropertyOptional({
    enum: REPORT_SHAPES,
    default: 'three_parts',
    description:
      'three_parts：一、工作开展情况 二、存在的主要问题 三、下步工作计划；five_parts：法治政府建设年度报告五部分（主要举措和成效、党政主要负责人履行推进法治建设第一责任人职责情况、存在的不足和原因、下一年度主要安排、其他需要报告的情况）',
  })
  @IsOptional()
  @IsIn(REPORT_SHAPES, { message: 'shape 只能是 three_parts（三部分）或 five_parts（五部分）' })
  shape: ReportShape = 'three_parts';

  @ApiPropertyOptional({ description: '落款的发文机关（默认取方案的印发单位）', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  issuer?: string;

  @ApiPropertyOptional({ description: '落款日期（默认今天）', example: '2025-03-10' })
  @IsOptional()
  @IsDateOnly()
  issuedOn?: string;
}
