import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Assignment, EvidenceFile } from '@app/database';
import { AccessScope } from '../../auth/actor';
import { withinScope } from '../../auth/scope-sql';

/**
 * Evidence files through the caller's scope inside the SQL: a unit never reads another unit's
 * file, whether it asks for the file or for the report that holds it.
 */
@Injectable()
export class EvidenceQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private files(scope: AccessScope) {
    const qb = this.db
      .getRepository(EvidenceFile)
      .createQueryBuilder('f')
      .innerJoin(Assignment, 'a', 'a.id = f.assignmentId');
    return withinScope(qb, scope, 'a.unitId');
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
}
