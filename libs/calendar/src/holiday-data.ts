// The package's own JSON, not its lookup functions: chinese-days keys its tables through local
// time, so in a time zone west of UTC (a developer laptop in America/*) isWorkday('2024-02-03')
// answers true for a Saturday. The JSON it ships (and documents for non-JS users) is keyed by
// plain date strings and is generated from the same tables, so reading it is time-zone proof.
import chineseDays from 'chinese-days/dist/chinese-days.json';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data: ChineseDaysData = chineseDays;

/** What the official arrangement says about a date, or undefined for an ordinary day. */
export function officialDayType(date: string): 'holiday' | 'workday' | undefined {
  if (Object.hasOwn(data.workdays, date)) return 'workday';
  if (Object.hasOwn(data.holidays, date)) return 'holiday';
  return undefined;
}

// A year counts as covered only when both 元旦 and 国庆 are listed: every published arrangement
// contains both, while a neighbouring year's arrangement can spill a few days across New Year
// (the 2008 arrangement lists 2007-12-30 and 2007-12-31), which must not make a year look known.
const coveredYears: ReadonlySet<number> = new Set(
  Object.keys(data.holidays)
    .filter((date) => date.endsWith('-01-01'))
    .map((date) => Number(date.slice(0, 4)))
    .filter((year) => Object.hasOwn(data.holidays, `${year}-10-01`)),
);

if (coveredYears.size === 0) {
  throw new Error('chinese-days ships no complete year of holiday data; its format has changed');
}

const coverage = Object.freeze({
  firstYear: Math.min(...coveredYears),
  lastYear: Math.max(...coveredYears),
});

/** The years chinese-days has official holiday data for, read from the installed package. */
export function calendarCoverage(): { readonly firstYear: number; readonly lastYear: number } {
  return coverage;
}

export function isYearCovered(year: number): boolean {
  return coveredYears.has(year);
}
