import type { AnnualReportInput, ReportFigure, SourceReport } from './types';

/**
 * The report as an outline of paragraphs, before any format: 一、工作开展情况 with one part per
 * section that had reports, 二、存在的主要问题, 三、下步工作计划. Every sentence keeps its source
 * (unit, item, period) so a person can check it; it is a draft to edit, so it is complete and
 * in order rather than clever.
 */
export interface Outline {
  title: string;
  opening: string;
  parts: Array<{ heading: string; blocks: Array<{ heading?: string; paragraphs: string[] }> }>;
}

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 as Chinese numerals (一, 十, 十二, 二十三), for the report's own headings. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE[tens]}十${CHINESE[ones]}`;
}

const figureText = (f: ReportFigure): string => `${f.name}${f.value}${f.unit}`;

const source = (r: SourceReport, itemNumberText: string): string =>
  `（${r.unitName}，条目(${itemNumberText})，${r.periodLabel}报送）`;

const clean = (text: string): string => text.trim().replace(/[。；;，,\s]+$/u, '');

export function composeReport(input: AnnualReportInput): Outline {
  const sections = input.sections
    .map((s) => ({ ...s, items: s.items.filter((i) => i.reports.length) }))
    .filter((s) => s.items.length);
  const cite = sections.flatMap((s) =>
    s.items.flatMap((i) => i.reports.map((r) => ({ item: i, report: r }))),
  );

  const work = sections.map((section, index) => ({
    heading: `（${chineseNumber(index + 1)}）${section.title}`,
    paragraphs: section.items.map((item, n) => {
      const sentences = item.reports.map((r) => {
        const figures = r.figures.length ? `，${r.figures.map(figureText).join('，')}` : '';
        return `${clean(r.workDone)}${figures}${source(r, item.numberText)}。`;
      });
      return `${n + 1}. ${clean(item.title)}。${sentences.join('')}`;
    }),
  }));

  const listOf = (pick: (r: SourceReport) => string) =>
    cite
      .filter(({ report }) => pick(report).trim())
      .map(
        ({ item, report }, n) =>
          `${n + 1}. ${clean(pick(report))}${source(report, item.numberText)}。`,
      );
  const problems = listOf((r) => r.problems);
  const nextSteps = listOf((r) => r.nextSteps);
  const none = '（本年度进展报送中未填写此项，请补充。）';

  return {
    title: `${input.issuer ? `${input.issuer} ` : ''}关于${input.year}年度${input.subject}情况的报告`,
    opening:
      `${input.year}年，按照《${input.planTitles.join('》《')}》部署，各责任单位扎实推进各项任务落实。` +
      `现根据全年审核通过的 ${cite.length} 份进展报送，将有关情况报告如下：`,
    parts: [
      { heading: '一、工作开展情况', blocks: work.length ? work : [{ paragraphs: [none] }] },
      {
        heading: '二、存在的主要问题',
        blocks: [{ paragraphs: problems.length ? problems : [none] }],
      },
      {
        heading: '三、下步工作计划',
        blocks: [{ paragraphs: nextSteps.length ? nextSteps : [none] }],
      },
    ],
  };
}
