import { addDays, addMonths } from '@app/calendar';
import type { Line } from './normalise';
import { despace } from './normalise';
import { parseChineseDigits, parseChineseNumeral } from './numerals';
import type { PlanMeta } from './types';
import { endsWithUnitSuffix } from './units/names';
import type { Warnings } from './warnings';

/*
 * Reads the plan's metadata from the lines around the body: the notice part of a page (doc
 * number, issuers, signature, date) comes before the first chapter, and some layouts sign at
 * the end instead, so `tail` (the lines after the last item) is searched as well. Both hold
 * non-empty lines only.
 */

export type Metadata = Pick<
  PlanMeta,
  'title' | 'docNumber' | 'issuers' | 'issuedOn' | 'periodStart' | 'periodEnd'
>;

const PLAN_WORD =
  /(?:实施方案|工作方案|行动方案|实施意见|指导意见|若干意见|实施细则|工作要点|工作安排|工作计划|行动计划|若干措施|政策措施|举措|规划|方案|要点|计划|意见|措施|分工|分工表|分解表|任务表|推进表|分解|台账|一览表|责任表|计划表|进度表|安排表|情况表|统计表|汇总表|明细表|督办表|督查表|整改表|落实表|清单表|清单|通知)(?:\(.{1,20}\))?$/;
/** 关于印发《X》的通知 / 关于印发X的通知: the plan is X. */
const PRINTING_NOTICE = /关于(?:印发|转发|下发)《?(.{4,80}?)》?的通知$/;
const NOTICE_TITLE = /《([^《》]{4,80})》/;
const DOC_NUMBER =
  /^(?:文号\s*[:|]?\s*)?([\u4e00-\u9fa5]{1,10})\s*[〔[(]\s*(\d{4})\s*[〕\])]\s*(\d{1,4})\s*号$/;
/** The same with brackets or 号 lost, as copied pages often have it: 漯开文〔202257. */
const DOC_NUMBER_DAMAGED =
  /^([\u4e00-\u9fa5]{0,9}[发文函字办政令])\s*[〔[(]?\s*((?:19|20)\d{2})\s*[〕\])]?\s*(\d{1,4})\s*号?$/;
const CN_DIGIT = '[〇○零一二三四五六七八九]';
const DATE_LINE = new RegExp(
  `^(\\d{4}|${CN_DIGIT}{4})年(\\d{1,2}|[一二三四五六七八九十]{1,3})月(\\d{1,2}|[一二三四五六七八九十]{1,3})日$`,
);
const PERIOD = /((?:19|20)\d{2})\s*年?\s*[—–\-~至到]+\s*((?:19|20)\d{2})\s*年?/;
const SINGLE_YEAR = /((?:19|20)\d{2})\s*年/;
const MAX_TITLE_LENGTH = 80;
const MAX_SIGNATURE_LINES = 4;

export function readMetadata(front: Line[], tail: Line[], warnings: Warnings): Metadata {
  const title = readTitle(front, warnings);
  const docNumber = readDocNumber(front, warnings);
  const signature = readSignature(front) ?? readSignature(tail);
  const issuers = signature?.issuers.length ? signature.issuers : headerIssuers(front);
  return {
    ...(title ? { title } : {}),
    ...(docNumber ? { docNumber } : {}),
    issuers,
    ...(signature?.issuedOn ? { issuedOn: signature.issuedOn } : {}),
    ...(readPeriod(title) ?? readValidity(tail, signature?.issuedOn)),
  };
}

const VALID_UNTIL = /有效期(?:至|到)(\d{4})年(\d{1,2})月(\d{1,2})日/;
const VALID_FOR = /有效期(?:为)?([1-9]|[一二两三四五])年/;
const IN_FORCE_FROM = /自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|实施|执行)/;

/**
 * A policy's own term, for one whose title names no years: 本措施自印发之日起施行，有效期至2026年
 * 12月31日; 自2024年5月1日起施行，有效期3年 (to 2027-04-30).
 */
function readValidity(
  tail: Line[],
  issuedOn: string | undefined,
): Pick<Metadata, 'periodStart' | 'periodEnd'> {
  for (const { text } of tail) {
    const from = IN_FORCE_FROM.exec(text);
    const start = from ? isoDate(+from[1], +from[2], +from[3]) : issuedOn;
    const until = VALID_UNTIL.exec(text);
    const years = VALID_FOR.exec(text);
    const end = until
      ? isoDate(+until[1], +until[2], +until[3])
      : years && start
        ? // A term of years ends the day before the same date that many years on.
          addDays(addMonths(start, 12 * (parseChineseNumeral(years[1]) || Number(years[1]))), -1)
        : undefined;
    if (end && (!start || start <= end)) {
      return { ...(start ? { periodStart: start } : {}), periodEnd: end };
    }
  }
  return {};
}

function readTitle(front: Line[], warnings: Warnings): string | undefined {
  // The plan's own title line stands nearest the body; earlier ones are page headers. A title
  // may be broken over two lines (国务院办公厅关于深入开展消费扶贫 / 助力打赢脱贫攻坚战的指导意见).
  for (let i = front.length - 1; i >= 0; i--) {
    const text = despace(front[i].text);
    const previous = i > 0 ? despace(front[i - 1].text) : '';
    // A second line that starts with 和, 及 or 与 goes on with the first, whatever it ends with
    // (2025年市《政府工作报告》任务分解 / 和责任分工方案).
    const joins =
      isTitleFragment(previous) || (/^[和及与暨]/.test(text) && !/[。,;:]/.test(previous));
    const candidates = joins ? [previous + text, text] : [text];
    for (const candidate of candidates) {
      if (candidate.length > MAX_TITLE_LENGTH || /[。,;:]/.test(candidate)) continue;
      const printed = PRINTING_NOTICE.exec(candidate);
      if (printed) return printed[1];
      if (PLAN_WORD.test(candidate)) return candidate;
    }
  }
  for (const line of front) {
    const m = NOTICE_TITLE.exec(line.text);
    if (m && PLAN_WORD.test(despace(m[1]))) return despace(m[1]);
  }
  const first = front.find((l) => l.text.length > 0);
  warnings.add(
    'NO_TITLE',
    first?.no ?? 1,
    first?.text ?? '',
    '未识别到方案标题(应为“……实施方案”“……工作要点”等独立成行的标题)',
  );
  return undefined;
}

/** The first line of a title broken in two: short, no punctuation, not a number or a date. */
function isTitleFragment(text: string): boolean {
  return (
    text.length >= 4 &&
    text.length <= 40 &&
    !/[。,;:()“”"、]/.test(text) &&
    !PLAN_WORD.test(text) &&
    // A year belongs to a title (立山区政府2023年重点工作 / 任务分解和责任分工方案); other digits
    // are a 文号, a date or a page's.
    !/\d/.test(text.replace(/(?:19|20)\d{2}年/g, '')) &&
    readDateLine(text) === undefined
  );
}

function readDocNumber(front: Line[], warnings: Warnings): string | undefined {
  for (const line of front) {
    const text = despace(line.text);
    const exact = DOC_NUMBER.exec(text);
    if (exact) return `${exact[1]}〔${exact[2]}〕${Number(exact[3])}号`;
  }
  for (const line of front) {
    const damaged = DOC_NUMBER_DAMAGED.exec(despace(line.text));
    if (!damaged) continue;
    const repaired = `${damaged[1]}〔${damaged[2]}〕${Number(damaged[3])}号`;
    warnings.add(
      'DOC_NUMBER_REPAIRED',
      line.no,
      line.text,
      `文号不完整，已按常见格式修复为“${repaired}”，请核对`,
    );
    return repaired;
  }
  return undefined;
}

/** The signature block: a date line and the issuer lines just above it. */
function readSignature(lines: Line[]): { issuers: string[]; issuedOn?: string } | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const issuedOn = readDateLine(lines[i].text);
    if (!issuedOn) continue;
    const issuers: string[] = [];
    for (let j = i - 1; j >= 0 && j >= i - MAX_SIGNATURE_LINES; j--) {
      const orgs = readOrgLine(lines[j].text);
      if (!orgs) break;
      issuers.unshift(...orgs);
    }
    return { issuers, issuedOn };
  }
  return undefined;
}

/** Without a signature, the header line under the doc number names the issuers. */
function headerIssuers(front: Line[]): string[] {
  for (const line of front) {
    const orgs = readOrgLine(line.text);
    if (orgs) return orgs;
  }
  return [];
}

/**
 * `经开区党工委  经开区管委会` → two issuers; `经 开 区 党 工 委` (letter-spaced for the
 * signature) → one. Undefined when the line is not just organisation names.
 */
export function readOrgLine(text: string): string[] | undefined {
  if (text.length === 0 || text.length > 60 || /[。,;:、《》"“”|]/.test(text)) return undefined;
  const tokens = text.split(/\s+/).filter(Boolean);
  const names = tokens.every((t) => t.length === 1) ? [tokens.join('')] : tokens.map(despace);
  if (!names.every((n) => n.length >= 3 && n.length <= 30 && endsWithUnitSuffix(n)))
    return undefined;
  return names;
}

export function readDateLine(text: string): string | undefined {
  const m = DATE_LINE.exec(despace(text));
  if (!m) return undefined;
  const year = /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseDigits(m[1]);
  const month = toNumber(m[2]);
  const day = toNumber(m[3]);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return isoDate(year, month, day);
}

function toNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** YYYY-MM-DD, or undefined for a day that does not exist. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined;
  }
  return d.toISOString().slice(0, 10);
}

function readPeriod(
  title: string | undefined,
): Pick<Metadata, 'periodStart' | 'periodEnd'> | undefined {
  if (!title) return undefined;
  const range = PERIOD.exec(title);
  if (range && Number(range[1]) <= Number(range[2])) {
    return { periodStart: `${range[1]}-01-01`, periodEnd: `${range[2]}-12-31` };
  }
  const year = SINGLE_YEAR.exec(title);
  if (year) return { periodStart: `${year[1]}-01-01`, periodEnd: `${year[1]}-12-31` };
  return fiveYearPlan(title);
}

/** “十四五”, 十三五: the five-year plan a title names (the fourth ran 1971–1975, each since five on). */
const FIVE_YEAR_PLAN = /十([一二三四五六七八九])五/;
/** A title about a five-year plan's review or its shortcomings runs for no five years. */
const ABOUT_A_PLAN = /评估|总结|检查|整改|考核|督查|审计/;

function fiveYearPlan(title: string): Pick<Metadata, 'periodStart' | 'periodEnd'> | undefined {
  const m = FIVE_YEAR_PLAN.exec(title);
  if (!m || ABOUT_A_PLAN.test(title)) return undefined;
  const start = 1971 + 5 * (parseChineseNumeral(`十${m[1]}`)! - 4);
  return { periodStart: `${start}-01-01`, periodEnd: `${start + 4}-12-31` };
}
