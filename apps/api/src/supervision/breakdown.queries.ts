import { Injectable } from '@nestjs/common';
import { ReplicaReads, ShareState, unitOrderSql } from '@app/database';
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
  /** Every unit's share, for the item-status rule (itemStanding in @app/database). */
  shares: ShareState[];
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
         string_agg(u.name, '、' ORDER BY ${unitOrderSql('u')}) FILTER (WHERE a.role = 'lead') AS "leadUnits",
         string_agg(u.name, '、' ORDER BY ${unitOrderSql('u')}) FILTER (WHERE a.role = 'co') AS "coUnits",
         i.due_on AS "dueOn", i.deadline_text AS "deadlineText",
         COALESCE(json_agg(json_build_object('role', a.role, 'status', a.status,
             'progressPercent', a.progress_percent, 'completedOn', a.completed_on, 'dueOn', a.due_on))
           FILTER (WHERE a.id IS NOT NULL), '[]') AS shares,
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
