import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CLOCK, Clock, todayIn } from '@app/calendar';
import {
  Assignment,
  AssignmentRole,
  itemStanding,
  isTermTarget,
  Plan,
  planTerm,
  RecurringTarget,
  requiredCount,
  targetStanding,
} from '@app/database';
import { AccessScope, Actor, scopeOf } from '../../auth/actor';
import { page, Page } from '../../common/pagination';
import { PlanQueries } from '../../plans/plan.queries';
import { ReportsService } from '../reports/reports.service';
import {
  ItemProgress,
  PlanProgress,
  ShareProgress,
  TargetQuery,
  TargetStanding,
  YearStanding,
} from './standing.dto';
import { ShareRow, StandingQueries } from './standing.queries';

/** The calendar years a plan runs: its period, else its dates, else the given year alone. */
export function planYears(
  plan: Pick<Plan, 'periodStart' | 'periodEnd' | 'issuedOn' | 'defaultDueOn'>,
  fallback: number,
): number[] {
  const year = (date: string | null) => (date ? Number(date.slice(0, 4)) : undefined);
  const first = year(plan.periodStart) ?? year(plan.issuedOn) ?? fallback;
  const last = Math.max(first, year(plan.periodEnd) ?? year(plan.defaultDueOn) ?? first);
  return Array.from({ length: Math.min(last - first + 1, 50) }, (_, i) => first + i);
}

/** Roll-ups (item from its assignments, plan from its items) and recurring targets' standing. */
@Injectable()
export class StandingService {
  constructor(
    private readonly reports: ReportsService,
    private readonly plans: PlanQueries,
    private readonly queries: StandingQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The item's standing from all its shares; a unit is shown its own share(s) only. */
  async item(actor: Actor, itemId: string): Promise<ItemProgress> {
    const scope = scopeOf(actor);
    const item = await this.plans.findItem(scope, itemId);
    if (!item) throw new NotFoundException('未找到该条目');
    return rollUp(item, await this.queries.shares(scope, { itemId }));
  }

  /** The plan's standing over the items the caller may see (a unit: the items it holds). */
  async plan(actor: Actor, planId: string): Promise<PlanProgress> {
    const scope = scopeOf(actor);
    if (!(await this.plans.findPlan(scope, planId))) throw new NotFoundException('未找到该方案');
    const items = (await this.plans.allItems(scope, planId)).filter((i) => !i.preamble);
    const byItem = new Map<string, ShareRow[]>();
    for (const share of await this.queries.shares(scope, { planId })) {
      byItem.set(share.itemId, [...(byItem.get(share.itemId) ?? []), share]);
    }
    const progress = items.map((item) => rollUp(item, byItem.get(item.id) ?? []));
    const count = (status: ItemProgress['status']) =>
      progress.filter((p) => p.status === status).length;
    return Object.assign(new PlanProgress(), {
      planId,
      items: progress.length,
      completed: count('completed'),
      inProgress: count('in_progress'),
      notStarted: count('not_started') + count('unassigned'),
      percent: progress.length
        ? Math.round(progress.reduce((n, p) => n + p.percent, 0) / progress.length)
        : 0,
      itemProgress: progress,
    });
  }

  /**
   * Each recurring target of the assignment's item, year by year over the plan's period: what
   * is required, what accepted reports' tagged figures achieved, and the standing.
   */
  async targets(
    actor: Actor,
    assignmentId: string,
    query: TargetQuery,
  ): Promise<Page<TargetStanding>> {
    const scope = scopeOf(actor);
    const assignment: Assignment = await this.reports.visibleAssignment(actor, assignmentId);
    const [targets, total] = await this.queries.targetsOf(assignment.itemId, query);
    return page(await this.standings(scope, assignment, targets, query.year), total, query);
  }

  private async standings(
    scope: AccessScope,
    assignment: Assignment,
    targets: RecurringTarget[],
    year?: number,
  ): Promise<TargetStanding[]> {
    if (!targets.length) return [];
    const thisYear = Number(todayIn(this.clock).slice(0, 4));
    const plan = await this.plans.findPlan(scope, assignment.planId);
    if (!plan) throw new NotFoundException('未找到该责任分工');
    const years = planYears(plan, thisYear);
    const sums = await this.queries.acceptedTargetSums(scope, assignment.id);

    const today = todayIn(this.clock);
    const term = planTerm(plan, today);
    const yearOf = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });
    return targets.map((t) => {
      const isTerm = isTermTarget(t.per);
      const required = requiredCount(t.count, t.per);
      const standingIn = (period: { start: string; end: string }): YearStanding => {
        const from = Number(period.start.slice(0, 4));
        const to = Number(period.end.slice(0, 4));
        const achieved = sums
          .filter((s) => s.targetId === t.id && s.year >= from && s.year <= to)
          .reduce((n, s) => n + s.total, 0);
        return Object.assign(new YearStanding(), {
          year: to,
          required,
          achieved,
          standing: targetStanding(required, achieved, period, today),
        });
      };
      const asked = isTerm ? term : yearOf(year ?? thisYear);
      const periods = isTerm ? [term] : years.map(yearOf);
      return Object.assign(new TargetStanding(), {
        targetId: t.id,
        text: t.text,
        count: t.count,
        per: t.per,
        unit: t.unit,
        term: isTerm,
        periodStart: asked.start,
        periodEnd: asked.end,
        ...standingIn(asked),
        years: periods.map(standingIn),
      });
    });
  }
}

/** An item's standing by the one rule (@app/database itemStanding); co-units listed beside. */
function rollUp(
  item: { id: string; number: number; numberText: string; title: string },
  shares: ShareRow[],
): ItemProgress {
  const show = ({ itemId: _i, visible: _v, ...share }: ShareRow): ShareProgress =>
    Object.assign(new ShareProgress(), share);
  const { status, percent, completedOn, completedLate } = itemStanding(shares);
  return Object.assign(new ItemProgress(), {
    itemId: item.id,
    number: item.number,
    numberText: item.numberText,
    title: item.title,
    status,
    percent,
    completedOn,
    completedLate,
    lead: shares.filter((s) => s.role === AssignmentRole.Lead && s.visible).map(show),
    co: shares.filter((s) => s.role === AssignmentRole.Co && s.visible).map(show),
  });
}
