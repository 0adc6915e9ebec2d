export { InvalidDateError } from './invalid-date.error';
export {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  dayOfWeek,
  daysBetween,
  isCalendarDate,
  makeDate,
  toEpochDay,
  yearOf,
} from './calendar-date';
export { endOfHalf, endOfMonth, endOfQuarter, endOfYear } from './period-ends';
export {
  activeHolidayCalendar,
  calendarCoverage,
  HolidayCalendar,
  isYearCovered,
  packageYear,
  useHolidayCalendar,
  type CalendarYearSource,
  type OfficialDayType,
  type StoredYear,
} from './holiday-data';
export {
  calendarWarning,
  NEXT_YEAR_WARNING_FROM_MONTH,
  type CalendarWarning,
} from './calendar-warning';
export {
  HolidayNoticeError,
  parseHolidayNotice,
  type HolidayNotice,
  type NoticeWarning,
  type OfficialDay,
} from './holiday-notice';
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
export { formatLocalDate, formatLocalDateTime } from './local-time';
export {
  periodContaining,
  periodStartingOn,
  previousPeriod,
  PERIODS_PER_YEAR,
  type PeriodKind,
  type ReportPeriod,
} from './report-periods';
export {
  CHINESE_DIGITS,
  CHINESE_NUMERAL_CHARS,
  parseSmallNumber,
  toDigitYears,
  toHalfWidthDigits,
} from './chinese-numerals';
