import { calendarCoverage, isYearCovered, officialDayType } from './holiday-data';

describe('holiday data coverage', () => {
  it('reads the covered years from the installed chinese-days data', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(firstYear).toBe(2004);
    // 2026 with chinese-days 1.5.7; a package update that adds 2027 moves this on by itself.
    expect(lastYear).toBeGreaterThanOrEqual(2026);
  });

  it('reports years inside the range as covered and years outside as not', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(isYearCovered(firstYear)).toBe(true);
    expect(isYearCovered(2025)).toBe(true);
    expect(isYearCovered(lastYear)).toBe(true);
    expect(isYearCovered(firstYear - 1)).toBe(false);
    expect(isYearCovered(lastYear + 1)).toBe(false);
  });

  it('does not count a year covered because of a New Year spill-over from the next year', () => {
    // The 2008 arrangement moves 2007-12-30/31; 2007 is covered by its own data, not by that.
    expect(officialDayType('2007-12-30')).toBe('holiday');
    expect(isYearCovered(2007)).toBe(true);
  });

  it('agrees with chinese-days own lookups for every day of 2004-2026', () => {
    // chinese-days builds its tables in local time when first loaded; load it in Shanghai time,
    // where its answers are right, and compare the JSON this library reads against them.
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      jest.isolateModules(() => {
        const { isWorkday } = require('chinese-days') as typeof import('chinese-days');
        const mismatches: string[] = [];
        for (let ms = Date.UTC(2004, 0, 1); ms <= Date.UTC(2026, 11, 31); ms += 86_400_000) {
          const date = new Date(ms).toISOString().slice(0, 10);
          const weekday = new Date(ms).getUTCDay();
          const official = officialDayType(date);
          const ours = official ? official === 'workday' : weekday !== 0 && weekday !== 6;
          if (ours !== isWorkday(date)) mismatches.push(date);
        }
        expect(mismatches).toEqual([]);
      });
    } finally {
      process.env.TZ = saved;
    }
  });
});
