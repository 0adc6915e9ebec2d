import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Tx, Unit, UnitGroup, UnitOfWork } from '@app/database';
import { Actor } from '../auth/actor';
import { page, Page, PageQuery } from '../common/pagination';
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

  async list(query: PageQuery): Promise<Page<GroupView>> {
    const [groups, total] = await this.groups.findAndCount({
      relations: { members: true },
      order: { name: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return page(groups.map(GroupView.from), total, query);
  }

  async get(id: string): Promise<GroupView> {
    const group = await this.groups.findOne({ where: { id }, relations: { members: true } });
    if (!group) throw new NotFoundException('未找到该单位组');
    return GroupView.from(group);
  }

  async create(actor: Actor, dto: CreateGroupDto): Promise<GroupView> {
    const id = await this.uow.run(actor, async (tx) => {
      const group = await tx.create(
        UnitGroup,
        {
          name: dto.name.trim(),
          aliases: dto.aliases ?? [],
          members: await this.members(tx, dto.memberIds),
        },
        auditView,
      );
      return group.id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: UpdateGroupDto): Promise<GroupView> {
    await this.uow.run(actor, async (tx) => {
      const group = await this.lock(tx, id);
      const before = auditView(group);
      const changes: Partial<UnitGroup> = {};
      if (dto.name !== undefined) changes.name = dto.name.trim();
      if (dto.aliases !== undefined) changes.aliases = dto.aliases;
      let members = group.members;
      if (dto.memberIds !== undefined) {
        members = await this.members(tx, dto.memberIds);
        const ids = members.map((unit) => unit.id);
        await tx.relate(UnitGroup, id, 'members', before.memberIds, ids);
      }
      // One audit row for the group and its members together.
      const saved = await tx.update(UnitGroup, group, changes, { audit: false });
      await tx.audit('update', 'UnitGroup', id, before, auditView({ ...saved, members }));
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const group = await this.lock(tx, id);
      await tx.remove(UnitGroup, group, auditView);
    });
  }

  // Two reads: PostgreSQL refuses FOR UPDATE on the outer join that loading members needs.
  private async lock(tx: Tx, id: string): Promise<UnitGroup> {
    await tx.lock(UnitGroup, id, { missing: '未找到该单位组' });
    return (await tx.read.findOne(UnitGroup, { where: { id }, relations: { members: true } }))!;
  }

  private async members(tx: Tx, ids: string[]): Promise<Unit[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const units = await tx.read.find(Unit, { where: { id: In(unique) } });
    if (units.length !== unique.length) {
      const found = new Set(units.map((unit) => unit.id));
      throw new NotFoundException(
        `以下成员单位不存在：${unique.filter((id) => !found.has(id)).join(', ')}`,
      );
    }
    return units;
  }
}
