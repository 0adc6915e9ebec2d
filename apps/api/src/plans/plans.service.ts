import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Item, itemStanding, Plan, Section, Tx, UnitOfWork } from '@app/database';
import { Actor, scopeOf } from '../auth/actor';
import { page, Page, PageQuery } from '../common/pagination';
import { auditRemovalOf } from '../common/removal';
import {
  CreateItemDto,
  CreatePlanDto,
  CreateSectionDto,
  ItemDetailView,
  ItemView,
  PlanListQuery,
  PlanView,
  SectionView,
  UpdateItemDto,
  UpdatePlanDto,
  UpdateSectionDto,
} from './plan.dto';
import { PlanQueries } from './plan.queries';

function checkPeriod(plan: Partial<Plan>): void {
  if (plan.periodStart && plan.periodEnd && plan.periodStart > plan.periodEnd) {
    throw new BadRequestException('periodEnd：实施期结束日期不能早于开始日期');
  }
}

@Injectable()
export class PlansService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: PlanQueries,
  ) {}

  async list(actor: Actor, query: PlanListQuery): Promise<Page<PlanView>> {
    const [plans, total] = await this.queries.listPlans(scopeOf(actor), query);
    return page(plans.map(PlanView.from), total, query);
  }

  async get(actor: Actor, id: string): Promise<PlanView> {
    const plan = await this.queries.findPlan(scopeOf(actor), id);
    if (!plan) throw new NotFoundException('未找到该方案');
    return PlanView.from(plan);
  }

  async create(actor: Actor, dto: CreatePlanDto): Promise<PlanView> {
    checkPeriod(dto);
    return PlanView.from(await this.uow.run(actor, (tx) => tx.create(Plan, dto)));
  }

  async update(actor: Actor, id: string, dto: UpdatePlanDto): Promise<PlanView> {
    const plan = await this.uow.run(actor, async (tx) => {
      const current = await this.lock(tx, Plan, id, '未找到该方案');
      checkPeriod({ ...current, ...dto });
      return tx.update(Plan, current, dto);
    });
    return PlanView.from(plan);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const plan = await this.lock(tx, Plan, id, '未找到该方案');
      await auditRemovalOf(tx, { kind: 'plan', id });
      await tx.remove(Plan, plan);
    });
  }

  async sections(actor: Actor, planId: string, query: PageQuery): Promise<Page<SectionView>> {
    await this.get(actor, planId);
    const [sections, total] = await this.queries.listSections(planId, query);
    return page(sections.map(SectionView.from), total, query);
  }

  async createSection(actor: Actor, planId: string, dto: CreateSectionDto): Promise<SectionView> {
    const section = await this.uow.run(actor, async (tx) => {
      await this.lock(tx, Plan, planId, '未找到该方案');
      return tx.create(Section, { ...dto, planId });
    });
    return SectionView.from(section);
  }

  async updateSection(actor: Actor, id: string, dto: UpdateSectionDto): Promise<SectionView> {
    const section = await this.uow.run(actor, async (tx) =>
      tx.update(Section, await this.lock(tx, Section, id, '未找到该章'), dto),
    );
    return SectionView.from(section);
  }

  async removeSection(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const section = await this.lock(tx, Section, id, '未找到该章');
      await auditRemovalOf(tx, { kind: 'section', id });
      await tx.remove(Section, section);
    });
  }

  async items(actor: Actor, planId: string, query: PageQuery): Promise<Page<ItemView>> {
    await this.get(actor, planId);
    const [items, total] = await this.queries.listItems(scopeOf(actor), planId, query);
    return page(items.map(ItemView.from), total, query);
  }

  async item(actor: Actor, id: string): Promise<ItemDetailView> {
    const scope = scopeOf(actor);
    const item = await this.queries.findItem(scope, id);
    if (!item) throw new NotFoundException('未找到该条目');
    const { shares, tasks, targets } = await this.queries.itemParts(scope, id);
    const { status, percent } = itemStanding(shares);
    return Object.assign(new ItemDetailView(), ItemView.from(item), {
      status,
      percent,
      units: shares
        .filter((s) => s.visible)
        .map(({ visible: _v, completedOn: _c, ...unit }) => unit),
      tasks: tasks.map(({ id: taskId, number, title, dueOn }) => ({
        id: taskId,
        number,
        title,
        dueOn,
      })),
      targets: targets.map(({ id: targetId, text, count, per, unit }) => ({
        id: targetId,
        text,
        count,
        per,
        unit,
      })),
    });
  }

  async createItem(actor: Actor, planId: string, dto: CreateItemDto): Promise<ItemView> {
    const item = await this.uow.run(actor, async (tx) => {
      await this.lock(tx, Plan, planId, '未找到该方案');
      await this.requireSectionOf(tx, planId, dto.sectionId);
      return tx.create(Item, { ...dto, planId });
    });
    return ItemView.from(item);
  }

  async updateItem(actor: Actor, id: string, dto: UpdateItemDto): Promise<ItemView> {
    const item = await this.uow.run(actor, async (tx) => {
      const current = await this.lock(tx, Item, id, '未找到该条目');
      if (dto.sectionId) await this.requireSectionOf(tx, current.planId, dto.sectionId);
      return tx.update(Item, current, dto);
    });
    return ItemView.from(item);
  }

  async removeItem(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const item = await this.lock(tx, Item, id, '未找到该条目');
      await auditRemovalOf(tx, { kind: 'item', id });
      await tx.remove(Item, item);
    });
  }

  private async requireSectionOf(tx: Tx, planId: string, sectionId: string): Promise<void> {
    if (!(await tx.read.exists(Section, { where: { id: sectionId, planId } }))) {
      throw new BadRequestException('sectionId：该章不属于此方案');
    }
  }

  private async lock<E extends Plan | Section | Item>(
    tx: Tx,
    target: new () => E,
    id: string,
    missing: string,
  ): Promise<E> {
    return tx.lock<E>(target, id, { missing });
  }
}
