import { addDays, dayOfWeek, daysBetween, makeDate } from './calendar-date';
import { InvalidDateError } from './invalid-date.error';
import { endOfHalf, endOfMonth, endOfQuarter, endOfYear } from './period-ends';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'half' | 'year';

export interface ReportPeriod {
  kind: PeriodKind;
  start: string;
  end: string;
  /** As people write it: 2024年第12周, 2024年3月, 2024年第一季度, 2024年上半年, 2024年. */
  label: string;
}

const ORDINAL = ['一', '二', '三', '四'];

/** ISO week: Monday to Sunday, numbered in the year its Thursday falls in. */
function isoWeek(monday: string): { year: number; week: number } {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(makeDate(year, 1, 1), thursday) / 7) + 1 };
}

/** The reporting period of `kind` that contains `date`. */
export function periodContaining(kind: PeriodKind, date: string): ReportPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'week': {
      const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
      const { year: weekYear, week } = isoWeek(monday);
      return { kind, start: monday, end: addDays(monday, 6), label: `${weekYear}年第${week}周` };
    }
    case 'month':
      return {
        kind,
        start: makeDate(year, month, 1),
        end: endOfMonth(year, month),
        label: `${year}年${month}月`,
      };
    case 'quarter': {
      const q = Math.ceil(month / 3);
      return {
        kind,
        start: makeDate(year, q * 3 - 2, 1),
        end: endOfQuarter(year, q),
        label: `${year}年第${ORDINAL[q - 1]}季度`,
      };
    }
    case 'half': {
      const h = month <= 6 ? 1 : 2;
      return {
        kind,
        start: makeDate(year, h * 6 - 5, 1),
        end: endOfHalf(year, h),
        label: `${year}年${h === 1 ? '上' : '下'}半年`,
      };
    }
    case 'year':
      return { kind, start: makeDate(year, 1, 1), end: endOfYear(year), label: `${year}年` };
    default:
      throw new InvalidDateError(kind, 'period kind must be week, month, quarter, half or year');
  }
}

/** The period of `kind` that begins on `start`, or an error naming the start it should have. */
export function periodStartingOn(kind: PeriodKind, start: string): ReportPeriod {
  const period = periodContaining(kind, start);
  if (period.start !== start) {
    throw new InvalidDateError(start, `a ${kind} period starts on ${period.start}, not ${start}`);
  }
  return period;
}

/** The period just before `period`. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return periodContaining(period.kind, addDays(period.start, -1));
}

/** How many periods of `kind` make a year (the yearly count of a recurring target). */
export const PERIODS_PER_YEAR: Record<PeriodKind, number> = {
  week: 52,
  month: 12,
  quarter: 4,
  half: 2,
  year: 1,
};
