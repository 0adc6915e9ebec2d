import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@app/database';
import { overdueOn, yellowOn } from './sql';

export interface BreakdownRow {
  number: number;
  numberText: string;
  title: string;
  body: string;
  leadUnits: string | null;
  coUnits: string | null;
  dueOn: string | null;
  deadlineText: string | null;
  assignments: number;
  completed: number;
  averagePercent: number;
  overdue: number;
  yellow: number;
}

/** 任务分解表: one row per item of a plan with its units, deadline and standing, in one query. */
@Injectable()
export class BreakdownQueries {
  constructor(private readonly db: ReplicaReads) {}

  rows(planId: string, asOf: string, warningDays: number): Promise<BreakdownRow[]> {
    return this.db.query(
      `SELECT i.number, i.number_text AS "numberText", i.title, i.body,
         string_agg(u.name, '、' ORDER BY u.name) FILTER (WHERE a.role = 'lead') AS "leadUnits",
         string_agg(u.name, '、' ORDER BY u.name) FILTER (WHERE a.role = 'co') AS "coUnits",
         i.due_on AS "dueOn", i.deadline_text AS "deadlineText",
         count(a.id)::int AS assignments,
         count(a.id) FILTER (WHERE a.completed_on <= $2::date)::int AS completed,
         COALESCE(round(avg(a.progress_percent)), 0)::int AS "averagePercent",
         count(a.id) FILTER (WHERE ${overdueOn('$2::date')})::int AS overdue,
         count(a.id) FILTER (WHERE ${yellowOn('$2::date', '$3')})::int AS yellow
       FROM items i
       JOIN plans p ON p.id = i.plan_id
       LEFT JOIN assignments a ON a.item_id = i.id
       LEFT JOIN units u ON u.id = a.unit_id
       WHERE i.plan_id = $1 AND NOT i.preamble
       GROUP BY i.id
       ORDER BY i.number`,
      [planId, asOf, warningDays],
    );
  }
}
