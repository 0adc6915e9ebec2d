import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsDateOnly } from '../common/dates';
import { PartKey, PART_KEYS } from './rules';

export const ASSESSMENT_PERIODS = ['month', 'quarter', 'year'] as const;
export type AssessmentPeriod = (typeof ASSESSMENT_PERIODS)[number];

export class AssessmentQuery {
  @ApiPropertyOptional({ enum: ASSESSMENT_PERIODS, default: 'month', description: '考评周期' })
  @IsOptional()
  @IsIn(ASSESSMENT_PERIODS)
  periodKind: AssessmentPeriod = 'month';

  @ApiPropertyOptional({ description: '周期内的任一天（默认今天）', example: '2025-03-10' })
  @IsOptional()
  @IsDateOnly()
  date?: string;

  @ApiPropertyOptional({
    description: '截至日期（默认周期末与今天中较早者；不能早于周期开始）',
    example: '2025-03-10',
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;
}

const weight = () => ApiPropertyOptional({ description: '分值（权重）', minimum: 0, maximum: 100 });

class WeightRule {
  @weight()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  weight?: number;
}

class OverdueRule extends WeightRule {
  @ApiPropertyOptional({ description: '每项逾期扣分', minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  perItem?: number;

  @ApiPropertyOptional({ description: '每逾期一天扣分', minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  perDay?: number;
}

export class RulesBody {
  @ApiPropertyOptional({ type: WeightRule, description: '按期完成' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightRule)
  onTimeCompletion?: WeightRule;

  @ApiPropertyOptional({ type: OverdueRule, description: '逾期扣分' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverdueRule)
  overdue?: OverdueRule;

  @ApiPropertyOptional({ type: WeightRule, description: '按时报送' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightRule)
  reportsOnTime?: WeightRule;

  @ApiPropertyOptional({ type: WeightRule, description: '督办按期答复' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightRule)
  noticesOnTime?: WeightRule;

  @ApiPropertyOptional({ type: WeightRule, description: '按时签收' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightRule)
  acknowledgedOnTime?: WeightRule;
}

export class UpdateRulesDto {
  @ApiPropertyOptional({ description: '读取时的版本号（尚未保存过规则时不填）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ type: RulesBody, description: '要修改的规则；未列出的保持不变' })
  @ValidateNested()
  @Type(() => RulesBody)
  rules!: RulesBody;
}

export class RulesView {
  @ApiProperty({ type: RulesBody, description: '现行规则（已保存的规则覆盖默认值）' })
  rules!: RulesBody;
  @ApiProperty({ type: RulesBody, description: '默认规则' })
  defaults!: RulesBody;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '尚未保存过规则时为空' })
  version!: number | null;
}

export class ScorePartView {
  @ApiProperty({ enum: PART_KEYS }) key!: PartKey;
  @ApiProperty() label!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ description: '该项数据是否可用；不可用时不计分、满分相应减少' })
  available!: boolean;
  @ApiProperty({
    description: '计数，如 {owed: 4, done: 3} 或 {items: 2, days: 31}',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  counts!: Record<string, number>;
  @ApiProperty() points!: number;
  @ApiProperty({ description: '计分说明' }) explanation!: string;
}

export class PeriodView {
  @ApiProperty({ enum: ASSESSMENT_PERIODS }) kind!: AssessmentPeriod;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ example: '2025年3月' }) label!: string;
}

export class UnitScoreView {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() rank!: number;
  @ApiProperty({ description: '得分 = 各项得分之和' }) score!: number;
  @ApiProperty({ description: '可计分各项的分值之和' }) maxScore!: number;
  @ApiPropertyOptional({
    type: [ScorePartView],
    nullable: true,
    description: '各项得分；责任单位只能看到本单位的明细',
  })
  parts!: ScorePartView[] | null;
}

export class ScoresView {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [UnitScoreView] }) rows!: UnitScoreView[];
}

export class UnitScoreDetail {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: UnitScoreView }) score!: UnitScoreView;
}
