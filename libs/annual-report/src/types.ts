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
  items: ReportItem[];
}

export interface AnnualReportInput {
  year: number;
  /** Who reports, e.g. 经开区党工委 经开区管委会; empty when a person is to fill it in. */
  issuer: string;
  /** What the year's work was about, e.g. 法治政府建设. */
  subject: string;
  /** The plans the report covers, named in its opening paragraph. */
  planTitles: string[];
  /** In the plan's order; sections without reports are left out by the caller or here. */
  sections: ReportSection[];
}
