import { periodContaining, PeriodKind } from '@app/calendar';
import {
  duePeriodStart,
  openWorkSql,
  ReadManager,
  reportFrequency,
  reportMissing,
} from '@app/database';
import type { AwaitedNotice, MissingReport, OwedAssignment, OwedWork } from './rules';

type Row = OwedAssignment & { unitId: string };

const ASSIGNMENT = `
  a.id AS "assignmentId", a.unit_id AS "unitId", p.title AS "planTitle", a.item_id AS "itemId",
  i.number_text AS "itemNumberText", i.title AS "itemTitle", a.role, a.due_on AS "dueOn"`;

const OPEN = `
  FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
  WHERE ${openWorkSql()}`;

/**
 * What every unit (or one) owes on `date`, in four set-based queries. Planning the weekly
 * digest for two thousand units is then four statements, not one per unit. `workBefore`: only
 * work assigned (and notices issued) by then counts, so a digest slot caught up late lists what
 * existed at the slot, not work a unit was given after it.
 */
export async function owedWork(
  db: ReadManager,
  date: string,
  dueSoonDays: number,
  unitId?: string,
  workBefore?: Date,
): Promise<Map<string, OwedWork>> {
  const params: unknown[] = [date, dueSoonDays];
  let unit = '';
  if (unitId) {
    params.push(unitId);
    unit += ` AND a.unit_id = $${params.length}`;
  }
  if (workBefore) {
    params.push(workBefore);
    unit += ` AND a.created_at <= $${params.length}`;
  }
  const [overdue, dueSoon, missing, notices, unacknowledged] = await Promise.all([
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
      `SELECT ${ASSIGNMENT}, ${reportFrequency} AS f, ${duePeriodStart('$1::date')} AS "periodStart"
       ${OPEN} AND $2::int > 0 ${unit} AND ${reportMissing('$1::date')}
       ORDER BY i.number`,
      params,
    ) as Promise<Array<Row & { f: PeriodKind; periodStart: string }>>,
    db.query(
      `SELECT n.id AS "noticeId", n.unit_id AS "unitId", n.reason, n.reply_by AS "replyBy"
       FROM supervision_notices n
       WHERE n.status IN ('issued', 'returned') AND $2::int > 0 ${unit.replace(/\ba\./g, 'n.')}
         AND n.issued_on <= $1::date
       ORDER BY n.reply_by`,
      params,
    ) as Promise<Array<AwaitedNotice & { unitId: string }>>,
    // The same rule as the lists' `late` filter (apps/api/src/chain/acknowledgement.ts).
    db.query(
      `SELECT ${ASSIGNMENT}, a.acknowledge_by::text AS "acknowledgeBy" ${OPEN}
       AND a.acknowledged_at IS NULL AND a.acknowledge_by < $1::date AND $2::int > 0 ${unit}
       ORDER BY a.acknowledge_by, i.number`,
      params,
    ) as Promise<Array<Row & { acknowledgeBy: string }>>,
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
  // One period per frequency is due on a date: its label is worked out once, not per row (a
  // province's digest has 165,000 missing reports).
  const labels = new Map<string, string>();
  const label = (f: PeriodKind, start: string): string => {
    const key = `${f} ${start}`;
    let text = labels.get(key);
    if (text === undefined) {
      text = periodContaining(f, start).label;
      labels.set(key, text);
    }
    return text;
  };
  for (const row of missing) {
    const report: MissingReport = {
      assignmentId: row.assignmentId,
      planTitle: row.planTitle,
      itemId: row.itemId,
      itemNumberText: row.itemNumberText,
      itemTitle: row.itemTitle,
      role: row.role,
      dueOn: row.dueOn,
      periodLabel: label(row.f, row.periodStart),
    };
    of(row.unitId).reportsMissing.push(report);
  }
  for (const row of notices) of(row.unitId).noticesAwaiting.push(strip(row));
  for (const row of unacknowledged) {
    const owed = of(row.unitId);
    (owed.acknowledgementsLate ??= []).push(strip(row));
  }
  return result;
}
