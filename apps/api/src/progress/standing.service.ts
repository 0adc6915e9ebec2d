import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, Clock, PERIODS_PER_YEAR, PeriodKind, todayIn } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Assignment, AssignmentRole, AssignmentStatus, RecurringTarget } from '@app/database';
import { Actor, scopeOf } from '../auth/actor';
import { PlanQueries } from '../plans/plan.queries';
import { ReportsService } from './reports.service';

export class ShareProgress {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: AssignmentRole, enumName: 'AssignmentRole' }) role!: AssignmentRole;
  @ApiProperty({ enum: AssignmentStatus, enumName: 'AssignmentStatus' }) status!: AssignmentStatus;
  @ApiProperty() progressPercent!: number;
  @ApiProperty() dueOn!: string;
  @ApiPropertyOptional({ nullable: true }) completedOn!: string | null;
  @ApiProperty({ description: '办结晚于完成时限' }) completedLate!: boolean;
}

export class ItemProgress {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() numberText!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    enum: ['not_started', 'in_progress', 'completed', 'unassigned'],
    description: '由牵头单位的状态决定：全部牵头分工办结即办结',
  })
  status!: 'not_started' | 'in_progress' | 'completed' | 'unassigned';
  @ApiProperty({ description: '牵头单位进度的平均值' }) percent!: number;
  @ApiPropertyOptional({ nullable: true, description: '最后一个牵头分工的办结日期' }) completedOn!:
    string | null;
  @ApiProperty({ type: [ShareProgress] }) lead!: ShareProgress[];
  @ApiProperty({ type: [ShareProgress], description: '配合单位，列在旁边，不决定条目是否办结' })
  co!: ShareProgress[];
}

export class PlanProgress {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty() items!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() notStarted!: number;
  @ApiProperty({ description: '各条目进度的平均值' }) percent!: number;
  @ApiProperty({ type: [ItemProgress] }) itemProgress!: ItemProgress[];
}

export class TargetStanding {
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty({ example: '每年至少开展1次综合应急演练' }) text!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: '该年应达到的数量（任期内目标为整个实施期）' }) required!: number;
  @ApiProperty({ description: '审核通过的报送中计入该目标的数量' }) achieved!: number;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: ['met', 'behind', 'not_started'] }) standing!:
    'met' | 'behind' | 'not_started';
}

type ShareRow = ShareProgress & { itemId: string };

/** Roll-ups (item from its assignments, plan from its items) and recurring targets' standing. */
@Injectable()
export class StandingService {
  constructor(
    private readonly reports: ReportsService,
    private readonly plans: PlanQueries,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async item(actor: Actor, itemId: string): Promise<ItemProgress> {
    const item = await this.plans.findItem(scopeOf(actor), itemId);
    if (!item) throw new NotFoundException('未找到该条目');
    return this.rollUp(item, await this.shares('a.item_id = $1', itemId));
  }

  async plan(actor: Actor, planId: string): Promise<PlanProgress> {
    const scope = scopeOf(actor);
    if (!(await this.plans.findPlan(scope, planId))) throw new NotFoundException('未找到该方案');
    const items = (await this.plans.listItems(scope, planId)).filter((i) => !i.preamble);
    const shares = await this.shares('a.plan_id = $1', planId);
    const progress = items.map((item) =>
      this.rollUp(
        item,
        shares.filter((s) => s.itemId === item.id),
      ),
    );
    const count = (status: ItemProgress['status']) =>
      progress.filter((p) => p.status === status).length;
    return {
      planId,
      items: progress.length,
      completed: count('completed'),
      inProgress: count('in_progress'),
      notStarted: count('not_started') + count('unassigned'),
      percent: progress.length
        ? Math.round(progress.reduce((n, p) => n + p.percent, 0) / progress.length)
        : 0,
      itemProgress: progress,
    };
  }

  async targets(actor: Actor, assignmentId: string, year?: number): Promise<TargetStanding[]> {
    const assignment: Assignment = await this.reports.visibleAssignment(actor, assignmentId);
    const targets = await this.db.manager.find(RecurringTarget, {
      where: { itemId: assignment.itemId },
      order: { text: 'ASC' },
    });
    if (!targets.length) return [];
    const forYear = year ?? Number(todayIn(this.clock, this.config.timeZone).slice(0, 4));
    // Figures tagged with a target in accepted reports; a term target counts over the whole plan.
    const sums: Array<{ targetId: string; term: boolean; total: number }> = await this.db.query(
      `SELECT f->>'targetId' AS "targetId", t.per = 'term' AS term,
              sum((f->>'value')::numeric) FILTER (WHERE t.per = 'term'
                OR extract(year FROM r.period_start) = $2)::float8 AS total
       FROM progress_reports r
       CROSS JOIN LATERAL jsonb_array_elements(r.figures) f
       JOIN recurring_targets t ON t.id = (f->>'targetId')::uuid
       WHERE r.assignment_id = $1 AND r.status = 'accepted' AND f ? 'targetId'
       GROUP BY 1, 2`,
      [assignmentId, forYear],
    );
    return targets.map((t) => {
      const required = t.per === 'term' ? t.count : t.count * PERIODS_PER_YEAR[t.per as PeriodKind];
      const achieved = sums.find((s) => s.targetId === t.id)?.total ?? 0;
      return Object.assign(new TargetStanding(), {
        targetId: t.id,
        text: t.text,
        year: forYear,
        required,
        achieved,
        unit: t.unit,
        standing: achieved >= required ? 'met' : achieved > 0 ? 'behind' : 'not_started',
      });
    });
  }

  private shares(where: string, id: string): Promise<ShareRow[]> {
    return this.db.query(
      `SELECT a.id AS "assignmentId", a.item_id AS "itemId", u.name AS "unitName", a.role, a.status,
              a.progress_percent AS "progressPercent", a.due_on AS "dueOn", a.completed_on AS "completedOn",
              COALESCE(a.completed_on > a.due_on, false) AS "completedLate"
       FROM assignments a JOIN units u ON u.id = a.unit_id WHERE ${where}
       ORDER BY a.role, u.name`,
      [id],
    );
  }

  private rollUp(
    item: { id: string; number: number; numberText: string; title: string },
    shares: ShareRow[],
  ): ItemProgress {
    const strip = ({ itemId: _i, ...share }: ShareRow): ShareProgress => share;
    const lead = shares.filter((s) => s.role === AssignmentRole.Lead);
    const deciding = lead.length ? lead : shares;
    const done =
      deciding.length > 0 && deciding.every((s) => s.status === AssignmentStatus.Completed);
    const started = deciding.some(
      (s) => s.status !== AssignmentStatus.NotStarted || s.progressPercent > 0,
    );
    return {
      itemId: item.id,
      number: item.number,
      numberText: item.numberText,
      title: item.title,
      status: !deciding.length
        ? 'unassigned'
        : done
          ? 'completed'
          : started
            ? 'in_progress'
            : 'not_started',
      percent: deciding.length
        ? Math.round(deciding.reduce((n, s) => n + s.progressPercent, 0) / deciding.length)
        : 0,
      completedOn: done
        ? deciding
            .map((s) => s.completedOn!)
            .sort()
            .at(-1)!
        : null,
      lead: lead.map(strip),
      co: shares.filter((s) => s.role === AssignmentRole.Co).map(strip),
    };
  }
}
