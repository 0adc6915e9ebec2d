import { InvalidDateError } from './invalid-date.error';
import { endOfHalf, endOfMonth, endOfQuarter, endOfYear } from './period-ends';

describe('period ends', () => {
  it('ends a year on 31 December', () => {
    expect(endOfYear(2025)).toBe('2025-12-31');
  });

  it('ends each month on its last day, leap years included', () => {
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2023, 2)).toBe('2023-02-28');
    expect(endOfMonth(2023, 6)).toBe('2023-06-30');
    expect(endOfMonth(2023, 12)).toBe('2023-12-31');
  });

  it('ends quarters on 03-31, 06-30, 09-30 and 12-31', () => {
    expect([1, 2, 3, 4].map((q) => endOfQuarter(2023, q))).toEqual([
      '2023-03-31',
      '2023-06-30',
      '2023-09-30',
      '2023-12-31',
    ]);
  });

  it('ends 上半年 on 06-30 and 下半年 on 12-31', () => {
    expect(endOfHalf(2024, 1)).toBe('2024-06-30');
    expect(endOfHalf(2024, 2)).toBe('2024-12-31');
  });

  it.each([
    ['month 13', () => endOfMonth(2023, 13)],
    ['month 0', () => endOfMonth(2023, 0)],
    ['quarter 5', () => endOfQuarter(2023, 5)],
    ['half 3', () => endOfHalf(2023, 3)],
    ['year 10000', () => endOfYear(10000)],
    ['a fractional year', () => endOfYear(2023.5)],
  ])('refuses %s', (_, call) => {
    expect(call).toThrow(InvalidDateError);
  });
});
