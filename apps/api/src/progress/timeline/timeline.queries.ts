import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScope } from '../../auth/actor';
import { PageQuery } from '../../common/pagination';
import { inScope, scopeParam } from '../../auth/scope-sql';

/** One audit row with the name of the person who wrote it. */
export interface HistoryRow {
  at: Date;
  username: string | null;
  displayName: string | null;
  entityType: string;
  entityId: string;
  /** The assignment the row concerns, and whose it is (null for the item's own edits). */
  assignmentId: string | null;
  unitName: string | null;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const HISTORY = `
  SELECT l.at, u.username, u.display_name AS "displayName", l.entity_type AS "entityType",
         l.entity_id AS "entityId", l.assignment_id AS "assignmentId", su.name AS "unitName",
         l.action, l.before, l.after
  FROM audit_log l
  LEFT JOIN users u ON u.id = l.actor_user_id
  LEFT JOIN assignments sa ON sa.id = l.assignment_id
  LEFT JOIN units su ON su.id = sa.unit_id`;

/**
 * The audit rows of the supervision notices (督办单) that name the assignments `ids` (a SQL
 * list of assignment ids), their answers and the answers' files: a notice about several
 * assignments shows in each one's history, under that assignment. Read by the audit index
 * (entity type, entity id), so it costs a few probes per notice.
 */
const noticeHistory = (ids: string) => `
  SELECT l.id AS seq, l.at, u.username, u.display_name AS "displayName", l.entity_type AS "entityType",
         l.entity_id AS "entityId", na.assignment_id AS "assignmentId", su.name AS "unitName",
         l.action, l.before, l.after
  FROM supervision_notice_assignments na
  JOIN audit_log l ON (
       (l.entity_type = 'SupervisionNotice' AND l.entity_id = na.notice_id::text)
    OR (l.entity_type = 'NoticeAnswer' AND l.entity_id IN (
          SELECT x.id::text FROM notice_answers x WHERE x.notice_id = na.notice_id))
    OR (l.entity_type = 'NoticeAnswerFile' AND l.entity_id IN (
          SELECT x.id::text FROM notice_answer_files x WHERE x.notice_id = na.notice_id)))
  LEFT JOIN users u ON u.id = l.actor_user_id
  LEFT JOIN assignments sa ON sa.id = na.assignment_id
  LEFT JOIN units su ON su.id = sa.unit_id
  WHERE na.assignment_id IN (${ids})`;

/** Histories through the caller's scope inside the SQL: a unit reads its own share's only. */
@Injectable()
export class TimelineQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Everything that happened to one assignment, its reports and its files, in order. */
  assignmentHistory(
    scope: AccessScope,
    assignmentId: string,
    page: PageQuery,
  ): Promise<[HistoryRow[], number]> {
    return this.history(
      page,
      `SELECT * FROM (
         ${HISTORY.replace('SELECT', 'SELECT l.id AS seq,')}
         WHERE l.assignment_id = $1
         UNION ALL ${noticeHistory('$1')}
       ) h
       WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.id = $1 AND ${inScope('a', 2)})`,
      'seq',
      [assignmentId, scopeParam(scope)],
    );
  }

  /** The item's own edits and the history of its shares; a unit gets only its own share's. */
  itemHistory(
    scope: AccessScope,
    itemId: string,
    page: PageQuery,
  ): Promise<[HistoryRow[], number]> {
    return this.history(
      page,
      `SELECT * FROM (
         ${HISTORY.replace('SELECT', 'SELECT l.id AS seq,')}
         WHERE (l.entity_type = 'Item' AND l.entity_id = $1::text)
              OR l.assignment_id IN (SELECT a.id FROM assignments a
                                     WHERE a.item_id = $1::uuid AND ${inScope('a', 2)})
         UNION ALL ${noticeHistory(`SELECT a.id FROM assignments a WHERE a.item_id = $1::uuid AND ${inScope('a', 2)}`)}
       ) h
       WHERE ($2::uuid IS NULL
              OR EXISTS (SELECT 1 FROM assignments own WHERE own.item_id = $1::uuid AND own.unit_id = $2))`,
      'seq, "assignmentId"',
      [itemId, scopeParam(scope)],
    );
  }

  /**
   * One page of a history (`sql` selects it whole, `order` orders it by its output columns) and
   * the whole count, in one statement that composes the history once (the CTE is read twice:
   * counted, then paged). Not count(*) OVER () on the page's rows: a page past the end has no
   * row to carry the count, yet answers it; here it gets one row of NULLs beside the count.
   */
  private async history(
    page: PageQuery,
    sql: string,
    order: string,
    params: unknown[],
  ): Promise<[HistoryRow[], number]> {
    const n = params.length;
    const rows: Array<HistoryRow & { seq: string | null; total: number }> = await this.db.query(
      `WITH whole AS MATERIALIZED (${sql})
       SELECT paged.*, counted.total
       FROM (SELECT count(*)::int AS total FROM whole) counted
       LEFT JOIN (SELECT * FROM whole ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}) paged
         ON true
       ORDER BY ${order}`,
      [...params, page.pageSize, page.offset],
    );
    return [
      rows.filter((row) => row.seq !== null).map(({ total: _total, ...row }) => row),
      rows[0].total,
    ];
  }
}
