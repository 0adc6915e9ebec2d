import { endOfHalf, endOfMonth, endOfQuarter, endOfYear, makeDate } from '@app/calendar';
import { CHINESE_NUMERAL_CHARS as CN, parseSmallNumber } from '@app/calendar';
import type { Deadline, RecurrencePeriod } from './deadline';

export type DeadlineFields = Omit<Deadline, 'text' | 'index'>;

/** Picks the year for a phrase that names none: given the period end for a year, the due date. */
export type YearlessResolver = (endIn: (year: number) => string) => string | undefined;

export interface DeadlineRule {
  /** Global; run over the text with full-width digits already made ASCII. */
  pattern: RegExp;
  /** undefined (or an InvalidDateError) when the match is not a usable deadline after all. */
  read(groups: string[], yearless: YearlessResolver): DeadlineFields | undefined;
  /** Characters one of which every match contains; the rule is skipped for a text without them. */
  keys: readonly string[];
}

export const KEY_CHARACTERS = ['年', '月', '季', '每', '任', '日', '天'] as const;

// Every pattern is a chain of bounded pieces with no quantified group inside another, so a scan
// costs a constant per position and 10 MB of hostile text stays linear.
const NUM = `(\\d{1,2}|[${CN}]{1,3})`;
const COUNT = `(\\d{1,4}|[${CN}]{1,3})`;
const YEAR = '(?<!\\d)(\\d{4})年';
// 前后 means "around", not "before".
const BEFORE = '(?:(?:之|以)?前(?!后))';
const END = '(?:底|末)';
const UNIT = '(人次|学时|课时|小时|次|期|个|场|轮|篇|项|批|家|天)';
// Words between 每年 and its count: a few, inside one clause and before any other number, so
// 每年至少开展1次 is read but a date or a second limit further on is never swallowed.
const FILLER = '[^\\d，。；;,、：:！？!?\\s每]{0,12}?';
const WITHIN = '(?:以内|之内|内)';
/** 年内 that begins another word: 年内容, 2024年内部控制, 年内审, 年内需. */
const NOT_WITHIN = '[容外部控审蒙需]';

const PERIODS: Readonly<Record<string, RecurrencePeriod>> = {
  年: 'year',
  半年: 'half',
  季度: 'quarter',
  季: 'quarter',
  月: 'month',
  周: 'week',
  星期: 'week',
};

const num = (text: string): number => parseSmallNumber(text) ?? NaN;
/** 上旬 ends on the 10th, 中旬 on the 20th, 下旬 with the month. */
const tenDays = (year: number, month: number, part: string): string =>
  part === '上'
    ? makeDate(year, month, 10)
    : part === '中'
      ? makeDate(year, month, 20)
      : endOfMonth(year, month);
const rule = (source: string, read: DeadlineRule['read']): DeadlineRule => ({
  pattern: new RegExp(source, 'g'),
  read,
  keys: KEY_CHARACTERS.filter((ch) => source.includes(ch)),
});
/** The document's own year (the one its year-end phrases take), whatever the rolling rule. */
const inDocumentYear = (yearless: YearlessResolver, endIn: (year: number) => string) => {
  const end = yearless(endOfYear);
  return end === undefined ? undefined : endIn(Number(end.slice(0, 4)));
};
const dated = (dueOn: string | undefined): DeadlineFields =>
  dueOn === undefined ? { kind: 'date' } : { kind: 'date', dueOn };

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  // With a year. A bare date such as an issue date (2022年10月21日) has no marker and is no
  // deadline: a day needs 前, a month or year end needs 底/末, a half or quarter names a period.
  rule(`${YEAR}${NUM}月${NUM}[日号]${BEFORE}`, ([y, m, d]) => dated(makeDate(+y, num(m), num(d)))),
  rule(`${YEAR}${NUM}月份?${END}${BEFORE}?`, ([y, m]) => dated(endOfMonth(+y, num(m)))),
  rule(`${YEAR}第?([一二三四1-4])季度${END}?${BEFORE}?`, ([y, q]) =>
    dated(endOfQuarter(+y, num(q))),
  ),
  rule(`${YEAR}度?([上下])半年${END}?${BEFORE}?`, ([y, h]) =>
    dated(endOfHalf(+y, h === '上' ? 1 : 2)),
  ),
  rule(`${YEAR}年?${END}${BEFORE}?`, ([y]) => dated(endOfYear(+y))),
  // 2024年内建成, 2024年度内: by that year's end (2024年内容 is no time).
  rule(`${YEAR}度?内(?!${NOT_WITHIN})`, ([y]) => dated(endOfYear(+y))),
  // 2023年12月上旬 / 中旬 / 下旬(前): the 10th, the 20th, the month's end.
  rule(`${YEAR}${NUM}月([上中下])旬${BEFORE}?`, ([y, m, part]) => dated(tenDays(+y, num(m), part))),
  // 到2025年 is a target year (the end of it), even in a preamble; when a month, quarter, half or
  // year end follows, the narrower rules above describe the phrase instead.
  rule(`到(\\d{4})年(?!年|${END}|[上下]半年|第|[\\d${CN}]{1,3}(?:月|季度))`, ([y]) =>
    dated(endOfYear(+y)),
  ),

  // Without a year. The look-behinds keep these off phrases the rules above own (2023年6月底)
  // and off recurring ones (每年6月底前, 每年年底前), which name no single date; 明年/去年/上年
  // would need a different year, so they are left alone rather than guessed. A bare 年底 needs
  // 前 because 年底 alone usually names a routine (年底考核), not a time limit.
  rule(`(?<![\\d${CN}年月])${NUM}月${NUM}[日号]${BEFORE}`, ([m, d], yearless) =>
    dated(yearless((y) => makeDate(y, num(m), num(d)))),
  ),
  rule(`(?<![\\d${CN}年])${NUM}月份?${END}${BEFORE}?`, ([m], yearless) =>
    dated(yearless((y) => endOfMonth(y, num(m)))),
  ),
  rule(`(?<![\\d${CN}年第每])第?([一二三四1-4])季度${END}${BEFORE}?`, ([q], yearless) =>
    dated(yearless((y) => endOfQuarter(y, num(q)))),
  ),
  // A bare quarter (四季度白酒增加值增长15%, 今年四季度) is a target for that quarter: by its end.
  rule(
    `(?<![\\d${CN}年第每个至、和-])(?:今年|本年)?第?([一二三四])季度(?![末底度])`,
    ([q], yearless) => dated(yearless((y) => endOfQuarter(y, num(q)))),
  ),
  // 今年6月底前, 今年6月30日前, 今年上半年: this year is the document's own, never the next one.
  rule(`(?:今|本)年${NUM}月份?${END}${BEFORE}?`, ([m], yearless) =>
    dated(inDocumentYear(yearless, (y) => endOfMonth(y, num(m)))),
  ),
  rule(`(?:今|本)年${NUM}月${NUM}[日号]${BEFORE}`, ([m, d], yearless) =>
    dated(inDocumentYear(yearless, (y) => makeDate(y, num(m), num(d)))),
  ),
  rule(`(?:今|本)年([上下])半年${END}?${BEFORE}?`, ([h], yearless) =>
    dated(inDocumentYear(yearless, (y) => endOfHalf(y, h === '上' ? 1 : 2))),
  ),
  // A bare half, as a bare quarter: 上半年完成清理 is due at that half's end.
  rule(`(?<![\\d${CN}年度每上下])([上下])半年(?!起|以来)${END}?${BEFORE}?`, ([h], yearless) =>
    dated(yearless((y) => endOfHalf(y, h === '上' ? 1 : 2))),
  ),
  rule(`(?<![\\d${CN}年月])${NUM}月([上中下])旬${BEFORE}?`, ([m, part], yearless) =>
    dated(yearless((y) => tenDays(y, num(m), part))),
  ),
  // 年内建设不少于200个, 今年内: by the end of the document's year (3年内, 两年内 are durations).
  rule(`(?<![\\d${CN}个多每近去明上当])(?:今|本)?年(?:度)?内(?!${NOT_WITHIN})`, (_, yearless) =>
    dated(yearless(endOfYear)),
  ),
  // 年底 without 前 is still the year's end when work is due then (确保年底建成), not a routine
  // (年底考核, 年底总结).
  rule(
    `(?<![\\d${CN}每明次去上前年])(?:今|本)?年{1,2}${END}(?!${BEFORE}|考核|总结|评|检查|督查|盘点|通报|报送)`,
    (_, yearless) => dated(yearless(endOfYear)),
  ),
  rule(`(?<![\\d${CN}每明次去上前年])(?:今|本)?年{1,2}${END}${BEFORE}`, (_, yearless) =>
    dated(yearless(endOfYear)),
  ),

  // Recurring. 每年3月底前, 每年11月30日前, 每年年底前: a duty due once a year, by that date (a
  // month or day that no year has, 每年13月底, is no phrase).
  rule(
    `(?:每人)?每年(?:${NUM}月份?${END}${BEFORE}?|${NUM}月${NUM}[日号]${BEFORE}|${NUM}月[上中下]旬${BEFORE}?|年?${END}${BEFORE})`,
    ([monthEnd, month, day, tenDaysMonth]) => {
      const m = monthEnd ?? month ?? tenDaysMonth;
      if (m !== undefined) makeDate(2000, num(m), day === undefined ? 1 : num(day));
      return { kind: 'recurring', count: 1, per: 'year' };
    },
  ),
  // A count without a number means once per period (每季度 = once a quarter), except for a bare
  // 每年: plans use it for yearly figures (每年增长5%) far more than for duties.
  rule(`(?:每人)?每(半年|年|季度|季|月|周|星期)(?:${FILLER}${COUNT}${UNIT})?`, ([p, n, unit]) => {
    const per = PERIODS[p];
    if (n === undefined) return per === 'year' ? undefined : { kind: 'recurring', count: 1, per };
    return { kind: 'recurring', count: num(n), per, unit };
  }),
  rule(`任期内${FILLER}${COUNT}${UNIT}`, ([n, unit]) => ({
    kind: 'recurring',
    count: num(n),
    per: 'term',
    unit,
  })),

  // Relative to an event: 10个工作日内 counts working days, 15日内 / 30天内 calendar days.
  rule(`(?<![\\d${CN}])${COUNT}个?工作日${WITHIN}`, ([n]) => ({
    kind: 'relative',
    workingDays: num(n),
  })),
  rule(`(?<![\\d${CN}月])${COUNT}个?(?:自然)?[日天]${WITHIN}`, ([n]) => ({
    kind: 'relative',
    days: num(n),
  })),
  // 3个月内, 六个月以内; 近3个月内 looks back, it sets no limit.
  rule(`(?<![\\d${CN}近])${COUNT}个月${WITHIN}`, ([n]) => ({ kind: 'relative', months: num(n) })),
];
