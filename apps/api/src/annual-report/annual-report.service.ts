import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  AnnualReportInput,
  composeReport,
  renderDocx,
  renderMarkdown,
  ReportItem,
  ReportSection,
  subjectOf,
} from '@app/annual-report';
import { CLOCK, Clock, periodContaining, todayIn } from '@app/calendar';
import { attachment } from '../common/attachment';
import { AcceptedReportRow, AnnualReportQueries, ReportPlanRow } from './annual-report.queries';
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
    return this.render([plan], year, q.format);
  }

  async forOffice(q: AnnualReportQuery): Promise<ReportFile> {
    const year = q.year ?? this.lastYear();
    const plans = await this.queries.activePlans(year);
    if (!plans.length) throw new NotFoundException(`${year} 年没有正在实施的方案`);
    return this.render(plans, year, q.format);
  }

  private lastYear(): number {
    return Number(todayIn(this.clock).slice(0, 4)) - 1;
  }

  private async render(
    plans: ReportPlanRow[],
    year: number,
    format: AnnualReportQuery['format'],
  ): Promise<ReportFile> {
    const rows = await this.queries.acceptedReports(
      plans.map((p) => p.id),
      year,
    );
    const subjects = [...new Set(plans.map((p) => subjectOf(p.title)))];
    const issuers = [...new Set(plans.map((p) => p.issuers.join(' ')))];
    const input: AnnualReportInput = {
      year,
      issuer: issuers.length === 1 ? issuers[0] : '',
      subject: subjects.join('、'),
      planTitles: plans.map((p) => p.title),
      sections: sectionsOf(rows, plans.length > 1 ? plans : undefined),
    };
    const outline = composeReport(input);
    const name = `${year}年度${input.subject}情况的报告（初稿）`;
    if (format === 'docx') {
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
 * Rows (already in the plan's order) grouped into sections and items. With several plans each
 * section names its plan, since their numbering starts again in each.
 */
function sectionsOf(rows: AcceptedReportRow[], plans?: ReportPlanRow[]): ReportSection[] {
  type Grouped = Omit<ReportSection, 'items'> & { items: Map<string, ReportItem> };
  const sections = new Map<string, Grouped>();
  for (const row of rows) {
    let section = sections.get(row.sectionId);
    if (!section) {
      const plan = plans?.find((p) => p.id === row.planId);
      section = {
        numberText: row.sectionNumberText,
        title: plan ? `${row.sectionTitle}（${plan.title}）` : row.sectionTitle,
        items: new Map(),
      };
      sections.set(row.sectionId, section);
    }
    let item = section.items.get(row.itemId);
    if (!item) {
      item = { numberText: row.itemNumberText, title: row.itemTitle, reports: [] };
      section.items.set(row.itemId, item);
    }
    item.reports.push({
      id: row.id,
      unitName: row.unitName,
      periodLabel: periodContaining(row.periodKind, row.periodStart).label,
      workDone: row.workDone,
      figures: row.figures.map(({ name, value, unit }) => ({ name, value, unit })),
      problems: row.problems,
      nextSteps: row.nextSteps,
    });
  }
  return [...sections.values()].map((s) => ({ ...s, items: [...s.items.values()] }));
}
