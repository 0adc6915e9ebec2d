import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarWarning } from './calendar-warning';
import {
  activeHolidayCalendar,
  HolidayCalendar,
  isYearCovered,
  officialDayType,
  useHolidayCalendar,
} from './holiday-data';
import { parseHolidayNotice } from './holiday-notice';
import { addWorkingDays, addWorkingDaysChecked, isWorkingDay } from './working-days';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures', name), 'utf8');
const PACKAGE = HolidayCalendar.fromPackage();
const notice2027 = parseHolidayNotice(fixture('holiday-notice-2027-test.txt'));
const WITH_2027 = HolidayCalendar.withStoredYears([notice2027]);

describe('holiday calendar', () => {
  it('parsing the real 2026 notice gives the package’s 2026 calendar, day for day', () => {
    const parsed = HolidayCalendar.withStoredYears([
      parseHolidayNotice(fixture('holiday-notice-2026.txt')),
    ]);
    expect(parsed.yearSource(2026)).toBe('stored');
    const differences: string[] = [];
    let holidays = 0;
    let workdays = 0;
    for (let ms = Date.UTC(2026, 0, 1); ms <= Date.UTC(2026, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const [ours, theirs] = [parsed.dayType(date), PACKAGE.dayType(date)];
      if (ours !== theirs) differences.push(`${date}: ${ours} vs ${theirs}`);
      if (theirs === 'holiday') holidays += 1;
      if (theirs === 'workday') workdays += 1;
      expect(isWorkingDay(date, parsed)).toBe(isWorkingDay(date, PACKAGE));
    }
    expect(differences).toEqual([]);
    // Not a vacuous comparison: the package's 2026 has 33 days off and 6 adjusted working days.
    expect([holidays, workdays]).toEqual([33, 6]);
  });

  it('lets a stored year fill a year the package lacks, and says where each year comes from', () => {
    expect(PACKAGE.isYearCovered(2027)).toBe(false);
    expect(WITH_2027.isYearCovered(2027)).toBe(true);
    expect(WITH_2027.yearSource(2027)).toBe('stored');
    expect(WITH_2027.yearSource(2026)).toBe('package');
    expect(WITH_2027.yearSource(2030)).toBeUndefined();
    expect(WITH_2027.years().at(-1)).toEqual({ year: 2027, source: 'stored' });
    expect(WITH_2027.years()[0]).toEqual({ year: 2004, source: 'package' });
  });

  it('moves working-day answers for 2027: New Year, Labour Day and a 调休 Sunday', () => {
    // Package only: 2027-01-01 is a Friday like any other.
    expect(isWorkingDay('2027-01-01', PACKAGE)).toBe(true);
    expect(isWorkingDay('2027-01-01', WITH_2027)).toBe(false);
    expect(isWorkingDay('2027-01-31', WITH_2027)).toBe(true);
    expect(addWorkingDays('2027-04-30', 1, PACKAGE)).toBe('2027-05-03');
    expect(addWorkingDays('2027-04-30', 1, WITH_2027)).toBe('2027-05-06');
    expect(addWorkingDaysChecked('2027-04-30', 1, PACKAGE).warning).toContain(
      'No official holiday data for 2027',
    );
    expect(addWorkingDaysChecked('2027-04-30', 1, WITH_2027)).toEqual({
      date: '2027-05-06',
      uncoveredYears: [],
    });
  });

  it('replaces the package’s days of a stored year, and lays days spilling into another year over it', () => {
    const replaced = HolidayCalendar.withStoredYears([
      { year: 2026, holidays: [{ date: '2025-12-31' }, { date: '2026-01-01' }], workdays: [] },
    ]);
    expect(replaced.dayType('2026-02-16')).toBeUndefined();
    expect(replaced.dayType('2026-01-04')).toBeUndefined();
    expect(replaced.dayType('2025-12-31')).toBe('holiday');
    expect(replaced.dayType('2025-10-01')).toBe('holiday');
  });

  it('is what the plain functions read once set, and only then', () => {
    const saved = activeHolidayCalendar();
    try {
      expect(isYearCovered(2027)).toBe(false);
      useHolidayCalendar(WITH_2027);
      expect(isYearCovered(2027)).toBe(true);
      expect(officialDayType('2027-10-01')).toBe('holiday');
      expect(isWorkingDay('2027-10-09')).toBe(true);
    } finally {
      useHolidayCalendar(saved);
    }
  });
});

describe('calendarWarning', () => {
  it('is silent before 1 November while this year is known', () => {
    expect(calendarWarning('2026-10-31', PACKAGE)).toBeUndefined();
  });

  it('from 1 November says next year is missing, in Chinese, with what to do', () => {
    const warning = calendarWarning('2026-11-01', PACKAGE);
    expect(warning).toMatchObject({ year: 2027, kind: 'next_year_missing' });
    expect(warning!.message).toContain('尚未录入2027年节假日安排');
    expect(warning!.message).toContain('《关于2027年部分节假日安排的通知》');
    expect(calendarWarning('2026-12-31', PACKAGE)?.year).toBe(2027);
  });

  it('is silent once next year is stored', () => {
    expect(calendarWarning('2026-12-01', WITH_2027)).toBeUndefined();
  });

  it('says this year is missing at any time of a year without data', () => {
    const warning = calendarWarning('2027-03-01', PACKAGE);
    expect(warning).toMatchObject({ year: 2027, kind: 'current_year_missing' });
    expect(warning!.message).toContain('缺少2027年节假日安排');
    expect(calendarWarning('2027-11-02', WITH_2027)).toMatchObject({
      year: 2028,
      kind: 'next_year_missing',
    });
  });
});
