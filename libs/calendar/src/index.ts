export { InvalidDateError } from './invalid-date.error';
export {
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  isCalendarDate,
  makeDate,
} from './calendar-date';
export { endOfHalf, endOfMonth, endOfQuarter, endOfYear } from './period-ends';
export { calendarCoverage, isYearCovered } from './holiday-data';
export {
  addWorkingDays,
  addWorkingDaysChecked,
  isWorkingDay,
  isWorkingDayChecked,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
  workingDaysBetweenChecked,
  type CoverageReport,
} from './working-days';
export {
  CLOCK,
  clockFromEnv,
  FixedClock,
  SystemClock,
  shanghaiMidnight,
  todayIn,
  type Clock,
} from './clock';
export { SQL_TIME_ZONE, TIME_ZONE, TIME_ZONE_OFFSET_MS } from './time-zone';
export type { Deadline, DeadlineContext, DeadlineKind, RecurrencePeriod } from './deadline';
export { earliestDateDeadline, extractDeadlines } from './extract-deadlines';
export { CHINESE_DIGITS } from './chinese-numerals';
export {
  periodContaining,
  periodStartingOn,
  previousPeriod,
  PERIODS_PER_YEAR,
  type PeriodKind,
  type ReportPeriod,
} from './report-periods';
