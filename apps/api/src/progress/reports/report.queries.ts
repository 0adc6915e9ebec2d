import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Assignment, ProgressReport } from '@app/database';
import { AccessScope } from '../../auth/actor';
import { PageQuery } from '../../common/pagination';
import { withinScope } from '../../auth/scope-sql';

/** Reports through the caller's scope inside the SQL: a unit never reads another unit's report. */
@Injectable()
export class ReportQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private reports(scope: AccessScope) {
    const qb = this.db
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .innerJoin(Assignment, 'a', 'a.id = r.assignmentId');
    return withinScope(qb, scope, 'a.unitId');
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
}
