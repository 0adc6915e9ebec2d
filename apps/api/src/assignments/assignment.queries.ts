import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Assignment } from '@app/database';
import { AccessScope } from '../auth/actor';
import { acknowledgementSql } from '../chain/acknowledgement';
import { AssignmentListQuery } from './assignment.dto';
import { withinScope } from '../auth/scope-sql';

/**
 * Every read of assignments goes through the caller's scope, inside the SQL: a unit's query
 * cannot return another unit's row whatever filters it sends.
 */
@Injectable()
export class AssignmentQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The assignment whole, and of its item and unit only what a view names: an item's body and a
   * unit's addresses would be read, parsed and mapped on every list page and status update.
   */
  private base(scope: AccessScope): SelectQueryBuilder<Assignment> {
    const qb = this.db
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin('a.item', 'item')
      .addSelect(['item.id', 'item.number', 'item.numberText', 'item.title'])
      .innerJoin('a.unit', 'unit')
      .addSelect(['unit.id', 'unit.name']);
    return withinScope(qb, scope, 'a.unitId');
  }

  list(scope: AccessScope, q: AssignmentListQuery, today: string): Promise<[Assignment[], number]> {
    const qb = this.base(scope)
      .orderBy('a.dueOn', 'ASC')
      .addOrderBy('item.number', 'ASC')
      .addOrderBy('unit.name', 'ASC')
      // offset/limit, not skip/take: the joins are many-to-one, so rows are not multiplied and
      // TypeORM's extra DISTINCT-ids query (the whole unit's rows, every column) is not needed.
      .offset(q.offset)
      .limit(q.pageSize);
    if (q.planId) qb.andWhere('a.planId = :planId', { planId: q.planId });
    if (q.itemId) qb.andWhere('a.itemId = :itemId', { itemId: q.itemId });
    if (q.unitId) qb.andWhere('a.unitId = :unitId', { unitId: q.unitId });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.role) qb.andWhere('a.role = :role', { role: q.role });
    if (q.dueBefore) qb.andWhere('a.dueOn <= :dueBefore', { dueBefore: q.dueBefore });
    if (q.dueAfter) qb.andWhere('a.dueOn >= :dueAfter', { dueAfter: q.dueAfter });
    if (q.acknowledgement) {
      qb.andWhere(acknowledgementSql('a', q.acknowledgement, ':today'), { today });
    }
    return qb.getManyAndCount();
  }

  /** In the list's order; one query however many ids (a group can expand to dozens). */
  findMany(scope: AccessScope, ids: string[]): Promise<Assignment[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.base(scope)
      .andWhere('a.id IN (:...ids)', { ids })
      .orderBy('unit.name', 'ASC')
      .getMany();
  }

  findOne(scope: AccessScope, id: string): Promise<Assignment | null> {
    return this.base(scope).andWhere('a.id = :id', { id }).getOne();
  }
}
