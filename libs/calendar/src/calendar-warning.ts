import { activeHolidayCalendar } from './holiday-data';

export interface CalendarWarning {
  /** The year whose holidays are unknown. */
  year: number;
  kind: 'current_year_missing' | 'next_year_missing';
  /** For the people who can fix it: what is wrong and what to do, in Chinese. */
  message: string;
}

/** From this month on, next year's missing arrangement is reported (the notice comes in Nov/Dec). */
export const NEXT_YEAR_WARNING_FROM_MONTH = 11;

/**
 * Whether the calendar lacks the holidays that matter on `today` (YYYY-MM-DD): this year's at
 * any time, next year's from 1 November. One rule for the health check, the admin's to-do and
 * the leadership office's weekly digest.
 */
export function calendarWarning(
  today: string,
  calendar = activeHolidayCalendar(),
): CalendarWarning | undefined {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const how = `请由系统管理员或领导小组办公室将国务院办公厅《关于${year}年部分节假日安排的通知》全文粘贴导入（POST /api/calendar/holiday-notices/preview，或 npm run cli -- calendar:import <文件>）`;
  if (!calendar.isYearCovered(year)) {
    return {
      year,
      kind: 'current_year_missing',
      message:
        `缺少${year}年节假日安排：今年的法定节假日和调休正按普通周末计算，工作日期限和催办时间可能不准。` +
        how,
    };
  }
  const next = year + 1;
  if (month >= NEXT_YEAR_WARNING_FROM_MONTH && !calendar.isYearCovered(next)) {
    return {
      year: next,
      kind: 'next_year_missing',
      message:
        `尚未录入${next}年节假日安排：在录入之前，${next}年的法定节假日和调休将按普通周末计算，工作日期限和催办时间可能不准。` +
        `国务院办公厅发布通知后，` +
        how.replace(`关于${year}年`, `关于${next}年`),
    };
  }
  return undefined;
}
