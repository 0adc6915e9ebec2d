import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PINYIN_COLLATION, Unit } from '@app/database';
import { UnitListQuery } from './unit.dto';

@Injectable()
export class UnitQueries {
  constructor(@InjectRepository(Unit) private readonly units: Repository<Unit>) {}

  findById(id: string): Promise<Unit | null> {
    return this.units.findOne({ where: { id } });
  }

  list(query: UnitListQuery): Promise<[Unit[], number]> {
    const qb = this.units
      .createQueryBuilder('unit')
      .orderBy('unit.sort_order', 'ASC', 'NULLS LAST')
      .addOrderBy(`unit.name COLLATE ${PINYIN_COLLATION}`, 'ASC')
      .skip(query.offset)
      .take(query.pageSize);
    if (query.kind) qb.andWhere('unit.kind = :kind', { kind: query.kind });
    if (query.active !== undefined) qb.andWhere('unit.active = :active', { active: query.active });
    if (query.q) {
      qb.andWhere(
        "(unit.name ILIKE :q OR unit.shortName ILIKE :q OR array_to_string(unit.aliases, ' ') ILIKE :q)",
        { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` },
      );
    }
    return qb.getManyAndCount();
  }
}
