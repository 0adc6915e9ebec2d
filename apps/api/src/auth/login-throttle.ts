import { HttpException, HttpStatus } from '@nestjs/common';
import type { LoginRules } from '@app/config';

const MINUTE_MS = 60_000;
/**
 * A run or lock stamped more than this ahead of "now" came from a clock that was ahead (another
 * API process, or a test that moved its clock): it is treated as over, never as lasting forever.
 */
export const CLOCK_SKEW_MS = MINUTE_MS;

export type ThrottleKind = 'account' | 'address';

export interface ThrottleRule {
  /** Failures in a row that lock the key. */
  max: number;
  /** How long a lock lasts; also how long a run of failures is remembered without a new one. */
  lockMs: number;
}

export function throttleRules(rules: LoginRules): Record<ThrottleKind, ThrottleRule> {
  return {
    account: { max: rules.maxFailures, lockMs: rules.lockMinutes * MINUTE_MS },
    address: { max: rules.addressMaxFailures, lockMs: rules.addressWindowMinutes * MINUTE_MS },
  };
}

export const throttleKey = (kind: ThrottleKind, value: string): string =>
  kind === 'account' ? `user:${value}` : `address:${value}`;

/** `YYYY-MM-DD HH:mm` as read in `timeZone` (offices read Beijing time). */
export function wallClock(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** 429 in Chinese with the time the lock ends, rounded up to the minute a person can read. */
export function lockedError(kind: ThrottleKind, until: Date, timeZone: string): HttpException {
  const readable = wallClock(
    new Date(Math.ceil(until.getTime() / MINUTE_MS) * MINUTE_MS),
    timeZone,
  );
  const zone = timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone;
  const message =
    kind === 'account'
      ? `登录失败次数过多，该账号已锁定，请于 ${readable}（${zone}）后再试，或请管理员重置密码`
      : `该地址登录失败次数过多，请于 ${readable}（${zone}）后再试`;
  return new HttpException(message, HttpStatus.TOO_MANY_REQUESTS);
}
