import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  Assignment,
  AssignmentStatus,
  Chase,
  DeliveryKind,
  Item,
  Plan,
  Unit,
  UnitOfWork,
} from '@app/database';
import { composeEvent } from '@app/reminders';
import { Actor, scopeOf } from '../auth/actor';
import { page, Page } from '../common/pagination';
import { EventMail } from '../reminders/event-mail';
import { ChaseBatchView, ChaseListQuery, ChaseView, CreateChaseDto } from './chain.dto';
import { withinScope } from '../auth/scope-sql';

/**
 * 催办 by hand: an office chases one or many assignments now. Each assignment gets a chase row
 * (audited, so it shows in its timeline); each unit gets one email for the batch, sent by the
 * worker through the delivery table.
 */
@Injectable()
export class ChasesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: EventMail,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async list(actor: Actor, q: ChaseListQuery): Promise<Page<ChaseView>> {
    const qb = this.db
      .getRepository(Chase)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.unit', 'unit')
      .innerJoinAndSelect('c.assignment', 'a')
      .innerJoinAndSelect('a.item', 'item')
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('unit.name', 'ASC')
      .skip(q.offset)
      .take(q.pageSize);
    const scope = scopeOf(actor);
    withinScope(qb, scope, 'c.unitId');
    if (q.unitId) qb.andWhere('c.unitId = :unitId', { unitId: q.unitId });
    if (q.assignmentId) qb.andWhere('c.assignmentId = :aid', { aid: q.assignmentId });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(ChaseView.from), total, q);
  }

  async chase(actor: Actor, dto: CreateChaseDto): Promise<ChaseBatchView> {
    const wanted = [...new Set(dto.assignmentIds)];
    const message = dto.message.trim();
    if (!message) throw new BadRequestException('message：请填写催办内容');
    const batchId = randomUUID();
    return this.uow.run(actor, async (tx) => {
      const assignments = await tx.read.find(Assignment, { where: { id: In(wanted) } });
      if (assignments.length !== wanted.length) {
        throw new NotFoundException('assignmentIds：所列责任分工有的不存在');
      }
      const done = assignments.filter((a) => a.status === AssignmentStatus.Completed);
      if (done.length) {
        throw new BadRequestException(`assignmentIds：${done.length} 项任务已办结，无需催办`);
      }
      for (const a of assignments) {
        await tx.create(Chase, {
          batchId,
          assignmentId: a.id,
          unitId: a.unitId,
          message,
          sentByUserId: actor.userId,
        });
      }
      const items = new Map(
        (
          await tx.read.find(Item, {
            where: { id: In([...new Set(assignments.map((a) => a.itemId))]) },
          })
        ).map((i) => [i.id, i]),
      );
      const plans = new Map(
        (
          await tx.read.find(Plan, {
            where: { id: In([...new Set(assignments.map((a) => a.planId))]) },
          })
        ).map((p) => [p.id, p]),
      );
      const byUnit = new Map<string, Assignment[]>();
      for (const a of assignments) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
      const units = new Map(
        (await tx.read.find(Unit, { where: { id: In([...byUnit.keys()]) } })).map((u) => [u.id, u]),
      );
      await this.mail.record(
        tx,
        [...byUnit].map(([unitId, own]) => {
          const name = units.get(unitId)?.name ?? '';
          return {
            unitId,
            kind: DeliveryKind.Chase,
            key: batchId,
            itemCount: own.length,
            email: composeEvent(
              `${name}：催办 ${own.length} 项任务`,
              `${name}：以下任务请抓紧办理，并及时报送进展。`,
              '催办的任务',
              own.map((a) => {
                const item = items.get(a.itemId)!;
                return {
                  text: `《${plans.get(a.planId)?.title ?? ''}》(${item.numberText})${item.title}，完成时限 ${a.dueOn}`,
                  link: this.mail.link(`/assignments/${a.id}`),
                };
              }),
              [`催办意见：${message}`],
            ),
          };
        }),
      );
      return { batchId, assignments: assignments.length, unitIds: [...byUnit.keys()] };
    });
  }
}
