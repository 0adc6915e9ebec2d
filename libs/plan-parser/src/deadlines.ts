import type { Deadline, DeadlineContext } from './deadline-phrases/deadline';
import { earliestDateDeadline, extractDeadlines } from './deadline-phrases/extract-deadlines';
import { addDays, addMonths, addWorkingDays } from '@app/calendar';
import { findDateMentions } from './deadline-phrases/other-dates';
import type { ItemDeadline, OtherDate, Paragraph } from './types';

/*
 * Deadline phrases are found by deadline-phrases/; this file feeds them the right text, keeps the
 * dates that are conditions or periods apart from the deadlines, and maps both back to lines.
 */

export type { DeadlineContext };

/**
 * A date with 前 that limits who qualifies rather than when work is due: 2021年11月24日前取得
 * 预售许可的, 2024年3月31日之前供应, 2023年3月31日前到期. A verb of a past act follows the date, or
 * its clause ends in 的 (those who…) without a word of completing work.
 */
const CONDITION_VERB =
  /^(?:\(含\))?(?:尚|仍|已|处于|已经|均|内)|^(?:取得|购买|购房|签订|签约|供应|到期|缴纳|出让|受理|登记|备案|发生|注册|成立|交付|办理|申请|入职|招用|参保|竞得|网签|认购|贷款|批准|获得|开业|毕业|离校|认定|发放|申报)/;
const COMPLETING = /完成|实现|建成|出台|落实|到位|达到|开工|投产|印发|制定/;
/** 2024年3月底前启动, 11月底前完成: the first date starts the work, the second is its deadline. */
const STARTING = /^(?:启动|开始|动员|着手)/;
/** 印发之日起30日内: a relative limit counted from the document's issue date. */
const FROM_ISSUE = /(?:印发|发布|出台|下发|公布|施行|实施)之日起[^,;。]{0,4}$/;

export function isConditionDate(text: string, end: number): boolean {
  const clause = text.slice(end, end + 40).split(/[,;。\n]/)[0];
  if (CONDITION_VERB.test(clause)) return true;
  return clause.endsWith('的') && !COMPLETING.test(clause);
}

export interface ReadDates {
  deadlines: ItemDeadline[];
  otherDates: OtherDate[];
}

/** Reads the deadlines of paragraphs that belong together (one item) in document order. */
export function readDeadlines(paragraphs: Paragraph[], ctx: DeadlineContext): ItemDeadline[] {
  return readDates(paragraphs, ctx).deadlines;
}

/** The deadlines, and every other date of the paragraphs with the reason it is not one. */
export function readDates(paragraphs: Paragraph[], ctx: DeadlineContext): ReadDates {
  const starts: number[] = [];
  let text = '';
  for (const p of paragraphs) {
    if (text) text += '\n';
    starts.push(text.length);
    text += p.text;
  }
  if (!text) return { deadlines: [], otherDates: [] };
  const deadlines: ItemDeadline[] = [];
  const otherDates: OtherDate[] = [];
  const taken: [number, number][] = [];
  const starting = new Set<ItemDeadline>();
  for (const d of extractDeadlines(text, ctx)) {
    const line = lineAt(paragraphs, starts, d.index);
    const end = d.index + d.text.length;
    taken.push([d.index, end]);
    if (d.kind === 'date' && /前$/.test(d.text) && isConditionDate(text, end)) {
      otherDates.push({
        text: d.text,
        reason: 'condition',
        line,
        ...(d.dueOn ? { endOn: d.dueOn } : {}),
      });
      continue;
    }
    const deadline = toItemDeadline(d, line);
    if (d.kind === 'date' && STARTING.test(text.slice(end))) starting.add(deadline);
    if (d.kind === 'recurring') deadline.subject = clauseAround(text, d.index, end);
    if (d.kind === 'relative' && ctx.issuedOn && FROM_ISSUE.test(text.slice(0, d.index))) {
      deadline.dueOn =
        d.workingDays !== undefined
          ? addWorkingDays(ctx.issuedOn, d.workingDays)
          : d.months !== undefined
            ? addMonths(ctx.issuedOn, d.months)
            : addDays(ctx.issuedOn, d.days ?? 0);
    }
    deadlines.push(deadline);
  }
  for (const m of findDateMentions(
    text,
    ctx.issuedOn ? Number(ctx.issuedOn.slice(0, 4)) : (ctx.periodStartYear ?? ctx.documentYear),
  )) {
    const end = m.index + m.text.length;
    if (taken.some(([a, b]) => m.index < b && end > a)) continue;
    // 2021年11月24日后…: a cut-off that sorts cases, like 前…的.
    const after = /^(?:之|以)?后/.test(text.slice(end)) && m.reason === 'mention';
    // 2024年6月前: before June, or by its end? The text keeps its 前 for the person who decides.
    const monthBefore = m.reason === 'mention' && /月$/.test(m.text) && text[end] === '前';
    otherDates.push({
      text: monthBefore ? `${m.text}前` : m.text,
      reason: after ? 'condition' : m.reason,
      line: lineAt(paragraphs, starts, m.index),
      ...(m.startOn ? { startOn: m.startOn } : {}),
      ...(m.endOn ? { endOn: m.endOn } : {}),
    });
  }
  // A start is kept apart only beside a date the work is due by; alone it is the one limit given.
  if (deadlines.some((d) => d.kind === 'date' && d.dueOn && !starting.has(d))) {
    for (const d of starting) {
      otherDates.push({
        text: d.text,
        reason: 'period',
        line: d.line,
        ...(d.dueOn ? { startOn: d.dueOn } : {}),
      });
    }
  } else starting.clear();
  return {
    deadlines: withoutRestatedTargets(deadlines.filter((d) => !starting.has(d))),
    otherDates,
  };
}

/**
 * A recurring phrase that says no more than its frequency (a 完成时限 cell's 每季度) restates a
 * target the item's text states (每季度发布信用红黑名单): one target, not a second one named 每季度
 * that units would be judged on too.
 */
function withoutRestatedTargets(deadlines: ItemDeadline[]): ItemDeadline[] {
  const bare = (d: ItemDeadline) => (d.subject ?? d.text) === d.text;
  return deadlines.filter(
    (d, i) =>
      d.kind !== 'recurring' ||
      !bare(d) ||
      !deadlines.some(
        (o, j) =>
          o.kind === 'recurring' &&
          o.per === d.per &&
          (o.count ?? 1) >= (d.count ?? 1) &&
          (!bare(o) || (j < i && o.text === d.text)),
      ),
  );
}

/**
 * The year a document without issue date or period points to: the earliest year of its dated
 * deadlines (定西 今冬明春: 2023年12月上旬 before 2024年2月底前), else the earliest year it names.
 */
export function inferDocumentYear(texts: string[]): number | undefined {
  let fromDeadlines: number | undefined;
  let named: number | undefined;
  for (const text of texts) {
    for (const d of extractDeadlines(text, {})) {
      if (d.kind !== 'date' || !d.dueOn || isConditionDate(text, d.index + d.text.length)) continue;
      const year = Number(d.dueOn.slice(0, 4));
      fromDeadlines = Math.min(fromDeadlines ?? year, year);
    }
    for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) {
      const year = Number(m[1]);
      named = Math.min(named ?? year, year);
    }
  }
  return fromDeadlines ?? named;
}

/** The earliest dated deadline, a relative one counted from the issue date included. */
export function earliestDueOn(deadlines: ItemDeadline[]): string | undefined {
  return earliestDateDeadline(
    deadlines.map((d) => ({ ...d, kind: d.dueOn ? 'date' : d.kind, index: 0 })),
  );
}

/** Words after a date that make it the plan-wide deadline: 确保2025年年底前全面完成. */
const COMPLETION = /^.{0,6}(?:全面完成|全部完成|完成|落实到位|全面落实)/;

/**
 * The plan-wide deadline: a date phrase that the closing words tie to completing the work.
 * Other dates in the closing paragraphs (a mid-term review, a report date) are not it.
 */
export function readDefaultDueOn(
  paragraphs: Paragraph[],
  ctx: DeadlineContext,
): string | undefined {
  const cued = paragraphs.flatMap((p) =>
    extractDeadlines(p.text, ctx).filter((d) =>
      COMPLETION.test(p.text.slice(d.index + d.text.length, d.index + d.text.length + 12)),
    ),
  );
  return earliestDateDeadline(cued);
}

function lineAt(paragraphs: Paragraph[], starts: number[], index: number): number {
  let i = starts.length - 1;
  while (i > 0 && starts[i] > index) i--;
  return paragraphs[i].line;
}

const CLAUSE_END = /[,，。；;:：!！?？\n]/;
const MAX_SUBJECT = 80;

/**
 * The clause a recurring phrase stands in, so a target keeps its subject: 区政府常务会议学法每年
 * 不少于4次, not 每年不少于4次. From the punctuation before the phrase to the one after it; a
 * clause longer than a line of a table is cut around the phrase.
 */
export function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to])) to++;
  const phrase = end - start;
  if (to - from > Math.max(MAX_SUBJECT, phrase)) {
    const room = Math.max(0, MAX_SUBJECT - phrase);
    from = Math.max(from, start - Math.ceil(room / 2));
    to = Math.min(to, end + Math.floor(room / 2));
  }
  return text.slice(from, to).trim();
}

function toItemDeadline(d: Deadline, line: number): ItemDeadline {
  const out: ItemDeadline = { text: d.text, kind: d.kind, line };
  if (d.dueOn !== undefined) out.dueOn = d.dueOn;
  if (d.count !== undefined) out.count = d.count;
  if (d.per !== undefined) out.per = d.per;
  if (d.unit !== undefined) out.unit = d.unit;
  if (d.workingDays !== undefined) out.workingDays = d.workingDays;
  if (d.days !== undefined) out.days = d.days;
  if (d.months !== undefined) out.months = d.months;
  return out;
}
