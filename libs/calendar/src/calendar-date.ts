import { InvalidDateError } from './invalid-date.error';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Every calculation goes through whole days since 1970-01-01 in UTC, so the process time zone
// (UTC in containers, anything on a laptop) can never move a date by one.
export function toEpochDay(date: string): number {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) throw new InvalidDateError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = utcMidnight(year, month, day);
  const back = new Date(ms);
  // Date.UTC-style constructors roll 02-30 over into March; a round trip catches that.
  if (
    year < 1 ||
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() + 1 !== month ||
    back.getUTCDate() !== day
  ) {
    throw new InvalidDateError(date);
  }
  return ms / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): string {
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (!Number.isSafeInteger(epochDay) || !(year >= 1 && year <= 9999)) {
    throw new InvalidDateError(epochDay, 'the result falls outside the years 0001-9999');
  }
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Builds `YYYY-MM-DD` from numbers; throws InvalidDateError unless it is a real date. */
export function makeDate(year: number, month: number, day: number): string {
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  toEpochDay(date);
  return date;
}

export function daysInMonth(year: number, month: number): number {
  makeDate(year, month, 1);
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

export function isCalendarDate(value: unknown): value is string {
  try {
    toEpochDay(value as string);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`addDays: ${days} is not a whole number`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * The same day `months` months later, or that month's last day when it has no such day: a term
 * of months ends on the matching day of its last month, or on that month's end (民法典 第二百零二条).
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isSafeInteger(months)) {
    throw new RangeError(`addMonths: ${months} is not a whole number`);
  }
  toEpochDay(date);
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareDates(a: string, b: string): -1 | 0 | 1 {
  return Math.sign(daysBetween(b, a)) as -1 | 0 | 1;
}

/** 0 = Sunday ... 6 = Saturday, like Date#getDay. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: string): number {
  toEpochDay(date);
  return Number(date.slice(0, 4));
}

// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
function utcMidnight(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
