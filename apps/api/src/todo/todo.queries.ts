import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AcknowledgementFilter, acknowledgementSql } from '../chain/acknowledgement';
import { DataSource } from 'typeorm';
import {
  duePeriodStart,
  openWorkSql,
  PINYIN_COLLATION,
  planWorkingSql,
  reportFrequency,
  reportMissing,
} from '@app/database';
import { openOn, overdueOn, yellowOn } from '../supervision/sql';

/*
 * The to-do page's reads. The lights, 应报未报 and overdue are the shared SQL rules of the
 * supervision office and the weekly digest (../supervision/sql, @app/database): the to-do page
 * never judges work differently from the warnings list or the email.
 */
const LIGHT = (d: string, days: string) =>
  `CASE WHEN ${overdueOn(d)} THEN 'red' WHEN ${yellowOn(d, days)} THEN 'yellow' ELSE 'green' END`;

/** At most this many rows per list: the page is a starting point, the full lists are elsewhere. */
const LIMIT = 200;

export interface RawReportDue {
  assignmentId: string;
  planTitle: string;
  itemId: string;
  itemNumberText: string;
  itemTitle: string;
  periodKind: string;
  periodStart: string;
}

@Injectable()
export class TodoQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A unit's assignments in active plans, worst light first, then by due date. */
  unitAssignments(unitId: string, today: string, warningDays: number) {
    const d = '$2::date';
    const days = String(warningDays);
    return this.db.query(
      `SELECT * FROM (
         SELECT a.id AS "assignmentId", a.plan_id AS "planId", p.title AS "planTitle",
           a.item_id AS "itemId", i.number_text AS "itemNumberText", i.title AS "itemTitle",
           a.role, a.due_on AS "dueOn", (a.due_on - ${d})::int AS "daysLeft", a.status,
           a.progress_percent AS "progressPercent", ${LIGHT(d, days)} AS level,
           (${openOn(d)} AND ${reportMissing(d)}) AS "reportMissing", i.number AS n
         FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
         WHERE a.unit_id = $1 AND ${planWorkingSql()}) x
       ORDER BY CASE x.level WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END,
         x.status = 'completed', x."dueOn", x."planTitle", x.n
       LIMIT ${LIMIT}`,
      [unitId, today],
    ) as Promise<Array<Record<string, unknown> & { n?: number }>>;
  }

  /** The reports of the period just ended that a unit owes and has not filed (the digest's rule). */
  unitReportsDue(unitId: string, today: string): Promise<RawReportDue[]> {
    const d = '$2::date';
    return this.db.query(
      `SELECT a.id AS "assignmentId", p.title AS "planTitle", a.item_id AS "itemId",
         i.number_text AS "itemNumberText", i.title AS "itemTitle",
         ${reportFrequency} AS "periodKind", to_char(${duePeriodStart(d)}, 'YYYY-MM-DD') AS "periodStart"
       FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
       WHERE a.unit_id = $1 AND ${openOn(d)} AND ${reportMissing(d)}
       ORDER BY p.title, i.number LIMIT ${LIMIT}`,
      [unitId, today],
    );
  }

  /** Reports in one status, oldest submission first; for one unit or every unit. */
  reports(status: 'returned' | 'submitted', unitId?: string) {
    return this.db.query(
      `SELECT r.id AS "reportId", r.assignment_id AS "assignmentId", u.name AS "unitName",
         p.title AS "planTitle", a.item_id AS "itemId", i.number_text AS "itemNumberText",
         i.title AS "itemTitle", r.period_kind AS "periodKind",
         to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart", r.review_comment AS "reviewComment",
         r.submitted_at AS "submittedAt"
       FROM progress_reports r JOIN assignments a ON a.id = r.assignment_id
       JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id JOIN units u ON u.id = a.unit_id
       WHERE r.status = $1 ${unitId ? 'AND a.unit_id = $2' : ''}
       ORDER BY r.submitted_at ASC NULLS LAST, r.created_at ASC LIMIT ${LIMIT}`,
      unitId ? [status, unitId] : [status],
    ) as Promise<
      Array<{
        reportId: string;
        assignmentId: string;
        unitName: string;
        planTitle: string;
        itemId: string;
        itemNumberText: string;
        itemTitle: string;
        periodKind: string;
        periodStart: string;
        reviewComment: string | null;
        submittedAt: Date | null;
      }>
    >;
  }

  /** Work the units said is done (status submitted), oldest first. */
  submittedWork() {
    return this.db.query(
      `SELECT a.id AS "assignmentId", u.name AS "unitName", p.title AS "planTitle",
         a.item_id AS "itemId", i.number_text AS "itemNumberText", i.title AS "itemTitle",
         a.updated_at AS since
       FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
       JOIN units u ON u.id = a.unit_id
       WHERE a.status = 'submitted' ORDER BY a.updated_at ASC LIMIT ${LIMIT}`,
    ) as Promise<
      Array<{
        assignmentId: string;
        unitName: string;
        planTitle: string;
        itemId: string;
        itemNumberText: string;
        itemTitle: string;
        since: Date;
      }>
    >;
  }

  /** The unit's assignments and notices not yet acknowledged (未签收), oldest first. */
  unacknowledged(unitId: string, today: string) {
    return this.db.query(
      `SELECT * FROM (
         SELECT 'assignment' AS kind, a.id, '(' || i.number_text || ')' || i.title AS title,
           a.acknowledge_by::text AS "acknowledgeBy", ${acknowledgementSql('a', AcknowledgementFilter.Late, '$2::date')} AS late,
           a.created_at AS since
         FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
         WHERE a.unit_id = $1 AND a.acknowledged_at IS NULL AND a.completed_on IS NULL
           AND p.status = 'active'
         UNION ALL
         SELECT 'notice', n.id, n.reason, n.acknowledge_by::text,
           ${acknowledgementSql('n', AcknowledgementFilter.Late, '$2::date')}, n.created_at
         FROM supervision_notices n
         WHERE n.unit_id = $1 AND n.acknowledged_at IS NULL AND n.status <> 'closed'
       ) x ORDER BY since ASC LIMIT ${LIMIT}`,
      [unitId, today],
    ) as Promise<
      Array<{
        kind: 'assignment' | 'notice';
        id: string;
        title: string;
        acknowledgeBy: string | null;
        late: boolean | null;
        since: Date;
      }>
    >;
  }

  /** Extension requests waiting for the leadership office, oldest first. */
  pendingExtensions() {
    return this.db.query(
      `SELECT r.id AS "extensionRequestId", a.id AS "assignmentId", u.name AS "unitName",
         p.title AS "planTitle", a.item_id AS "itemId", i.number_text AS "itemNumberText",
         i.title AS "itemTitle", r.current_due_on::text AS "currentDueOn",
         r.requested_due_on::text AS "requestedDueOn", r.created_at AS since
       FROM extension_requests r JOIN assignments a ON a.id = r.assignment_id
       JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
       JOIN units u ON u.id = r.unit_id
       WHERE r.status = 'pending' ORDER BY r.created_at ASC LIMIT ${LIMIT}`,
    ) as Promise<
      Array<{
        extensionRequestId: string;
        assignmentId: string;
        unitName: string;
        planTitle: string;
        itemId: string;
        itemNumberText: string;
        itemTitle: string;
        currentDueOn: string;
        requestedDueOn: string;
        since: Date;
      }>
    >;
  }

  draftPlans() {
    return this.db.query(
      `SELECT id, title, doc_number AS "docNumber" FROM plans WHERE status = 'draft'
       ORDER BY created_at DESC LIMIT ${LIMIT}`,
    ) as Promise<Array<{ id: string; title: string; docNumber: string | null }>>;
  }

  /** Overdue assignments today per unit, most first. */
  overdueByUnit(today: string) {
    return this.db.query(
      `SELECT a.unit_id AS "unitId", min(u.name) AS "unitName", count(*)::int AS overdue,
         min(u.sort_order) AS sort_order
       FROM assignments a JOIN plans p ON p.id = a.plan_id JOIN units u ON u.id = a.unit_id
       WHERE ${openWorkSql()} AND ${overdueOn('$1::date')}
       GROUP BY a.unit_id ORDER BY overdue DESC, sort_order ASC NULLS LAST,
         min(u.name) COLLATE ${PINYIN_COLLATION} LIMIT ${LIMIT}`,
      [today],
    ) as Promise<Array<{ unitId: string; unitName: string; overdue: number }>>;
  }

  async directoryCounts() {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*) FROM units)::int AS units,
         (SELECT count(*) FROM unit_groups)::int AS groups, (SELECT count(*) FROM users)::int AS users`,
    );
    return row as { units: number; groups: number; users: number };
  }
}
