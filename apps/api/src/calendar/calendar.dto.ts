import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDateOnly } from '../common/dates';

/** A notice is a page of text; anything much longer is not one. */
export const NOTICE_MAX_CHARS = 20_000;

export class HolidayNoticeDto {
  @ApiProperty({
    description: '国务院办公厅《关于YYYY年部分节假日安排的通知》全文（含标题），全角或半角标点均可',
    maxLength: NOTICE_MAX_CHARS,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTICE_MAX_CHARS)
  text!: string;
}

export class StoreHolidayYearDto extends HolidayNoticeDto {
  @ApiPropertyOptional({
    description: '替换已保存的年度时必填：预览时看到的版本号（防止覆盖他人刚保存的内容）',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({
    description: '通知中有未能读取或需核对之处（warnings）时，确认仍按读出的结果保存',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  acceptWarnings?: boolean;
}

export class YearParam {
  @ApiProperty({ example: 2027, minimum: 1949, maximum: 2200 })
  @Type(() => Number)
  @IsInt()
  @Min(1949)
  @Max(2200)
  year!: number;
}

export class WorkingDaysQuery {
  @ApiProperty({ description: '起算日（不计入）', example: '2027-04-30' })
  @IsDateOnly()
  from!: string;

  @ApiProperty({
    description: '工作日数，如“10个工作日内”的 10；0 表示当天或其后第一个工作日',
    example: 10,
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  days!: number;
}

export class OfficialDayView {
  @ApiProperty({ example: '2027-01-01' }) date!: string;
  @ApiProperty({ example: '元旦' }) name!: string;
}

export class NoticeWarningView {
  @ApiProperty({ description: '所在行（从 1 起；0 表示针对全文）' }) line!: number;
  @ApiProperty() text!: string;
  @ApiProperty() message!: string;
}

export class DayDifferenceView {
  @ApiProperty() date!: string;
  @ApiPropertyOptional({ enum: ['holiday', 'workday'], nullable: true, description: '现用日历' })
  current!: 'holiday' | 'workday' | null;
  @ApiPropertyOptional({ enum: ['holiday', 'workday'], nullable: true, description: '通知' })
  notice!: 'holiday' | 'workday' | null;
}

export class HolidayNoticePreviewView {
  @ApiProperty() year!: number;
  @ApiPropertyOptional() title?: string;
  @ApiProperty({ type: [OfficialDayView], description: '放假日' }) holidays!: OfficialDayView[];
  @ApiProperty({ type: [OfficialDayView], description: '调休上班日' }) workdays!: OfficialDayView[];
  @ApiProperty({ type: [NoticeWarningView] }) warnings!: NoticeWarningView[];
  @ApiPropertyOptional({
    enum: ['package', 'stored'],
    nullable: true,
    description: '该年现用的数据来源（null：尚无数据）',
  })
  comparedWith!: 'package' | 'stored' | null;
  @ApiProperty({ type: [DayDifferenceView], description: '与现用数据不同的日子' })
  differences!: DayDifferenceView[];
  @ApiPropertyOptional({ description: '该年已保存时的版本号（保存时作为 version 传回）' })
  version?: number;
}

export class CalendarYearSummaryView {
  @ApiProperty() year!: number;
  @ApiProperty({
    enum: ['package', 'stored'],
    description: 'package：chinese-days 自带；stored：导入的通知',
  })
  source!: 'package' | 'stored';
}

export class CalendarWarningView {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['current_year_missing', 'next_year_missing'] }) kind!: string;
  @ApiProperty() message!: string;
}

export class CalendarYearsView {
  @ApiProperty({ type: [CalendarYearSummaryView] }) years!: CalendarYearSummaryView[];
  @ApiProperty({
    description: 'chinese-days 包自带数据的年份范围',
    example: { firstYear: 2004, lastYear: 2026 },
  })
  package!: { firstYear: number; lastYear: number };
  @ApiPropertyOptional({ type: CalendarWarningView, description: '缺少节假日数据时的提示' })
  warning?: CalendarWarningView;
}

export class CalendarYearView {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['package', 'stored'] }) source!: 'package' | 'stored';
  @ApiPropertyOptional({ nullable: true }) title!: string | null;
  @ApiProperty({ type: [OfficialDayView] }) holidays!: OfficialDayView[];
  @ApiProperty({ type: [OfficialDayView] }) workdays!: OfficialDayView[];
  @ApiPropertyOptional() version?: number;
  @ApiPropertyOptional() updatedAt?: Date;
  @ApiPropertyOptional({ nullable: true }) updatedByUserId?: string | null;
  @ApiPropertyOptional({ description: '导入时的通知原文（仅已保存的年度）' }) sourceText?: string;
}

export class WorkingDaysView {
  @ApiProperty() from!: string;
  @ApiProperty() days!: number;
  @ApiProperty({ description: '第 N 个工作日（期限日）' }) date!: string;
  @ApiProperty({ type: [Number], description: '计算中用到、但没有节假日数据的年份' })
  uncoveredYears!: number[];
  @ApiPropertyOptional({ description: '有年份缺少节假日数据时的提示' }) warning?: string;
}
