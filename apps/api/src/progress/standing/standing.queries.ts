import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssignmentRole, AssignmentStatus, RecurringTarget, unitOrderSql } from '@app/database';
import { AccessScope } from '../../auth/actor';
import { PageQuery } from '../../common/pagination';
import { inScope, scopeParam } from '../../auth/scope-sql';

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

/** The sum of accepted figures tagged with one target in one calendar year. */
export interface TargetSum {
  targetId: string;
  year: number;
  total: number;
}

/**
 * Shares and target sums through the caller's scope inside the SQL: a unit's roll-up counts the
 * other units' shares of its items but is not shown them.
 */
@Injectable()
export class StandingQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
}
