import { InvalidDateError } from './invalid-date.error';
import { calendarCoverage } from './holiday-data';
import {
  addWorkingDays,
  addWorkingDaysChecked,
  isWorkingDay,
  isWorkingDayChecked,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
  workingDaysBetweenChecked,
} from './working-days';

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
};

describe('working days', () => {
  describe('2024', () => {
    it('makes Sunday 2024-02-04 and Sunday 2024-02-18 调休 working days', () => {
      expect(isWorkingDay('2024-02-04')).toBe(true);
      expect(isWorkingDay('2024-02-18')).toBe(true);
    });

    it('gives 2024-02-10..17 off for the Spring Festival', () => {
      expect(range('2024-02-10', '2024-02-17').filter((d) => isWorkingDay(d))).toEqual([]);
      expect(isWorkingDay('2024-02-09')).toBe(true);
    });

    it('gives 2024-10-01..07 off for National Day and works Sunday 09-29 and Saturday 10-12', () => {
      expect(range('2024-10-01', '2024-10-07').filter((d) => isWorkingDay(d))).toEqual([]);
      expect(isWorkingDay('2024-09-29')).toBe(true);
      expect(isWorkingDay('2024-10-12')).toBe(true);
      expect(isWorkingDay('2024-10-08')).toBe(true);
    });

    it('keeps an ordinary Saturday off and an ordinary Monday on', () => {
      expect(isWorkingDay('2024-02-03')).toBe(false);
      expect(isWorkingDay('2024-03-04')).toBe(true);
    });
  });

  describe('2025', () => {
    it('makes Sunday 2025-01-26 and Saturday 2025-02-08 working days around a 01-28..02-04 break', () => {
      expect(isWorkingDay('2025-01-26')).toBe(true);
      expect(isWorkingDay('2025-02-08')).toBe(true);
      expect(range('2025-01-28', '2025-02-04').filter((d) => isWorkingDay(d))).toEqual([]);
    });

    it('gives 2025-10-01..08 off for National Day with Mid-autumn, working 09-28 and 10-11', () => {
      expect(range('2025-10-01', '2025-10-08').filter((d) => isWorkingDay(d))).toEqual([]);
      expect(isWorkingDay('2025-09-28')).toBe(true);
      expect(isWorkingDay('2025-10-11')).toBe(true);
    });

    it('gives 2025-05-01..05 off for Labour Day', () => {
      expect(range('2025-05-01', '2025-05-05').filter((d) => isWorkingDay(d))).toEqual([]);
    });
  });

  describe('2026', () => {
    it('gives 2026-02-15..23 off for the Spring Festival and works Saturdays 02-14 and 02-28', () => {
      expect(range('2026-02-15', '2026-02-23').filter((d) => isWorkingDay(d))).toEqual([]);
      expect(isWorkingDay('2026-02-14')).toBe(true);
      expect(isWorkingDay('2026-02-28')).toBe(true);
      expect(isWorkingDay('2026-02-24')).toBe(true);
    });

    it('gives 2026-01-01..03 off and works Sunday 2026-01-04', () => {
      expect(range('2026-01-01', '2026-01-03').filter((d) => isWorkingDay(d))).toEqual([]);
      expect(isWorkingDay('2026-01-04')).toBe(true);
    });

    it('gives 2026-10-01..07 off and works Sunday 09-20 and Saturday 10-10', () => {
      expect(range('2026-10-01', '2026-10-07').filter((d) => isWorkingDay(d))).toEqual([]);
      expect(isWorkingDay('2026-09-20')).toBe(true);
      expect(isWorkingDay('2026-10-10')).toBe(true);
    });
  });

  describe('addWorkingDays', () => {
    it('jumps the 2025 National Day break: 2025-09-30 + 1 working day is 2025-10-09', () => {
      expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    });

    it('counts the 调休 Saturday 2025-10-11 as a working day', () => {
      // 10-09 Thu, 10-10 Fri, 10-11 Sat (调休).
      expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    });

    it('gives the 10 working days of item (三十二) a due date after the 2024 National Day', () => {
      // 09-27 Fri, 09-29 Sun (调休), 09-30 Mon, 10-08..12 (10-12 Sat 调休), 10-14..15.
      expect(addWorkingDays('2024-09-26', 10)).toBe('2024-10-15');
    });

    it('does not count the start date: Friday + 1 working day is Monday', () => {
      expect(addWorkingDays('2024-03-08', 1)).toBe('2024-03-11');
    });

    it('returns the date itself for n = 0 when it is a working day, else the next one', () => {
      expect(addWorkingDays('2024-03-08', 0)).toBe('2024-03-08');
      expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
      expect(nextWorkingDayOnOrAfter('2024-02-03')).toBe('2024-02-04');
    });

    it('refuses a negative or fractional count and a malformed date', () => {
      expect(() => addWorkingDays('2024-03-08', -1)).toThrow(RangeError);
      expect(() => addWorkingDays('2024-03-08', 1.5)).toThrow(RangeError);
      expect(() => addWorkingDays('2024-3-8', 1)).toThrow(InvalidDateError);
    });

    it('carries no warning while every day looked at is covered', () => {
      expect(addWorkingDaysChecked('2025-09-30', 1)).toEqual({
        date: '2025-10-09',
        uncoveredYears: [],
      });
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after `from` up to and including `to`', () => {
      expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
      expect(workingDaysBetween('2024-03-08', '2024-03-08')).toBe(0);
      expect(workingDaysBetween('2024-03-04', '2024-03-11')).toBe(5);
    });

    it('is the inverse of addWorkingDays', () => {
      const due = addWorkingDays('2024-09-26', 10);
      expect(workingDaysBetween('2024-09-26', due)).toBe(10);
    });

    it('is negative when `to` is before `from`', () => {
      expect(workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
    });
  });

  describe('years chinese-days has no data for', () => {
    // 2027 with chinese-days 1.5.7; computed so a package update does not break the test.
    const uncovered = calendarCoverage().lastYear + 1;

    it('falls back to weekends only and says so for a day in the uncovered year', () => {
      const newYear = isWorkingDayChecked(`${uncovered}-01-01`);
      expect(newYear.uncoveredYears).toEqual([uncovered]);
      expect(newYear.warning).toContain(`No official holiday data for ${uncovered}`);
      expect(newYear.warning).toContain('only Saturdays and Sundays');
      const weekday = new Date(`${uncovered}-01-01T00:00:00Z`).getUTCDay();
      expect(newYear.working).toBe(weekday !== 0 && weekday !== 6);
    });

    it('warns when adding working days runs from a covered year into the uncovered one', () => {
      const result = addWorkingDaysChecked(`${uncovered - 1}-12-30`, 5);
      expect(result.uncoveredYears).toEqual([uncovered]);
      expect(result.warning).toMatch(/chinese-days covers 2004-\d{4}/);
      expect(result.date.startsWith(`${uncovered}-01-`)).toBe(true);
    });

    it('warns for a count whose range reaches into the uncovered year', () => {
      const result = workingDaysBetweenChecked(`${uncovered - 1}-12-01`, `${uncovered}-01-31`);
      expect(result.uncoveredYears).toEqual([uncovered]);
      expect(result.count).toBeGreaterThan(0);
    });

    it('warns for years before the data starts too', () => {
      const result = isWorkingDayChecked('2003-10-01');
      expect(result.uncoveredYears).toEqual([2003]);
      // Wednesday: a weekday, although it was in fact National Day.
      expect(result.working).toBe(true);
    });
  });

  it('does not depend on the process time zone, unlike chinese-days own lookups', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(isWorkingDay('2024-02-03')).toBe(false);
      expect(isWorkingDay('2024-02-04')).toBe(true);
      expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    } finally {
      process.env.TZ = saved;
    }
  });
});
