import { compareDates, InvalidDateError, toEpochDay, yearOf } from '@app/calendar';
import { toDigitYears, toHalfWidthDigits } from '@app/calendar';
import type { Deadline, DeadlineContext } from './deadline';
import {
  DEADLINE_RULES,
  type DeadlineFields,
  KEY_CHARACTERS,
  type YearlessResolver,
} from './deadline-rules';

// A real plan item has a handful of deadlines. The cap keeps a hostile 10 MB input of
// "每月每月…" from turning into millions of objects; it never binds on real text.
const MAX_MATCHES_PER_RULE = 1000;

/**
 * Finds the time limits (完成时限) written in `text`: dates (2022年年底前), recurring targets
 * (每年不少于4次) and relative limits (10个工作日内), in the order they appear. Where phrases
 * overlap, the one that starts first wins, then the longer one (2023年6月底前 over 6月底前).
 *
 * A phrase without a year (年底前, 三季度末前, 六月底前) takes the first such period end on or after
 * `ctx.issuedOn` (a plan issued 2022-10-21 that says 三季度末前 means 2023-09-30); without an
 * issue date, the one in `ctx.periodStartYear`; with neither it is returned without `dueOn`.
 */
export function extractDeadlines(text: string, ctx: DeadlineContext = {}): Deadline[] {
  if (typeof text !== 'string') throw new TypeError('extractDeadlines: text must be a string');
  const yearless = yearlessResolver(ctx);
  const normalized = toDigitYears(toHalfWidthDigits(text));
  const found: Deadline[] = [];
  // Most paragraphs hold no time word at all; a rule runs only when its key character is there.
  const present = new Set<string>(KEY_CHARACTERS.filter((ch) => normalized.includes(ch)));
  for (const rule of DEADLINE_RULES) {
    if (!rule.keys.some((k) => present.has(k))) continue;
    let matches = 0;
    for (const match of normalized.matchAll(rule.pattern)) {
      if (++matches > MAX_MATCHES_PER_RULE) break;
      const fields = readSafely(() => rule.read(match.slice(1), yearless));
      if (!fields) continue;
      const index = match.index;
      found.push({ text: text.slice(index, index + match[0].length), index, ...fields });
    }
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  let end = 0;
  return found.filter((d) => {
    if (d.index < end) return false;
    end = d.index + d.text.length;
    return true;
  });
}

/** The earliest `dueOn` among date deadlines, if any. */
export function earliestDateDeadline(deadlines: readonly Deadline[]): string | undefined {
  let earliest: string | undefined;
  for (const d of deadlines) {
    if (d.kind === 'date' && d.dueOn && (!earliest || compareDates(d.dueOn, earliest) < 0)) {
      earliest = d.dueOn;
    }
  }
  return earliest;
}

/*
 * A phrase without a year names the document's year. Only a plan whose period runs over several
 * years (2022—2025) means the next such date when the one in the year of issue has passed (issued
 * 2022-10-21, 三季度末前 is 2023-09-30); a one-year plan or a short action plan means its own year
 * even when the date is already past at issue (issued 2022-10-01, 9月底前 is 2022-09-30).
 */
function yearlessResolver(ctx: DeadlineContext): YearlessResolver {
  const { issuedOn, periodStartYear, periodEndYear, documentYear } = ctx;
  const rolls =
    periodStartYear !== undefined && periodEndYear !== undefined && periodEndYear > periodStartYear;
  if (issuedOn !== undefined) toEpochDay(issuedOn);
  if (
    periodStartYear !== undefined &&
    !(Number.isInteger(periodStartYear) && periodStartYear > 0)
  ) {
    throw new InvalidDateError(periodStartYear, 'periodStartYear must be a whole year');
  }
  return (endIn) => {
    // Refuses 13月 or 2月30日 even when no year can be chosen; 2000 is a leap year, so 2月29日 passes.
    endIn(2000);
    if (issuedOn !== undefined) {
      const due = endIn(yearOf(issuedOn));
      return rolls && compareDates(due, issuedOn) < 0 ? endIn(yearOf(issuedOn) + 1) : due;
    }
    const year = periodStartYear ?? documentYear;
    return year === undefined ? undefined : endIn(year);
  };
}

// A phrase that names an impossible date (2023年2月30日前) or number is text, not a deadline.
function readSafely(read: () => DeadlineFields | undefined): DeadlineFields | undefined {
  let fields: DeadlineFields | undefined;
  try {
    fields = read();
  } catch (error) {
    if (error instanceof InvalidDateError) return undefined;
    throw error;
  }
  if (!fields) return undefined;
  const numbers = [fields.count, fields.workingDays, fields.days, fields.months];
  return numbers.some((n) => n !== undefined && !Number.isSafeInteger(n)) ? undefined : fields;
}
