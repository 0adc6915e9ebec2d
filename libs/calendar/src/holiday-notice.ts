import { addDays, dayOfWeek, makeDate, toEpochDay } from './calendar-date';
import { parseSmallNumber } from './chinese-numerals';

/** One official day: a day off (holiday) or a weekend day made a working day (调休上班). */
export interface OfficialDay {
  date: string;
  /** The holiday it belongs to, as the notice names it: 元旦, 春节, 国庆节 … */
  name: string;
}

export interface NoticeWarning {
  /** 1-based line of the pasted text. */
  line: number;
  text: string;
  message: string;
}

/** What a State Council holiday notice says about its year. */
export interface HolidayNotice {
  year: number;
  title?: string;
  holidays: OfficialDay[];
  workdays: OfficialDay[];
  warnings: NoticeWarning[];
}

/** A text that is not a holiday notice at all: the message is for the person who pasted it. */
export class HolidayNoticeError extends Error {
  override readonly name = 'HolidayNoticeError';
}

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

// Official texts use full-width punctuation, reprints ASCII; both read the same after this.
function normalise(line: string): string {
  return line
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/；/g, ';')
    .replace(/[—–－~～]+/g, '至')
    .replace(/\s+/g, '');
}

const DATE = '(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:\\(([^)]*)\\))?';
const SECTION = /^([一二三四五六七八九十]+)、([^:]{1,12}):(.+)$/;

interface DateParts {
  year?: number;
  month?: number;
  day: number;
  note?: string;
}

function readDate(m: RegExpExecArray, at: number): DateParts {
  return {
    year: m[at] ? Number(m[at]) : undefined,
    month: m[at + 1] ? Number(m[at + 1]) : undefined,
    day: Number(m[at + 2]),
    note: m[at + 3],
  };
}

/**
 * Reads 国务院办公厅关于YYYY年部分节假日安排的通知: every numbered holiday (一、元旦:…) with its
 * days off (`1月1日(周四)至3日(周六)放假调休,共3天`) and its adjusted working days
 * (`1月4日(周日)上班`). Dates without a year belong to the notice's year, except across New
 * Year: a 元旦 range that starts in December starts the year before (the 2008 arrangement began
 * 2007-12-30), any other range that runs past December ends the year after. Every sentence that
 * names a date but is not understood, a weekday in brackets that does not match the date, and a
 * `共N天` that does not match the range become warnings; nothing is guessed silently.
 */
export function parseHolidayNotice(text: string): HolidayNotice {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warnings: NoticeWarning[] = [];
  let year: number | undefined;
  let title: string | undefined;
  for (const raw of lines) {
    const m = /关于(\d{4})年部分节假日安排的通知/.exec(normalise(raw));
    if (m) {
      year = Number(m[1]);
      title = raw.trim().replace(/^#.*$/, '') || undefined;
      break;
    }
  }
  if (year === undefined) {
    const m = /现将(\d{4})年.{0,40}(?:放假|节假日)/.exec(normalise(text));
    if (m) year = Number(m[1]);
  }
  if (year === undefined) {
    throw new HolidayNoticeError(
      '未找到通知的年份：请粘贴国务院办公厅《关于YYYY年部分节假日安排的通知》全文（含标题）',
    );
  }
  const noticeYear = year;

  const holidays = new Map<string, OfficialDay>();
  const workdays = new Map<string, OfficialDay>();
  const warn = (index: number, message: string) =>
    warnings.push({ line: index + 1, text: lines[index].trim(), message });

  lines.forEach((raw, index) => {
    const line = normalise(raw);
    if (!line || line.startsWith('#')) return;
    const section = SECTION.exec(line);
    if (!section) {
      // Title, addressees, the closing paragraph, the signature: no arrangement in them. A line
      // that does arrange days but is not numbered like the others would be lost: say so.
      if (/\d{1,2}月\d{1,2}日/.test(line) && /放假|上班|调休/.test(line)) {
        warn(index, '这一行像是节假日安排，但不是“一、节日名:……”的格式，未能读取');
      }
      return;
    }
    const name = section[2];
    const crossYear = (month: number) =>
      /元旦/.test(name) && month === 12 ? noticeYear - 1 : noticeYear;
    const sentences = section[3].split(/[。;]/).filter(Boolean);
    for (const sentence of sentences) {
      let understood = false;
      const off = new RegExp(`${DATE}(?:至${DATE})?放假`).exec(sentence);
      if (off) {
        understood = true;
        const start = readDate(off, 1);
        const end = off[7] ? readDate(off, 5) : undefined;
        const range = resolveRange(start, end, name, noticeYear, crossYear);
        if (typeof range === 'string') {
          warn(index, range);
        } else {
          for (const [date, note] of range.checks) checkWeekday(date, note, (m) => warn(index, m));
          for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
            if (holidays.has(d)) warn(index, `${d} 在多个节日中重复出现`);
            holidays.set(d, { date: d, name });
          }
          const total = /共(\d+|[一二两三四五六七八九十]+)天/.exec(sentence);
          const days = toEpochDay(range.to) - toEpochDay(range.from) + 1;
          const stated = total ? parseSmallNumber(total[1]) : undefined;
          if (stated !== undefined && stated !== days) {
            warn(index, `通知写“共${total![1]}天”，但 ${range.from} 至 ${range.to} 是 ${days} 天`);
          }
        }
      }
      if (/上班/.test(sentence)) {
        understood = true;
        const found = [...sentence.matchAll(new RegExp(DATE, 'g'))];
        if (!found.length) warn(index, '“上班”前没有可读的日期');
        let lastMonth: number | undefined;
        for (const m of found) {
          const parts = readDate(m as unknown as RegExpExecArray, 1);
          const month = parts.month ?? lastMonth;
          lastMonth = month;
          if (month === undefined) {
            warn(index, `“${m[0]}”没有月份，未能读取`);
            continue;
          }
          const date = safeDate(parts.year ?? crossYear(month), month, parts.day);
          if (!date) {
            warn(index, `“${m[0]}”不是有效日期`);
            continue;
          }
          checkWeekday(date, parts.note, (msg) => warn(index, msg));
          const weekday = dayOfWeek(date);
          if (weekday !== 0 && weekday !== 6) {
            warn(
              index,
              `${date} 是周${WEEKDAY_NAMES[weekday]}，本来就是工作日，调休上班日通常是周末`,
            );
          }
          workdays.set(date, { date, name });
        }
      }
      if (!understood && /\d{1,2}日/.test(sentence)) {
        warn(index, `未能读取“${sentence}”`);
      } else if (!understood && !/^共/.test(sentence) && sentence.length > 0) {
        // 共N天 on its own, or a remark without dates: nothing to read, nothing lost.
        if (/放假|上班|调休/.test(sentence)) warn(index, `未能读取“${sentence}”`);
      }
    }
  });

  for (const date of workdays.keys()) {
    if (holidays.has(date)) {
      warnings.push({ line: 0, text: date, message: `${date} 同时被列为放假日和上班日` });
    }
  }
  if (holidays.size === 0) {
    throw new HolidayNoticeError(
      `未能从文本中读出任何放假日期：请粘贴国务院办公厅《关于${noticeYear}年部分节假日安排的通知》全文`,
    );
  }
  const names = new Set([...holidays.values()].map((d) => d.name));
  for (const expected of ['元旦', '春节', '国庆']) {
    if (![...names].some((n) => n.includes(expected))) {
      warnings.push({ line: 0, text: '', message: `通知中没有读到${expected}的安排，请核对全文` });
    }
  }
  const sorted = (m: Map<string, OfficialDay>) =>
    [...m.values()].sort((a, b) => a.date.localeCompare(b.date));
  return {
    year: noticeYear,
    title,
    holidays: sorted(holidays),
    workdays: sorted(workdays),
    warnings,
  };
}

function safeDate(year: number, month: number, day: number): string | undefined {
  try {
    return makeDate(year, month, day);
  } catch {
    return undefined;
  }
}

function checkWeekday(date: string, note: string | undefined, warn: (m: string) => void): void {
  const said = note && /(?:周|星期)([日天一二三四五六])/.exec(note);
  if (!said) return;
  const actual = dayOfWeek(date);
  if (WEEKDAYS[said[1]] !== actual) {
    warn(`${date} 是周${WEEKDAY_NAMES[actual]}，通知写的是${said[0]}，请核对`);
  }
}

function resolveRange(
  start: DateParts,
  end: DateParts | undefined,
  name: string,
  noticeYear: number,
  crossYear: (month: number) => number,
): { from: string; to: string; checks: Array<[string, string | undefined]> } | string {
  if (start.month === undefined) return '放假日期没有月份，未能读取';
  const endMonth = end?.month ?? start.month;
  let startYear = start.year ?? noticeYear;
  let endYear = end?.year ?? start.year ?? noticeYear;
  const endDay = end?.day ?? start.day;
  const wraps = endMonth < start.month || (endMonth === start.month && endDay < start.day);
  if (wraps && end?.year === undefined && start.year === undefined) {
    // 12月30日至1月1日: across New Year. For 元旦 the range ends in the notice's year.
    if (/元旦/.test(name)) startYear = noticeYear - 1;
    else endYear = noticeYear + 1;
  } else if (start.year === undefined && end?.year === undefined) {
    startYear = endYear = crossYear(start.month);
  }
  const from = safeDate(startYear, start.month, start.day);
  const to = safeDate(endYear, endMonth, endDay);
  if (!from || !to) return '放假日期不是有效日期';
  if (to < from) return `放假日期 ${from} 至 ${to} 先后颠倒`;
  if (toEpochDay(to) - toEpochDay(from) > 15) return `放假 ${from} 至 ${to} 超过 15 天，请核对`;
  return {
    from,
    to,
    checks: [
      [from, start.note],
      [to, end?.note],
    ],
  };
}
