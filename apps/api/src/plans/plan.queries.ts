import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Item, Plan, Section } from '@app/database';
import { AccessScope } from '../auth/actor';
import { PlanListQuery } from './plan.dto';

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

  listSections(planId: string): Promise<Section[]> {
    return this.db.getRepository(Section).find({ where: { planId }, order: { number: 'ASC' } });
  }

  listItems(scope: AccessScope, planId: string): Promise<Item[]> {
    const qb = this.db
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.planId = :planId', { planId })
      .orderBy('item.number');
    return this.scoped(qb, scope, 'item_id').getMany();
  }

  findItem(scope: AccessScope, id: string): Promise<Item | null> {
    const qb = this.db
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.id = :id', { id });
    return this.scoped(qb, scope, 'item_id').getOne();
  }
}
