import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  AnnualReportInput,
  composeReport,
  renderDocx,
  renderMarkdown,
  ReportItem,
  ReportSection,
  reportTitle,
  subjectOf,
} from '@app/annual-report';
import { CLOCK, Clock, periodContaining, todayIn } from '@app/calendar';
import { attachment } from '../common/attachment';
import {
  AcceptedReportRow,
  AnnualReportQueries,
  ReportPlanRow,
  ReportSectionRow,
} from './annual-report.queries';
import { AnnualReportQuery } from './annual-report.dto';

export const MARKDOWN_TYPE = 'text/markdown; charset=utf-8';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReportFile {
  body: Buffer | string;
  contentType: string;
  disposition: string;
}

const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : undefined);

/**
 * The annual report draft (年度报告初稿) from a year of accepted progress reports: a plan's, or
 * the office's over all its active plans. A person edits it; it only has to be complete and
 * orderly, each sentence citing unit, item and period.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly queries: AnnualReportQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forPlan(planId: string, q: AnnualReportQuery): Promise<ReportFile> {
    const plan = await this.queries.plan(planId);
    if (!plan) throw new NotFoundException('未找到该方案');
    const [from, to] = [yearOf(plan.periodStart), yearOf(plan.periodEnd)];
    const year = q.year ?? Math.min(Math.max(this.lastYear(), from ?? 0), to ?? Infinity);
    if ((from && year < from) || (to && year > to)) {
      throw new BadRequestException(
        `该方案的实施期为 ${from ?? '—'}—${to ?? '—'} 年，${year} 年不在其中`,
      );
    }
    return this.render([plan], year, q);
  }

  async forOffice(q: AnnualReportQuery): Promise<ReportFile> {
    const year = q.year ?? this.lastYear();
    const plans = await this.queries.activePlans(year);
    if (!plans.length) throw new NotFoundException(`${year} 年没有正在实施的方案`);
    return this.render(plans, year, q);
  }

  private lastYear(): number {
    return Number(todayIn(this.clock).slice(0, 4)) - 1;
  }

  private async render(
    plans: ReportPlanRow[],
    year: number,
    q: AnnualReportQuery,
  ): Promise<ReportFile> {
    const planIds = plans.map((p) => p.id);
    const [sections, rows] = await Promise.all([
      this.queries.sections(planIds),
      this.queries.acceptedReports(planIds, year),
    ]);
    const subjects = [...new Set(plans.map((p) => subjectOf(p.title)))];
    const issuers = [...new Set(plans.map((p) => p.issuers.join(' ')))];
    const input: AnnualReportInput = {
      year,
      shape: q.shape,
      issuer: q.issuer?.trim() || (issuers.length === 1 ? issuers[0] : ''),
      issuedOn: q.issuedOn ?? todayIn(this.clock),
      subject: subjects.join('、'),
      planTitles: plans.map((p) => p.title),
      sections: sectionsOf(sections, rows, plans.length > 1 ? plans : undefined),
    };
    const outline = composeReport(input);
    const name = `${reportTitle('', year, input.subject).replace(/^关于/, '')}（初稿）`;
    if (q.format === 'docx') {
      return {
        body: await renderDocx(outline),
        contentType: DOCX_TYPE,
        disposition: attachment(`${name}.docx`),
      };
    }
    return {
      body: renderMarkdown(outline),
      contentType: MARKDOWN_TYPE,
      disposition: attachment(`${name}.md`).replace(/^attachment/, 'inline'),
    };
  }
}

/**
 * Every chapter (in the plan's order) with the items that have accepted reports; a chapter
 * without any keeps its place with no items, so the draft names it for the clerk to fill in.
 * With several plans each chapter names its plan, since their numbering starts again in each.
 */
function sectionsOf(
  sectionRows: ReportSectionRow[],
  rows: AcceptedReportRow[],
  plans?: ReportPlanRow[],
): ReportSection[] {
  type Grouped = Omit<ReportSection, 'items'> & { items: Map<string, ReportItem> };
  const sections = new Map<string, Grouped>();
  for (const row of sectionRows) {
    const plan = plans?.find((p) => p.id === row.planId);
    sections.set(row.id, {
      numberText: row.numberText,
      title: plan ? `${row.title}（${plan.title}）` : row.title,
      items: new Map(),
    });
  }
  for (const row of rows) {
    const section = sections.get(row.sectionId);
    if (!section) continue; // a report on a preamble item: no chapter of work to put it in
    let item = section.items.get(row.itemId);
    if (!item) {
      item = { numberText: row.itemNumberText, title: row.itemTitle, reports: [] };
      section.items.set(row.itemId, item);
    }
    item.reports.push({
      id: row.id,
      unitName: row.unitName,
      periodLabel: periodContaining(row.periodKind, row.periodStart).label,
      periodStart: row.periodStart,
      workDone: row.workDone,
      figures: row.figures.map(({ name, value, unit }) => ({ name, value: Number(value), unit })),
      problems: row.problems,
      nextSteps: row.nextSteps,
    });
  }
  return [...sections.values()].map((s) => ({ ...s, items: [...s.items.values()] }));
}
