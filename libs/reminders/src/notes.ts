import { calendarWarning, HolidayCalendar } from '@app/calendar';
import { UnitKind } from '@app/database';

/**
 * Lines at the top of a unit's weekly digest about the system itself, not about work owed: the
 * leadership office, which runs the calendar, is told when next year's holidays are missing
 * (the same rule as the health check and the admin's to-do). It gets the digest for this even
 * when it owes no work.
 */
export function digestNotes(unitKind: string, asOf: string, calendar?: HolidayCalendar): string[] {
  if (unitKind !== UnitKind.LeadershipOffice) return [];
  const warning = calendarWarning(asOf, calendar);
  return warning ? [warning.message] : [];
}
