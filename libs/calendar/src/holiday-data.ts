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

export type OfficialDayType = 'holiday' | 'workday';
export type CalendarYearSource = 'package' | 'stored';

/** One year's arrangement as the office confirmed it (from the State Council's notice). */
export interface StoredYear {
  year: number;
  holidays: ReadonlyArray<{ date: string }>;
  workdays: ReadonlyArray<{ date: string }>;
}

// A year counts as covered only when both 元旦 and 国庆 are listed: every published arrangement
// contains both, while a neighbouring year's arrangement can spill a few days across New Year
// (the 2008 arrangement lists 2007-12-30 and 2007-12-31), which must not make a year look known.
const packageYears: ReadonlySet<number> = new Set(
  Object.keys(data.holidays)
    .filter((date) => date.endsWith('-01-01'))
    .map((date) => Number(date.slice(0, 4)))
    .filter((year) => Object.hasOwn(data.holidays, `${year}-10-01`)),
);

if (packageYears.size === 0) {
  throw new Error('chinese-days ships no complete year of holiday data; its format has changed');
}

const packageCoverage = Object.freeze({
  firstYear: Math.min(...packageYears),
  lastYear: Math.max(...packageYears),
});

const packageDays = new Map<string, OfficialDayType>([
  ...Object.keys(data.holidays).map((d) => [d, 'holiday'] as const),
  ...Object.keys(data.workdays).map((d) => [d, 'workday'] as const),
]);

/**
 * The official calendar every working-day rule reads: chinese-days' data, with the years the
 * office stored from a notice laid over it. A stored year replaces the package's days dated in
 * that year; days a notice places in a neighbouring year (a 元旦 that starts on 12-30) are laid
 * over that year's too. Immutable: a new year stored makes a new calendar.
 */
export class HolidayCalendar {
  private constructor(
    private readonly days: ReadonlyMap<string, OfficialDayType>,
    private readonly stored: ReadonlySet<number>,
  ) {}

  static fromPackage(): HolidayCalendar {
    return new HolidayCalendar(packageDays, new Set());
  }

  /** The package with these stored years laid over it (any years stored before are dropped). */
  static withStoredYears(years: readonly StoredYear[]): HolidayCalendar {
    const storedYears = new Set(years.map((y) => y.year));
    const days = new Map(
      [...packageDays].filter(([date]) => !storedYears.has(Number(date.slice(0, 4)))),
    );
    for (const y of years) {
      for (const d of y.holidays) days.set(d.date, 'holiday');
      for (const d of y.workdays) days.set(d.date, 'workday');
    }
    return new HolidayCalendar(days, storedYears);
  }

  /** What the official arrangement says about a date, or undefined for an ordinary day. */
  dayType(date: string): OfficialDayType | undefined {
    return this.days.get(date);
  }

  isYearCovered(year: number): boolean {
    return this.stored.has(year) || packageYears.has(year);
  }

  /** Where a year's holidays come from: a stored notice wins over the package. */
  yearSource(year: number): CalendarYearSource | undefined {
    if (this.stored.has(year)) return 'stored';
    return packageYears.has(year) ? 'package' : undefined;
  }

  /** Every covered year, oldest first, with its source. */
  years(): Array<{ year: number; source: CalendarYearSource }> {
    return [...new Set([...packageYears, ...this.stored])]
      .sort((a, b) => a - b)
      .map((year) => ({ year, source: this.yearSource(year)! }));
  }

  storedYears(): number[] {
    return [...this.stored].sort((a, b) => a - b);
  }
}

/**
 * The package's days dated in `year`, with the holiday's Chinese name (its JSON says
 * "New Year's Day,元旦,1"), for showing a package year the way a stored one is shown.
 */
export function packageYear(year: number):
  | {
      holidays: Array<{ date: string; name: string }>;
      workdays: Array<{ date: string; name: string }>;
    }
  | undefined {
  if (!packageYears.has(year)) return undefined;
  const of = (table: Record<string, string>) =>
    Object.entries(table)
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, label]) => ({ date, name: label.split(',')[1] ?? label }))
      .sort((a, b) => a.date.localeCompare(b.date));
  return { holidays: of(data.holidays), workdays: of(data.workdays) };
}

let active = HolidayCalendar.fromPackage();

/**
 * Sets the calendar the working-day functions use by default. The API, the worker and the CLI
 * call it once with what they load from the database at start, and again when a stored year
 * changes; the functions stay pure (each also takes a calendar as its last argument).
 */
export function useHolidayCalendar(calendar: HolidayCalendar): void {
  active = calendar;
}

export function activeHolidayCalendar(): HolidayCalendar {
  return active;
}

/** What the official arrangement says about a date, in the active calendar. */
export function officialDayType(date: string): OfficialDayType | undefined {
  return active.dayType(date);
}

/** The years chinese-days has official holiday data for, read from the installed package. */
export function calendarCoverage(): { readonly firstYear: number; readonly lastYear: number } {
  return packageCoverage;
}

/** Whether the active calendar knows the year's holidays (from the package or a stored notice). */
export function isYearCovered(year: number): boolean {
  return active.isYearCovered(year);
}
