import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiMidnight } from '@app/calendar';
import { AuditLog } from '@app/database';
import { page, Page } from '../common/pagination';
import { AuditLogQuery, AuditLogView } from './audit-log.dto';

/** 安全审计: who did what to which record and when, newest first. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: AuditLogQuery): Promise<Page<AuditLogView>> {
    if (query.from && query.to && query.from > query.to) {
      throw new BadRequestException('to：截止日期不能早于起始日期');
    }
    const qb = this.db
      .createQueryBuilder(AuditLog, 'log')
      .leftJoin('users', 'actor', 'actor.id = log.actor_user_id')
      .leftJoin('units', 'unit', 'unit.id = log.actor_unit_id')
      .addSelect('actor.username', 'actor_username')
      .addSelect('unit.name', 'actor_unit_name')
      .orderBy('log.id', 'DESC')
      .offset(query.offset)
      .limit(query.pageSize);
    // Each filter only when given: TypeORM throws on an undefined parameter.
    if (query.actorUserId) qb.andWhere('log.actorUserId = :actor', { actor: query.actorUserId });
    if (query.entityType) qb.andWhere('log.entityType = :type', { type: query.entityType });
    if (query.entityId) qb.andWhere('log.entityId = :entity', { entity: query.entityId });
    if (query.action) qb.andWhere('log.action = :action', { action: query.action });
    // Calendar days in Asia/Shanghai, both ends included.
    if (query.from) qb.andWhere('log.at >= :from', { from: shanghaiMidnight(query.from) });
    if (query.to) {
      qb.andWhere('log.at < :to', { to: shanghaiMidnight(addDays(query.to, 1)) });
    }
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    const items = entities.map((entity, i) =>
      AuditLogView.from({
        ...entity,
        actorUsername: raw[i].actor_username ?? null,
        actorUnitName: raw[i].actor_unit_name ?? null,
      }),
    );
    return page(items, total, query);
  }
}
