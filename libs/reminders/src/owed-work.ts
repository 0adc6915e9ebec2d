import { EntityManager } from 'typeorm';
import { periodContaining, PeriodKind } from '@app/calendar';
import type { AwaitedNotice, MissingReport, OwedAssignment, OwedWork } from './rules';

type Row = OwedAssignment & { unitId: string };

const ASSIGNMENT = `
  a.id AS "assignmentId", a.unit_id AS "unitId", p.title AS "planTitle", a.item_id AS "itemId",
  i.number_text AS "itemNumberText", i.title AS "itemTitle", a.role, a.due_on AS "dueOn"`;

const OPEN = `
  FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
  WHERE a.completed_on IS NULL AND a.status <> 'completed' AND p.status = 'active'`;

// The reporting period just finished on day $1, per frequency (weeks start on Monday).
const CURRENT_START = `CASE f
  WHEN 'week' THEN date_trunc('week', $1::date)
  WHEN 'month' THEN date_trunc('month', $1::date)
  WHEN 'quarter' THEN date_trunc('quarter', $1::date)
  WHEN 'half' THEN date_trunc('year', $1::date)
    + CASE WHEN extract(month FROM $1::date) > 6 THEN interval '6 months' ELSE interval '0' END
  ELSE date_trunc('year', $1::date) END`;
const LENGTH = `CASE f WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
  WHEN 'quarter' THEN interval '3 months' WHEN 'half' THEN interval '6 months' ELSE interval '1 year' END`;

/**
 * What every unit (or one) owes on `date`, in four set-based queries. Planning the weekly
 * digest for two thousand units is then four statements, not one per unit.
 */
export async function owedWork(
  db: EntityManager,
  date: string,
  dueSoonDays: number,
  unitId?: string,
): Promise<Map<string, OwedWork>> {
  const unit = unitId ? 'AND a.unit_id = $3' : '';
  const params = unitId ? [date, dueSoonDays, unitId] : [date, dueSoonDays];
  const [overdue, dueSoon, missing, notices] = await Promise.all([
    db.query(
      `SELECT ${ASSIGNMENT}, ($1::date - a.due_on) AS "daysOverdue" ${OPEN}
       AND a.due_on < $1::date AND $2::int > 0 ${unit} ORDER BY a.due_on, i.number`,
      params,
    ) as Promise<Array<Row & { daysOverdue: number }>>,
    db.query(
      `SELECT ${ASSIGNMENT}, (a.due_on - $1::date) AS "daysLeft" ${OPEN}
       AND a.due_on >= $1::date AND a.due_on <= $1::date + $2::int ${unit} ORDER BY a.due_on, i.number`,
      params,
    ) as Promise<Array<Row & { daysLeft: number }>>,
    db.query(
      `WITH open AS (
         SELECT ${ASSIGNMENT}, a.plan_id, i.number,
                COALESCE(i.report_frequency, p.report_frequency)::text AS f, p.period_start AS plan_start
         ${OPEN} AND $2::int > 0 ${unit}
       ), due AS (
         SELECT open.*, ((${CURRENT_START}) - ${LENGTH})::date AS "periodStart" FROM open
       )
       SELECT * FROM due
       WHERE COALESCE(plan_start, '1900-01-01') < "periodStart" + (${LENGTH})
         AND NOT EXISTS (
           SELECT 1 FROM progress_reports r WHERE r.assignment_id = due."assignmentId"
             AND r.period_kind::text = due.f AND r.period_start = due."periodStart"
             AND r.status IN ('submitted', 'accepted'))
       ORDER BY number`,
      params,
    ) as Promise<Array<Row & { f: PeriodKind; periodStart: string }>>,
    db.query(
      `SELECT n.id AS "noticeId", n.unit_id AS "unitId", n.reason, n.reply_by AS "replyBy"
       FROM supervision_notices n
       WHERE n.status IN ('issued', 'returned') AND $2::int > 0 ${unit.replace('a.unit_id', 'n.unit_id')}
         AND $1::date IS NOT NULL
       ORDER BY n.reply_by`,
      params,
    ) as Promise<Array<AwaitedNotice & { unitId: string }>>,
  ]);

  const result = new Map<string, OwedWork>();
  const of = (id: string): OwedWork => {
    let owed = result.get(id);
    if (!owed) {
      owed = { overdue: [], dueSoon: [], reportsMissing: [], noticesAwaiting: [] };
      result.set(id, owed);
    }
    return owed;
  };
  const strip = <T extends { unitId: string }>({ unitId: _u, ...rest }: T) => rest;
  for (const row of overdue) of(row.unitId).overdue.push(strip(row));
  for (const row of dueSoon) of(row.unitId).dueSoon.push(strip(row));
  for (const row of missing) {
    const report: MissingReport = {
      assignmentId: row.assignmentId,
      planTitle: row.planTitle,
      itemId: row.itemId,
      itemNumberText: row.itemNumberText,
      itemTitle: row.itemTitle,
      role: row.role,
      dueOn: row.dueOn,
      periodLabel: periodContaining(row.f, row.periodStart).label,
    };
    of(row.unitId).reportsMissing.push(report);
  }
  for (const row of notices) of(row.unitId).noticesAwaiting.push(strip(row));
  return result;
}
