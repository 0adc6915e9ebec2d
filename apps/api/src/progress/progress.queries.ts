import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Assignment,
  AssignmentRole,
  AssignmentStatus,
  EvidenceFile,
  ProgressReport,
  RecurringTarget,
  unitOrderSql,
} from '@app/database';
import { AccessScope } from '../auth/actor';
import { PageQuery } from '../common/pagination';

/** One unit's share of an item, as the roll-ups read it. */
export interface ShareRow {
  assignmentId: string;
  itemId: string;
  unitName: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  progressPercent: number;
  dueOn: string;
  completedOn: string | null;
  completedLate: boolean;
  /** False for another unit's share: it counts in the item's roll-up but is not shown. */
  visible: boolean;
}

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

/** The sum of accepted figures tagged with one target in one calendar year. */
export interface TargetSum {
  targetId: string;
  year: number;
  total: number;
}

/** `$n` is the scope's unit id, or NULL for the offices (who see every unit). */
const inScope = (alias: string, n: number) => `($${n}::uuid IS NULL OR ${alias}.unit_id = $${n})`;
const scopeParam = (scope: AccessScope): string | null =>
  scope.kind === 'unit' ? scope.unitId : null;

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

/**
 * Every read of progress data goes through the caller's scope inside the SQL: a unit's query
 * cannot return another unit's report, file, share or history whatever ids it sends.
 */
@Injectable()
export class ProgressQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private reports(scope: AccessScope) {
    const qb = this.db
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .innerJoin(Assignment, 'a', 'a.id = r.assignmentId');
    if (scope.kind === 'unit')
      qb.andWhere('a.unitId = :scopeUnitId', { scopeUnitId: scope.unitId });
    return qb;
  }

  /** An assignment's reports, the latest period first. */
  reportsOf(
    scope: AccessScope,
    assignmentId: string,
    page: PageQuery,
  ): Promise<[ProgressReport[], number]> {
    return this.reports(scope)
      .andWhere('r.assignmentId = :assignmentId', { assignmentId })
      .orderBy('r.periodStart', 'DESC')
      .addOrderBy('r.periodKind', 'ASC')
      .skip(page.offset)
      .take(page.pageSize)
      .getManyAndCount();
  }

  findReport(scope: AccessScope, id: string): Promise<ProgressReport | null> {
    return this.reports(scope).andWhere('r.id = :id', { id }).getOne();
  }

  private files(scope: AccessScope) {
    const qb = this.db
      .getRepository(EvidenceFile)
      .createQueryBuilder('f')
      .innerJoin(Assignment, 'a', 'a.id = f.assignmentId');
    if (scope.kind === 'unit')
      qb.andWhere('a.unitId = :scopeUnitId', { scopeUnitId: scope.unitId });
    return qb;
  }

  /** The evidence of some reports, oldest upload first. */
  filesOf(scope: AccessScope, reportIds: string[]): Promise<EvidenceFile[]> {
    if (!reportIds.length) return Promise.resolve([]);
    return this.files(scope)
      .andWhere('f.reportId IN (:...reportIds)', { reportIds })
      .orderBy('f.createdAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  findFile(scope: AccessScope, id: string): Promise<EvidenceFile | null> {
    return this.files(scope).andWhere('f.id = :id', { id }).getOne();
  }

  /**
   * Every share of the items the caller may see (of one item, or of a plan's items). A unit's
   * roll-up needs the other units' shares too; `visible` says which of them it may be shown.
   */
  shares(scope: AccessScope, of: { itemId: string } | { planId: string }): Promise<ShareRow[]> {
    const [column, id] = 'itemId' in of ? ['item_id', of.itemId] : ['plan_id', of.planId];
    return this.db.query(
      `SELECT a.id AS "assignmentId", a.item_id AS "itemId", u.name AS "unitName", a.role, a.status,
              a.progress_percent AS "progressPercent", a.due_on AS "dueOn",
              a.completed_on AS "completedOn",
              COALESCE(a.completed_on > a.due_on, false) AS "completedLate",
              ${inScope('a', 2)} AS visible
       FROM assignments a JOIN units u ON u.id = a.unit_id
       WHERE a.${column} = $1
         AND ($2::uuid IS NULL OR a.item_id IN (
               SELECT own.item_id FROM assignments own
               WHERE own.unit_id = $2 AND own.${column} = $1))
       ORDER BY a.role, ${unitOrderSql('u')}`,
      [id, scopeParam(scope)],
    );
  }

  /** The recurring targets of an item (its definition; the standing is per assignment). */
  targetsOf(itemId: string, page: PageQuery): Promise<[RecurringTarget[], number]> {
    return this.db.manager.findAndCount(RecurringTarget, {
      where: { itemId },
      order: { text: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.pageSize,
    });
  }

  /**
   * What accepted reports of one assignment count towards its item's targets, per calendar year
   * of the report's period. Drafts, submitted and returned reports count nothing.
   */
  acceptedTargetSums(scope: AccessScope, assignmentId: string): Promise<TargetSum[]> {
    return this.db.query(
      `SELECT f->>'targetId' AS "targetId", extract(year FROM r.period_start)::int AS year,
              sum((f->>'value')::numeric)::float8 AS total
       FROM progress_reports r
       JOIN assignments a ON a.id = r.assignment_id
       CROSS JOIN LATERAL jsonb_array_elements(r.figures) f
       WHERE r.assignment_id = $1 AND ${inScope('a', 2)}
         AND r.status = 'accepted' AND f ? 'targetId'
       GROUP BY 1, 2`,
      [assignmentId, scopeParam(scope)],
    );
  }

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
      'h.seq',
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
      'h.seq, h."assignmentId"',
      [itemId, scopeParam(scope)],
    );
  }

  /** One page of a history (`sql` selects it whole, `order` its order) and the whole count. */
  private async history(
    page: PageQuery,
    sql: string,
    order: string,
    params: unknown[],
  ): Promise<[HistoryRow[], number]> {
    const n = params.length;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(`${sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        page.pageSize,
        page.offset,
      ]) as Promise<HistoryRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM (${sql}) counted`, params) as Promise<
        Array<{ total: number }>
      >,
    ]);
    return [rows, total];
  }
}
