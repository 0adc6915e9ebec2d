import { Injectable } from '@nestjs/common';
import { ReplicaReads, unitOrderSql, type ReportFigure } from '@app/database';

export interface AcceptedReportRow {
  id: string;
  planId: string;
  sectionId: string;
  sectionNumberText: string;
  sectionTitle: string;
  itemId: string;
  itemNumberText: string;
  itemTitle: string;
  unitName: string;
  periodKind: 'week' | 'month' | 'quarter' | 'half' | 'year';
  periodStart: string;
  workDone: string;
  figures: ReportFigure[];
  problems: string;
  nextSteps: string;
}

export interface ReportPlanRow {
  id: string;
  title: string;
  issuers: string[];
  periodStart: string | null;
  periodEnd: string | null;
}

@Injectable()
export class AnnualReportQueries {
  constructor(private readonly db: ReplicaReads) {}

  plan(id: string): Promise<ReportPlanRow | undefined> {
    return this.db.query(`${PLAN} WHERE p.id = $1`, [id]).then((rows: ReportPlanRow[]) => rows[0]);
  }

  /** The plans an office-wide report covers: every active plan whose period touches the year. */
  activePlans(year: number): Promise<ReportPlanRow[]> {
    return this.db.query(
      `${PLAN} WHERE p.status = 'active'
         AND (p.period_start IS NULL OR extract(year FROM p.period_start) <= $1)
         AND (p.period_end IS NULL OR extract(year FROM p.period_end) >= $1)
       ORDER BY p.period_start NULLS LAST, p.title`,
      [year],
    );
  }

  /**
   * The chapters an annual report covers, in the plans' order: every chapter with a task item
   * (a chapter of preamble alone, such as 总体要求, carries no work to report on).
   */
  sections(planIds: string[]): Promise<ReportSectionRow[]> {
    return this.db.query(
      `SELECT s.id, s.plan_id AS "planId", s.number_text AS "numberText", s.title
       FROM sections s
       WHERE s.plan_id = ANY($1::uuid[])
         AND EXISTS (SELECT 1 FROM items i WHERE i.section_id = s.id AND NOT i.preamble)
       ORDER BY array_position($1::uuid[], s.plan_id), s.number`,
      [planIds],
    );
  }

  /**
   * The year's accepted reports of the plans (a report belongs to the year its period starts
   * in), in the plan's order: section, item, lead units before co-units, unit, period.
   */
  acceptedReports(planIds: string[], year: number): Promise<AcceptedReportRow[]> {
    return this.db.query(
      `SELECT r.id, a.plan_id AS "planId", s.id AS "sectionId", s.number_text AS "sectionNumberText",
              s.title AS "sectionTitle", i.id AS "itemId", i.number_text AS "itemNumberText",
              i.title AS "itemTitle", u.name AS "unitName", r.period_kind AS "periodKind",
              r.period_start AS "periodStart", r.work_done AS "workDone", r.figures,
              r.problems, r.next_steps AS "nextSteps"
       FROM progress_reports r
       JOIN assignments a ON a.id = r.assignment_id
       JOIN items i ON i.id = a.item_id
       JOIN sections s ON s.id = i.section_id
       JOIN units u ON u.id = a.unit_id
       WHERE a.plan_id = ANY($1::uuid[]) AND r.status = 'accepted'
         AND r.period_start >= make_date($2, 1, 1) AND r.period_start < make_date($2 + 1, 1, 1)
       ORDER BY array_position($1::uuid[], a.plan_id), s.number, i.number,
                (a.role = 'lead') DESC, ${unitOrderSql('u')}, r.period_start`,
      [planIds, year],
    );
  }
}

export interface ReportSectionRow {
  id: string;
  planId: string;
  numberText: string;
  title: string;
}

const PLAN = `SELECT p.id, p.title, p.issuers, p.period_start AS "periodStart",
  p.period_end AS "periodEnd" FROM plans p`;
