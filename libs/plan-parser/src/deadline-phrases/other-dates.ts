import { makeDate } from '@app/calendar';
import { toHalfWidthDigits } from '@app/calendar';

/*
 * Dates in an item's text that are not its deadlines: periods (2019年1月1日至12月31日, 从…起,
 * 延至…), and plain mentions. They are kept apart, and said in the warnings, so a person sees
 * every date the parser did not take.
 */

export interface DateMention {
  text: string;
  index: number;
  reason: 'period' | 'mention';
  startOn?: string;
  endOn?: string;
}

const D = '(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?';
/** A range, a start (从…起 / …起), an end (至 / 截至 / 延至 …), or a single date. */
const DATE = new RegExp(
  `(?<![\\d年])(?:(从|自|截至|截止到?|延至|延长至|至))?${D}(?:(?:[至到—–~-]|-)${D})?(起|以来|期间)?`,
  'g',
);
const MAX_MENTIONS = 200;

export function findDateMentions(text: string, documentYear?: number): DateMention[] {
  if (!text.includes('月')) return [];
  const normal = toHalfWidthDigits(text);
  const out: DateMention[] = [];
  for (const m of normal.matchAll(DATE)) {
    if (out.length >= MAX_MENTIONS) break;
    const [whole, lead, y1, m1, d1, y2, m2, d2, tail] = m;
    // A month alone (3月) without a year or a day is too vague to list.
    if (!y1 && !d1 && !m2) continue;
    const year1 = y1 ? Number(y1) : documentYear;
    const start = safeDate(year1, m1, d1, 'start');
    const end = m2 ? safeDate(y2 ? Number(y2) : year1, m2, d2, 'end') : undefined;
    const period = Boolean(m2) || Boolean(tail) || Boolean(lead);
    const mention: DateMention = {
      text: text.slice(m.index, m.index + whole.length),
      index: m.index,
      reason: period ? 'period' : 'mention',
    };
    if (lead && /至|截/.test(lead) && !m2) {
      if (start) mention.endOn = safeDate(year1, m1, d1, 'end');
    } else {
      if (start && (m2 || tail || lead)) mention.startOn = start;
      const single = m2 ? end : safeDate(year1, m1, d1, 'end');
      if (single) mention.endOn = single;
    }
    out.push(mention);
  }
  return out;
}

function safeDate(
  year: number | undefined,
  month: string,
  day: string | undefined,
  side: 'start' | 'end',
): string | undefined {
  if (year === undefined) return undefined;
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const d = day ? Number(day) : side === 'start' ? 1 : last;
  if (d < 1 || d > last) return undefined;
  return makeDate(year, m, d);
}
