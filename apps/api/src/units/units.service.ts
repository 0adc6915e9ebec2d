import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { In } from 'typeorm';
import { Tx, Unit, UnitGroup, UnitOfWork } from '@app/database';
import { Actor } from '../auth/actor';
import { page, Page } from '../common/pagination';
import { CreateUnitDto, UnitListQuery, UnitView, UpdateUnitDto } from './unit.dto';
import { UnitQueries } from './unit.queries';

@Injectable()
export class UnitsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: UnitQueries,
  ) {}

  async list(query: UnitListQuery): Promise<Page<UnitView>> {
    const [units, total] = await this.queries.list(query);
    return page(units.map(UnitView.from), total, query);
  }

  async get(id: string): Promise<UnitView> {
    const unit = await this.queries.findById(id);
    if (!unit) throw new NotFoundException('未找到该单位');
    return UnitView.from(unit);
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitView> {
    const unit = await this.uow.run(actor, async (tx) => {
      if (dto.parentId) await this.requireParent(tx, dto.parentId);
      return tx.create(Unit, { ...dto, name: dto.name.trim() });
    });
    return UnitView.from(unit);
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    const unit = await this.uow.run(actor, async (tx) => {
      const current = await tx.lock(Unit, id, { missing: '未找到该单位' });
      if (dto.parentId) {
        if (dto.parentId === id) throw new BadRequestException('parentId：单位不能是自己的上级');
        await this.requireParent(tx, dto.parentId);
      }
      return tx.update(Unit, current, dto);
    });
    return UnitView.from(unit);
  }

  /**
   * Only a unit nothing has happened to may be deleted: one that holds assignments, user
   * accounts, supervision notices or reminder deliveries keeps its history and is deactivated
   * instead (409). Memberships of groups and child units' parent link go with an audit row each.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const unit = await tx.lock(Unit, id, { missing: '未找到该单位' });
      await this.refuseIfUsed(tx, id);
      await this.auditLinks(tx, id);
      await tx.remove(Unit, unit);
    });
  }

  private async refuseIfUsed(tx: Tx, id: string): Promise<void> {
    const [used]: Array<Record<string, number>> = await tx.read.query(
      `SELECT (SELECT count(*) FROM assignments WHERE unit_id = $1)::int AS "责任分工",
              (SELECT count(*) FROM users WHERE unit_id = $1)::int AS "用户账号",
              (SELECT count(*) FROM supervision_notices WHERE unit_id = $1 OR office_unit_id = $1)::int AS "督办单",
              (SELECT count(*) FROM reminder_deliveries WHERE unit_id = $1)::int AS "催办记录"`,
      [id],
    );
    const held = Object.entries(used).filter(([, count]) => count > 0);
    if (held.length) {
      const list = held.map(([what, count]) => `${what} ${count} 条`).join('、');
      throw new ConflictException(
        `该单位已有${list}，不能删除；不再使用时请停用（将 active 改为 false），其历史会保留`,
      );
    }
  }

  private async auditLinks(tx: Tx, id: string): Promise<void> {
    const memberOf: Array<{ group_id: string }> = await tx.read.query(
      'SELECT group_id FROM unit_group_members WHERE unit_id = $1',
      [id],
    );
    const groups = memberOf.length
      ? await tx.read.find(UnitGroup, {
          where: { id: In(memberOf.map((g) => g.group_id)) },
          relations: { members: true },
          order: { name: 'ASC' },
        })
      : [];
    for (const group of groups) {
      const memberIds = group.members.map((m) => m.id).sort();
      await tx.audit(
        'update',
        'UnitGroup',
        group.id,
        { id: group.id, name: group.name, memberIds },
        { id: group.id, name: group.name, memberIds: memberIds.filter((m) => m !== id) },
      );
    }
    for (const child of await tx.read.find(Unit, {
      where: { parentId: id },
      order: { name: 'ASC' },
    })) {
      await tx.update(Unit, child, { parentId: null });
    }
  }

  private async requireParent(tx: Tx, parentId: string): Promise<void> {
    if (!(await tx.read.exists(Unit, { where: { id: parentId } }))) {
      throw new NotFoundException('上级单位不存在');
    }
  }
}
