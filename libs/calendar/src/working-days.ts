import { dayOfWeek, fromEpochDay, toEpochDay } from './calendar-date';
import { activeHolidayCalendar, calendarCoverage, HolidayCalendar } from './holiday-data';

/**
 * Attached to every checked working-day answer. Outside the years the calendar covers (the
 * chinese-days package and the notices stored from the database) the official holidays are unknown, so only Saturdays and Sundays count as days off; the answer may
 * then be wrong by the length of a holiday, and `warning` says so in words fit for a log line.
 */
export interface CoverageReport {
  uncoveredYears: number[];
  warning?: string;
}

export function isWorkingDayChecked(
  date: string,
  calendar = activeHolidayCalendar(),
): { working: boolean } & CoverageReport {
  const probe = new Probe(pick(calendar));
  return { working: probe.isWorking(toEpochDay(date)), ...probe.report() };
}

/** Like isWorkingDayChecked without the report: weekends only outside the covered years. */
export function isWorkingDay(date: string, calendar = activeHolidayCalendar()): boolean {
  return isWorkingDayChecked(date, calendar).working;
}

/**
 * The n-th working day after `date`, not counting `date` itself: a task given on Friday with
 * 1 working day is due Monday. n = 0 means "due the same day if that is a working day", so it
 * returns `date` when it is a working day and otherwise the next one.
 */
export function addWorkingDaysChecked(
  date: string,
  n: number,
  calendar = activeHolidayCalendar(),
): { date: string } & CoverageReport {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`addWorkingDays: n must be a whole number >= 0, got ${n}`);
  }
  const probe = new Probe(pick(calendar));
  let day = toEpochDay(date);
  if (n === 0) {
    while (!probe.isWorking(day)) day += 1;
  }
  for (let left = n; left > 0;) {
    day += 1;
    if (probe.isWorking(day)) left -= 1;
  }
  return { date: fromEpochDay(day), ...probe.report() };
}

export function addWorkingDays(
  date: string,
  n: number,
  calendar = activeHolidayCalendar(),
): string {
  return addWorkingDaysChecked(date, n, calendar).date;
}

export function nextWorkingDayOnOrAfter(date: string, calendar = activeHolidayCalendar()): string {
  return addWorkingDays(date, 0, calendar);
}

/**
 * Working days in (from, to]: the inverse of addWorkingDays, so an item due `from` and checked on
 * `to` is overdue by this many working days. Negative when `to` is before `from`.
 */
export function workingDaysBetweenChecked(
  from: string,
  to: string,
  calendar = activeHolidayCalendar(),
): { count: number } & CoverageReport {
  const [start, end] = [toEpochDay(from), toEpochDay(to)];
  const probe = new Probe(pick(calendar));
  let count = 0;
  for (let day = Math.min(start, end) + 1; day <= Math.max(start, end); day += 1) {
    if (probe.isWorking(day)) count += 1;
  }
  return { count: end < start ? -count : count, ...probe.report() };
}

export function workingDaysBetween(
  from: string,
  to: string,
  calendar = activeHolidayCalendar(),
): number {
  return workingDaysBetweenChecked(from, to, calendar).count;
}

// A callback use such as dates.filter(isWorkingDay) passes an index where the calendar goes.
const pick = (calendar: unknown): HolidayCalendar =>
  calendar instanceof HolidayCalendar ? calendar : activeHolidayCalendar();

// Collects the uncovered years an answer actually relied on, so a deadline that stays inside
// covered years carries no warning even if the caller's other dates do not.
class Probe {
  private readonly uncovered = new Set<number>();

  constructor(private readonly calendar: HolidayCalendar) {}

  isWorking(epochDay: number): boolean {
    const date = fromEpochDay(epochDay);
    const weekday = dayOfWeek(date);
    const ordinary = weekday !== 0 && weekday !== 6;
    const year = Number(date.slice(0, 4));
    if (!this.calendar.isYearCovered(year)) {
      this.uncovered.add(year);
      return ordinary;
    }
    const official = this.calendar.dayType(date);
    return official ? official === 'workday' : ordinary;
  }

  report(): CoverageReport {
    const uncoveredYears = [...this.uncovered].sort((a, b) => a - b);
    if (uncoveredYears.length === 0) return { uncoveredYears };
    const { firstYear, lastYear } = calendarCoverage();
    const stored = this.calendar.storedYears();
    return {
      uncoveredYears,
      warning:
        `No official holiday data for ${uncoveredYears.join(', ')} ` +
        `(chinese-days covers ${firstYear}-${lastYear}` +
        `${stored.length ? `; stored notices: ${stored.join(', ')}` : ''}): ` +
        `only Saturdays and Sundays were treated as days off there.`,
    };
  }
}
