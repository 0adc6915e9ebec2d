import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Tx, Unit, UnitGroup, UnitOfWork } from '@app/database';
import { Actor } from '../auth/actor';
import { CreateGroupDto, GroupView, UpdateGroupDto } from './group.dto';

const auditView = (group: UnitGroup) => ({
  id: group.id,
  name: group.name,
  aliases: group.aliases,
  memberIds: (group.members ?? []).map((unit) => unit.id).sort(),
});

@Injectable()
export class GroupsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectRepository(UnitGroup) private readonly groups: Repository<UnitGroup>,
  ) {}

  async list(): Promise<GroupView[]> {
    const groups = await this.groups.find({ relations: { members: true }, order: { name: 'ASC' } });
    return groups.map(GroupView.from);
  }

  async get(id: string): Promise<GroupView> {
    const group = await this.groups.findOne({ where: { id }, relations: { members: true } });
    if (!group) throw new NotFoundException('未找到该单位组');
    return GroupView.from(group);
  }

  async create(actor: Actor, dto: CreateGroupDto): Promise<GroupView> {
    const id = await this.uow.run(actor, async (tx) => {
      const group = tx.manager.create(UnitGroup, {
        name: dto.name.trim(),
        aliases: dto.aliases ?? [],
        members: await this.members(tx.manager, dto.memberIds),
      });
      await tx.manager.save(group);
      await tx.audit('create', 'UnitGroup', group.id, null, auditView(group));
      return group.id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: UpdateGroupDto): Promise<GroupView> {
    await this.uow.run(actor, async (tx) => {
      const group = await this.lock(tx, id);
      const before = auditView(group);
      if (dto.name !== undefined) group.name = dto.name.trim();
      if (dto.aliases !== undefined) group.aliases = dto.aliases;
      if (dto.memberIds !== undefined)
        group.members = await this.members(tx.manager, dto.memberIds);
      await tx.manager.save(group);
      await tx.audit('update', 'UnitGroup', id, before, auditView(group));
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const group = await this.lock(tx, id);
      await tx.manager.remove(group);
      await tx.audit('delete', 'UnitGroup', id, auditView({ ...group, id } as UnitGroup), null);
    });
  }

  // Two reads: PostgreSQL refuses FOR UPDATE on the outer join that loading members needs.
  private async lock(tx: Tx, id: string): Promise<UnitGroup> {
    const exists = await tx.manager.findOne(UnitGroup, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!exists) throw new NotFoundException('未找到该单位组');
    return (await tx.manager.findOne(UnitGroup, { where: { id }, relations: { members: true } }))!;
  }

  private async members(manager: EntityManager, ids: string[]): Promise<Unit[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const units = await manager.find(Unit, { where: { id: In(unique) } });
    if (units.length !== unique.length) {
      const found = new Set(units.map((unit) => unit.id));
      throw new NotFoundException(
        `以下成员单位不存在：${unique.filter((id) => !found.has(id)).join(', ')}`,
      );
    }
    return units;
  }
}
