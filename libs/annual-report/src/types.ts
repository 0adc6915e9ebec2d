/** A figure as a unit reported it: 集体学法 5 次. */
export interface ReportFigure {
  name: string;
  value: number;
  unit: string;
}

/** One accepted progress report, reduced to what the annual report quotes. */
export interface SourceReport {
  id: string;
  unitName: string;
  /** The reporting period as people say it, e.g. 2024年3月, 2024年第二季度. */
  periodLabel: string;
  /** The first day of the period (YYYY-MM-DD), to order a unit's reports in time. */
  periodStart: string;
  workDone: string;
  figures: ReportFigure[];
  problems: string;
  nextSteps: string;
}

export interface ReportItem {
  numberText: string;
  title: string;
  reports: SourceReport[];
}

export interface ReportSection {
  numberText: string;
  title: string;
  /** Every task item of the section; an item without accepted reports has `reports: []`. */
  items: ReportItem[];
}

/**
 * The two shapes an annual report takes: the seeds' three parts (工作开展情况 by chapter,
 * 存在的主要问题, 下步工作计划), and the five parts the central rules on 法治政府建设与责任落实督察
 * set for the 法治政府建设年度报告.
 */
export const REPORT_SHAPES = ['three_parts', 'five_parts'] as const;
export type ReportShape = (typeof REPORT_SHAPES)[number];

export interface AnnualReportInput {
  year: number;
  shape: ReportShape;
  /** Who reports, e.g. 经开区党工委 经开区管委会; empty when a person is to fill it in. */
  issuer: string;
  /** The date of the 落款, YYYY-MM-DD (the day the draft is made; a person may change it). */
  issuedOn: string;
  /** What the year's work was about, e.g. 法治政府建设. */
  subject: string;
  /** The plans the report covers, named in its opening paragraph. */
  planTitles: string[];
  /** Every chapter with task items, in the plan's order, with or without reports. */
  sections: ReportSection[];
}
