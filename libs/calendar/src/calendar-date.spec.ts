import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  isCalendarDate,
  makeDate,
} from './calendar-date';
import { InvalidDateError } from './invalid-date.error';

describe('calendar dates', () => {
  it.each([
    '2024-2-4',
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '0000-01-01',
    '20240204',
    ' 2024-02-04',
    '2024-02-04T00:00:00Z',
    '２０２４-02-04',
    '',
  ])('rejects %j with InvalidDateError', (input) => {
    expect(() => addDays(input, 1)).toThrow(InvalidDateError);
    expect(isCalendarDate(input)).toBe(false);
  });

  it('rejects non-strings passed from untyped callers', () => {
    expect(() => daysBetween(undefined as unknown as string, '2024-01-01')).toThrow(
      InvalidDateError,
    );
    expect(isCalendarDate(20240101)).toBe(false);
  });

  it('names the bad input in the error message', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow('Invalid date "2024-02-30"');
  });

  it('accepts 29 February only in leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('adds months to the matching day, or to the month’s end when it has none', () => {
    expect(addMonths('2024-03-15', 3)).toBe('2024-06-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-08-31', 1)).toBe('2024-09-30');
    expect(addMonths('2024-01-31', -2)).toBe('2023-11-30');
    expect(addMonths('2024-05-10', 24)).toBe('2026-05-10');
    expect(() => addMonths('2024-02-30', 1)).toThrow(InvalidDateError);
    expect(() => addMonths('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it('keeps years below 100 instead of mapping them to the 1900s', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('refuses results beyond year 9999 and fractional day counts', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(InvalidDateError);
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('counts whole days from a to b, negative when b is earlier', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-10-09', '2025-09-30')).toBe(-9);
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1);
  });

  it('orders dates like a comparator', () => {
    expect(compareDates('2024-01-02', '2024-01-10')).toBe(-1);
    expect(compareDates('2024-01-10', '2024-01-10')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(['2025-01-01', '2023-06-30', '2024-12-31'].sort(compareDates)).toEqual([
      '2023-06-30',
      '2024-12-31',
      '2025-01-01',
    ]);
  });

  it('gives the weekday with 0 for Sunday', () => {
    expect(dayOfWeek('2024-02-04')).toBe(0);
    expect(dayOfWeek('2025-10-01')).toBe(3);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('builds a date from numbers only when it exists', () => {
    expect(makeDate(2023, 6, 30)).toBe('2023-06-30');
    expect(() => makeDate(2023, 6, 31)).toThrow(InvalidDateError);
    expect(() => makeDate(2023.5, 1, 1)).toThrow(InvalidDateError);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(addDays('2024-03-10', 1)).toBe('2024-03-11');
        expect(dayOfWeek('2024-02-04')).toBe(0);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});
