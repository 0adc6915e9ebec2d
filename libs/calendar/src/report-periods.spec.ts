import { InvalidDateError } from './invalid-date.error';
import { periodContaining, periodStartingOn, previousPeriod } from './report-periods';

describe('reporting periods', () => {
  it.each([
    ['week', '2024-03-20', '2024-03-18', '2024-03-24', '2024年第12周'],
    ['week', '2021-01-03', '2020-12-28', '2021-01-03', '2020年第53周'],
    ['week', '2024-12-31', '2024-12-30', '2025-01-05', '2025年第1周'],
    ['month', '2024-02-10', '2024-02-01', '2024-02-29', '2024年2月'],
    ['quarter', '2024-08-15', '2024-07-01', '2024-09-30', '2024年第三季度'],
    ['half', '2024-06-30', '2024-01-01', '2024-06-30', '2024年上半年'],
    ['half', '2024-07-01', '2024-07-01', '2024-12-31', '2024年下半年'],
    ['year', '2024-05-05', '2024-01-01', '2024-12-31', '2024年'],
  ] as const)('puts %s containing %s at %s..%s (%s)', (kind, date, start, end, label) => {
    expect(periodContaining(kind, date)).toEqual({ kind, start, end, label });
  });

  it('refuses a period start that is not one, naming the right one', () => {
    expect(() => periodStartingOn('month', '2024-03-02')).toThrow(InvalidDateError);
    expect(() => periodStartingOn('quarter', '2024-02-01')).toThrow(/2024-01-01/);
    expect(periodStartingOn('quarter', '2024-04-01').end).toBe('2024-06-30');
  });

  it('steps back one period across a year boundary', () => {
    expect(previousPeriod(periodContaining('quarter', '2024-02-01'))).toMatchObject({
      start: '2023-10-01',
      label: '2023年第四季度',
    });
  });
});
