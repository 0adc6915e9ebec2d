import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Item, Plan, RecurringTarget, Section, Task, unitOrderSql } from '@app/database';
import { AccessScope } from '../auth/actor';
import { PageQuery } from '../common/pagination';
import { ItemUnitView, PlanListQuery } from './plan.dto';
import { inScope, scopeParam } from '../auth/scope-sql';

/**
 * Reads of plans and items, always through the caller's scope: a unit sees a plan or an item
 * only when it holds an assignment in it.
 */
@Injectable()
export class PlanQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scoped<T extends Plan | Item>(
    qb: SelectQueryBuilder<T>,
    scope: AccessScope,
    column: 'plan_id' | 'item_id',
  ): SelectQueryBuilder<T> {
    if (scope.kind === 'unit') {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM assignments a WHERE a.${column} = ${qb.alias}.id AND a.unit_id = :scopeUnitId)`,
        { scopeUnitId: scope.unitId },
      );
    }
    return qb;
  }

  listPlans(scope: AccessScope, query: PlanListQuery): Promise<[Plan[], number]> {
    const qb = this.db
      .getRepository(Plan)
      .createQueryBuilder('plan')
      .orderBy('plan.issuedOn', 'DESC', 'NULLS LAST')
      .addOrderBy('plan.createdAt', 'DESC')
      .skip(query.offset)
      .take(query.pageSize);
    if (query.status) qb.andWhere('plan.status = :status', { status: query.status });
    return this.scoped(qb, scope, 'plan_id').getManyAndCount();
  }

  findPlan(scope: AccessScope, id: string): Promise<Plan | null> {
    const qb = this.db
      .getRepository(Plan)
      .createQueryBuilder('plan')
      .where('plan.id = :id', { id });
    return this.scoped(qb, scope, 'plan_id').getOne();
  }

  listSections(planId: string, page: PageQuery): Promise<[Section[], number]> {
    return this.db.getRepository(Section).findAndCount({
      where: { planId },
      order: { number: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.pageSize,
    });
  }

  /** A page of the plan's items the caller may see, in their order. */
  listItems(scope: AccessScope, planId: string, page: PageQuery): Promise<[Item[], number]> {
    return this.items(scope, planId).skip(page.offset).take(page.pageSize).getManyAndCount();
  }

  /** Every item of the plan the caller may see, for a roll-up over the whole plan. */
  allItems(scope: AccessScope, planId: string): Promise<Item[]> {
    return this.items(scope, planId).getMany();
  }

  private items(scope: AccessScope, planId: string): SelectQueryBuilder<Item> {
    const qb = this.db
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.planId = :planId', { planId })
      .orderBy('item.number')
      .addOrderBy('item.id');
    return this.scoped(qb, scope, 'item_id');
  }

  /**
   * An item's parts for its view: every share (with `visible` false for another unit's, which
   * counts in the status but is not shown), its tasks and its recurring targets.
   */
  async itemParts(scope: AccessScope, itemId: string) {
    const [shares, tasks, targets] = await Promise.all([
      this.db.query(
        `SELECT a.id AS "assignmentId", a.unit_id AS "unitId", u.name AS "unitName", a.role,
                a.status, a.progress_percent AS "progressPercent", a.due_on AS "dueOn",
                a.completed_on AS "completedOn", ${inScope('a', 2)} AS visible
         FROM assignments a JOIN units u ON u.id = a.unit_id
         WHERE a.item_id = $1 ORDER BY a.role, ${unitOrderSql('u')}`,
        [itemId, scopeParam(scope)],
      ) as Promise<Array<ItemUnitView & { visible: boolean; completedOn: string | null }>>,
      this.db.manager.find(Task, { where: { itemId }, order: { number: 'ASC' } }),
      this.db.manager.find(RecurringTarget, { where: { itemId }, order: { text: 'ASC' } }),
    ]);
    return { shares, tasks, targets };
  }

  findItem(scope: AccessScope, id: string): Promise<Item | null> {
    const qb = this.db
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.id = :id', { id });
    return this.scoped(qb, scope, 'item_id').getOne();
  }
}
