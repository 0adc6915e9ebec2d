import { daysInMonth, makeDate } from './calendar-date';
import { InvalidDateError } from './invalid-date.error';

export function endOfYear(year: number): string {
  return makeDate(year, 12, 31);
}

export function endOfMonth(year: number, month: number): string {
  return makeDate(year, month, daysInMonth(year, month));
}

/** `quarter` is 1-4. */
export function endOfQuarter(year: number, quarter: number): string {
  if (![1, 2, 3, 4].includes(quarter)) throw new InvalidDateError(quarter, 'quarter must be 1-4');
  return endOfMonth(year, quarter * 3);
}

/** `half` is 1 (上半年, ends 06-30) or 2 (下半年, ends 12-31). */
export function endOfHalf(year: number, half: number): string {
  if (half !== 1 && half !== 2) throw new InvalidDateError(half, 'half must be 1 or 2');
  return endOfMonth(year, half * 6);
}
