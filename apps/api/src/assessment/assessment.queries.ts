import { Injectable } from '@nestjs/common';
import { addDays, periodContaining, PeriodKind, SQL_TIME_ZONE } from '@app/calendar';
import {
  planWorkingSql,
  ReplicaReads,
  reportFrequency,
  reportMissing,
  reportOwed,
  unitOrderSql,
} from '@app/database';
import { openOn, overdueOn } from '../supervision/sql';
import type {
  AcknowledgementRow,
  DueRow,
  NoticeDueRow,
  OverdueWorkRow,
  ReportDueRow,
} from './rules';

type WithUnit<T> = T & { unitId: string };

/** Work in plans being carried out, as every supervision list counts it (the open-work rule). */
const FROM = `FROM assignments a JOIN plans p ON p.id = a.plan_id JOIN items i ON i.id = a.item_id`;
const LIVE = planWorkingSql('p');

const FREQUENCIES: PeriodKind[] = ['week', 'month', 'quarter', 'half', 'year'];

/**
 * The days in [start, end] on which a report of frequency f fell due: the first day of each
 * period of f, when the 应报未报 rule starts asking for the period before it.
 */
export function reportCheckDays(
  start: string,
  end: string,
): Array<{ kind: PeriodKind; day: string }> {
  const days: Array<{ kind: PeriodKind; day: string }> = [];
  for (const kind of FREQUENCIES) {
    let period = periodContaining(kind, start);
    if (period.start < start) period = periodContaining(kind, addDays(period.end, 1));
    while (period.start <= end) {
      days.push({ kind, day: period.start });
      period = periodContaining(kind, addDays(period.end, 1));
    }
  }
  return days;
}

/**
 * The rows each 考评 part is worked out from, for every unit at once. `start` is the period's
 * first day and `d` the day it is judged on (its last day, or an earlier as-of date).
 */
@Injectable()
export class AssessmentQueries {
  constructor(private readonly db: ReplicaReads) {}

  /** Units that hold work in a plan being carried out: the ones a ranking is about. */
  units(): Promise<Array<{ id: string; name: string }>> {
    return this.db.query(
      `SELECT u.id, u.name FROM units u
       WHERE EXISTS (SELECT 1 FROM assignments a JOIN plans p ON p.id = a.plan_id
                     WHERE a.unit_id = u.id AND ${LIVE})
       ORDER BY ${unitOrderSql('u')}`,
    );
  }

  /** Work due in [start, d]; a completion after d does not count yet. */
  due(start: string, d: string): Promise<WithUnit<DueRow>[]> {
    return this.db.query(
      `SELECT a.unit_id AS "unitId", a.id AS "assignmentId", a.due_on AS "dueOn",
              CASE WHEN a.completed_on <= $2::date THEN a.completed_on END AS "completedOn"
       ${FROM} WHERE ${LIVE} AND a.due_on BETWEEN $1::date AND $2::date`,
      [start, d],
    );
  }

  /** Work overdue on day d (the warning lights' red rule), with its days overdue. */
  overdue(d: string): Promise<WithUnit<OverdueWorkRow>[]> {
    return this.db.query(
      `SELECT a.unit_id AS "unitId", a.id AS "assignmentId", ($1::date - a.due_on)::int AS "daysOverdue"
       ${FROM} WHERE ${LIVE} AND ${overdueOn('$1::date')}`,
      [d],
    );
  }

  /**
   * The reports that fell due in [start, d], judged by the shared 应报未报 rule on the day each
   * fell due: owed by open work of an active plan, filed when submitted by that day. One
   * statement per day a period began (at most 71 in a year), so each uses the rule's hashed set.
   */
  async reports(start: string, d: string): Promise<WithUnit<ReportDueRow>[]> {
    const days = reportCheckDays(start, d);
    if (!days.length) return [];
    const params: string[] = [];
    const parts = days.map(({ kind, day }) => {
      params.push(day);
      const p = `$${params.length}::date`;
      return `SELECT a.unit_id AS "unitId", a.id AS "assignmentId", ${p}::text AS "checkDay",
                NOT ${reportMissing(p)} AS filed
              ${FROM} WHERE ${LIVE} AND ${reportFrequency} = '${kind}'
                AND ${openOn(p)} AND ${reportOwed(p)}`;
    });
    return this.db.query(parts.join('\nUNION ALL\n'), params);
  }

  /** Notices whose reply-by date fell in [start, d], with the day each was first answered. */
  notices(start: string, d: string): Promise<WithUnit<NoticeDueRow>[]> {
    return this.db.query(
      `SELECT n.unit_id AS "unitId", n.id AS "noticeId", n.reply_by AS "replyBy",
              (SELECT min((x.answered_at AT TIME ZONE ${SQL_TIME_ZONE})::date)::text
               FROM notice_answers x WHERE x.notice_id = n.id) AS "firstAnsweredOn"
       FROM supervision_notices n WHERE n.reply_by BETWEEN $1::date AND $2::date`,
      [start, d],
    );
  }

  /**
   * Work and notices whose 签收 limit fell in [start, d): the limit has passed by d, so each is
   * either signed in time or not. One signed in time before its limit is counted too, if its
   * limit is within [start, d]. Rows without a limit (imported by the CLI) are not owed.
   */
  acknowledgements(start: string, d: string): Promise<WithUnit<AcknowledgementRow>[]> {
    const signedOn = (x: string) => `(${x}.acknowledged_at AT TIME ZONE ${SQL_TIME_ZONE})::date`;
    const owed = (x: string) =>
      `${x}.acknowledge_by >= $1::date AND (${x}.acknowledge_by < $2::date
         OR (${x}.acknowledge_by = $2::date AND ${signedOn(x)} <= $2::date))`;
    const inTime = (x: string) =>
      `COALESCE(${signedOn(x)} <= ${x}.acknowledge_by AND ${signedOn(x)} <= $2::date, false)`;
    return this.db.query(
      `SELECT a.unit_id AS "unitId", ${inTime('a')} AS "acknowledgedInTime"
       ${FROM} WHERE ${LIVE} AND ${owed('a')}
       UNION ALL
       SELECT n.unit_id, ${inTime('n')} FROM supervision_notices n WHERE ${owed('n')}`,
      [start, d],
    );
  }

  /** Work completed in [start, d] before its due date: the bulletin's praise. */
  completedEarly(
    start: string,
    d: string,
  ): Promise<
    Array<{
      unitName: string;
      planTitle: string;
      itemNumberText: string;
      itemTitle: string;
      dueOn: string;
      completedOn: string;
      daysEarly: number;
    }>
  > {
    return this.db.query(
      `SELECT u.name AS "unitName", p.title AS "planTitle", i.number_text AS "itemNumberText",
              i.title AS "itemTitle", a.due_on AS "dueOn", a.completed_on AS "completedOn",
              (a.due_on - a.completed_on)::int AS "daysEarly"
       ${FROM} JOIN units u ON u.id = a.unit_id
       WHERE ${LIVE} AND a.completed_on BETWEEN $1::date AND $2::date AND a.completed_on < a.due_on
       ORDER BY (a.due_on - a.completed_on) DESC, u.name, i.number`,
      [start, d],
    );
  }

  /** Notices issued in [start, d], for the bulletin. */
  issuedNotices(start: string, d: string): Promise<Array<{ id: string }>> {
    return this.db.query(
      `SELECT n.id FROM supervision_notices n WHERE n.issued_on BETWEEN $1::date AND $2::date
       ORDER BY n.number_year, n.number_serial`,
      [start, d],
    );
  }
}
