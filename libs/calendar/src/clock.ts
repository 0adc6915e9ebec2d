import { fromEpochDay, isCalendarDate, toEpochDay } from './calendar-date';
import { InvalidDateError } from './invalid-date.error';
import { TIME_ZONE_OFFSET_MS } from './time-zone';

/** Injection token for a Clock; a plain symbol so this library needs no NestJS. */
export const CLOCK = Symbol('CLOCK');

/** The one source of "now", so deadlines, overdue checks and reminders can be tested at any date. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

const MS_PER_DAY = 86_400_000;
// An instant must carry its offset: without one, Date parses it in the process time zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** 00:00 of `date` (YYYY-MM-DD) in Asia/Shanghai, as an instant. */
export function shanghaiMidnight(date: string): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY - TIME_ZONE_OFFSET_MS);
}

/** A clock that stands still until told otherwise; for tests and for replaying a past day. */
export class FixedClock implements Clock {
  private ms: number;

  /** `at`: an ISO instant with offset, a Date, or YYYY-MM-DD meaning 00:00 that day in Shanghai. */
  constructor(at: string | Date) {
    this.ms = toInstant(at);
  }

  // A copy, so a caller mutating the returned Date cannot move the clock.
  now(): Date {
    return new Date(this.ms);
  }

  set(at: string | Date): void {
    this.ms = toInstant(at);
  }

  /** Moves by whole 24-hour days, which are whole calendar days in Shanghai (no DST). */
  advanceDays(days: number): void {
    if (!Number.isSafeInteger(days)) throw new RangeError(`advanceDays: ${days} is not whole`);
    this.ms += days * MS_PER_DAY;
  }
}

function toInstant(at: string | Date): number {
  let ms = NaN;
  if (at instanceof Date) {
    ms = at.getTime();
  } else if (typeof at === 'string' && ISO_INSTANT.test(at)) {
    // Date.parse rolls 02-30 over into March; the calendar check refuses it instead.
    if (isCalendarDate(at.slice(0, 10))) ms = Date.parse(at);
  } else if (isCalendarDate(at)) {
    ms = shanghaiMidnight(at).getTime();
  }
  if (Number.isNaN(ms)) {
    throw new InvalidDateError(at, 'expected YYYY-MM-DD or an ISO instant with Z or an offset');
  }
  return ms;
}

/**
 * The calendar date (YYYY-MM-DD) that `clock` reads in the product's zone (`TIME_ZONE`): the
 * inverse of shanghaiMidnight, on the same fixed offset. Arithmetic, where Intl's formatter was
 * 1 % of every request that asks for today (bench:profile).
 */
export function todayIn(clock: Clock): string {
  return fromEpochDay(Math.floor((clock.now().getTime() + TIME_ZONE_OFFSET_MS) / MS_PER_DAY));
}

/**
 * The process's clock: the system's, except in tests, where `LUOSHI_CLOCK` (an ISO instant or
 * a date) pins it so a worker process can be started "on" a chosen day. Refused outside tests.
 */
export function clockFromEnv(env: Record<string, string | undefined> = process.env): Clock {
  const pinned = env.LUOSHI_CLOCK?.trim();
  if (!pinned) return new SystemClock();
  if (env.NODE_ENV !== 'test') {
    throw new Error(
      'LUOSHI_CLOCK is for tests only (NODE_ENV=test); unset it to use the real time',
    );
  }
  return new FixedClock(pinned);
}
