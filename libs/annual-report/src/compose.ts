import { reportTitle } from './subject';
import type { AnnualReportInput, ReportFigure, ReportItem, SourceReport } from './types';

/**
 * The report as an outline of paragraphs, before any format. It is a draft a clerk hands in
 * after an edit, so the report speaks in its own voice for the year (全年集体学法12次: figures
 * of one name from one unit summed once), and what units wrote each month is quoted as their
 * words, with unit and period, never as the report's own (no 本月 in the report's voice).
 * Every chapter of the plan is there, those without reports marked for the clerk to fill in.
 */
export interface Outline {
  title: string;
  opening: string;
  parts: Array<{ heading: string; blocks: Array<{ heading?: string; paragraphs: string[] }> }>;
  /** 落款: the issuing office and the date, right-aligned under the text. */
  closing: { issuer: string; date: string };
}

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 as Chinese numerals (一, 十, 十二, 二十三), for the report's own headings. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE[tens]}十${CHINESE[ones]}`;
}

export const NO_REPORTS = '（本年度无报送，请补充）';
const FILL_IN = '（本年度进展报送中未填写此项，请补充。）';

/** 2025-03-10 → 2025年3月10日, as a 落款 dates a document (GB/T 9704: Arabic numerals). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const clean = (text: string): string =>
  text
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(/[。；;，,\s]+$/u, '');

/**
 * A unit's words with the period they belong to: "本月组织…" in the March report reads
 * "2024年3月组织…" once it is quoted in a report about the whole year.
 */
export const inPeriod = (text: string, periodLabel: string): string =>
  clean(text).replace(/本(?:月|周|季度|季|半年|年度)(?:内|以来)?/gu, periodLabel);

/** Rates and shares are not added up: the year's figure is the last one reported. */
const isRate = (f: ReportFigure) => /^(?:%|％|‰|分)$/u.test(f.unit.trim());

const formatValue = (value: number) => String(Math.round(value * 100) / 100);

/**
 * One unit's figures for the year: the same name and unit summed across its accepted reports
 * (rates: the latest), each stated once, in the order first reported.
 */
export function yearFigures(reports: SourceReport[]): string[] {
  const sums = new Map<string, { name: string; unit: string; value: number; rate: boolean }>();
  const inTime = [...reports].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  for (const report of inTime) {
    for (const f of report.figures) {
      const key = `${f.name.trim()}\u0000${f.unit.trim()}`;
      const sum = sums.get(key);
      if (!sum) {
        sums.set(key, {
          name: f.name.trim(),
          unit: f.unit.trim(),
          value: f.value,
          rate: isRate(f),
        });
      } else {
        sum.value = sum.rate ? f.value : sum.value + f.value;
      }
    }
  }
  return [...sums.values()].map(
    (s) => `${s.rate ? '' : '全年'}${s.name}${formatValue(s.value)}${s.unit}`,
  );
}

/** Reports grouped by unit, units in the order they come (lead units first, from the query). */
function byUnit(reports: SourceReport[]): Array<[string, SourceReport[]]> {
  const units = new Map<string, SourceReport[]>();
  for (const r of reports) units.set(r.unitName, [...(units.get(r.unitName) ?? []), r]);
  for (const list of units.values())
    list.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  return [...units];
}

/** One item of 工作开展情况: the year's figures in the report's voice, then the units' words. */
function itemParagraphs(item: ReportItem, n: number): string[] {
  const units = byUnit(item.reports);
  const figures = units
    .map(([unit, reports]) => ({ unit, figures: yearFigures(reports) }))
    .filter((u) => u.figures.length)
    .map((u) => `${u.unit}${u.figures.join('，')}`);
  const lead = `${n}. ${clean(item.title)}（条目(${item.numberText})）。${figures.length ? `${figures.join('；')}。` : ''}`;
  const quotes = units.map(([unit, reports]) => {
    const words = reports
      .filter((r) => clean(r.workDone))
      .map((r) => `${r.periodLabel}：“${inPeriod(r.workDone, r.periodLabel)}。”`);
    return words.length ? `${unit}报送：${words.join('；')}。` : '';
  });
  return [lead, ...quotes.filter(Boolean)];
}

/**
 * Problems or next steps, each once per unit however many months repeat it, with the unit and
 * the periods it was written in.
 */
function listOf(items: ReportItem[], pick: (r: SourceReport) => string): string[] {
  const seen = new Map<string, { unit: string; text: string; periods: string[]; item: string }>();
  for (const item of items) {
    for (const [unit, reports] of byUnit(item.reports)) {
      for (const r of reports) {
        const text = clean(pick(r));
        if (!text) continue;
        const key = `${unit}\u0000${text}`;
        const entry = seen.get(key);
        if (entry) {
          if (!entry.periods.includes(r.periodLabel)) entry.periods.push(r.periodLabel);
        } else {
          seen.set(key, {
            unit,
            text: inPeriod(text, r.periodLabel),
            periods: [r.periodLabel],
            item: item.numberText,
          });
        }
      }
    }
  }
  return [...seen.values()].map(
    (e, i) => `${i + 1}. ${e.unit}（条目(${e.item})，${e.periods.join('、')}报送）：“${e.text}。”`,
  );
}

/** The chapters with their items, in the plan's order; a chapter without reports is named. */
function workBlocks(input: AnnualReportInput) {
  return input.sections.map((section, index) => {
    const reported = section.items.filter((i) => i.reports.length);
    const heading = `（${chineseNumber(index + 1)}）${section.title}`;
    if (!reported.length) return { heading: `${heading}${NO_REPORTS}`, paragraphs: [] };
    return {
      heading,
      paragraphs: reported.flatMap((item, n) => itemParagraphs(item, n + 1)),
    };
  });
}

/** Items about the leaders' own duty (第一责任人), for the five-part report's second part. */
const ABOUT_LEADERS = /第一责任人|主要负责人|述法/u;

export function composeReport(input: AnnualReportInput): Outline {
  const items = input.sections.flatMap((s) => s.items);
  const count = items.reduce((n, i) => n + i.reports.length, 0);
  const work = workBlocks(input);
  const problems = listOf(items, (r) => r.problems);
  const nextSteps = listOf(items, (r) => r.nextSteps);
  const part = (heading: string, paragraphs: string[]) => ({
    heading,
    blocks: [{ paragraphs: paragraphs.length ? paragraphs : [FILL_IN] }],
  });
  const title = reportTitle(input.issuer, input.year, input.subject);
  const opening =
    `${input.year}年，按照《${input.planTitles.join('》《')}》部署，各责任单位扎实推进各项任务落实。` +
    `现根据全年审核通过的 ${count} 份进展报送，将有关情况报告如下：`;
  const closing = {
    issuer: input.issuer || '（发文机关，请补充）',
    date: chineseDate(input.issuedOn),
  };

  if (input.shape === 'five_parts') {
    const leaders = items.filter((i) => i.reports.length && ABOUT_LEADERS.test(i.title));
    return {
      title,
      opening,
      closing,
      parts: [
        { heading: '一、主要举措和成效', blocks: work },
        {
          heading: '二、党政主要负责人履行推进法治建设第一责任人职责情况',
          blocks: [
            {
              paragraphs: leaders.length
                ? leaders.flatMap((item, n) => itemParagraphs(item, n + 1))
                : [`党政主要负责人履职情况${NO_REPORTS}`],
            },
          ],
        },
        part('三、存在的不足和原因', problems),
        part('四、下一年度主要安排', nextSteps),
        {
          heading: '五、其他需要报告的情况',
          blocks: [{ paragraphs: ['（请补充；如无，写明“无其他需要报告的情况”。）'] }],
        },
      ],
    };
  }
  return {
    title,
    opening,
    closing,
    parts: [
      { heading: '一、工作开展情况', blocks: work.length ? work : [{ paragraphs: [FILL_IN] }] },
      part('二、存在的主要问题', problems),
      part('三、下步工作计划', nextSteps),
    ],
  };
}
