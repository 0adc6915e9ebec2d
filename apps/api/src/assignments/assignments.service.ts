import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { In } from 'typeorm';
import { CLOCK, Clock, todayIn } from '@app/calendar';
import {
  Assignment,
  AssignmentStatus,
  Item,
  Plan,
  Role,
  STALE_VERSION_MESSAGE,
  Tx,
  Unit,
  UnitGroup,
  UnitOfWork,
} from '@app/database';
import { Actor, scopeOf } from '../auth/actor';
import { AcknowledgeDeadline } from '../chain/acknowledgement';
import { page, Page } from '../common/pagination';
import { auditRemovalOf } from '../common/removal';
import {
  AssignmentListQuery,
  AssignmentView,
  CreateAssignmentDto,
  CreatedAssignments,
  UpdateAssignmentDto,
} from './assignment.dto';
import { AssignmentQueries, WRITTEN_NAMES } from './assignment.queries';
import { allowedTransitions, STATUS_LABEL, statusesMovingTo } from './assignment-status';
import { scopeWhere } from '../auth/scope-sql';

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: AssignmentQueries,
    private readonly acknowledgeDeadline: AcknowledgeDeadline,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: AssignmentListQuery): Promise<Page<AssignmentView>> {
    const today = todayIn(this.clock);
    const [rows, total] = await this.queries.list(scopeOf(actor), query, today);
    return page(
      rows.map((a) => AssignmentView.from(a, today)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<AssignmentView> {
    const assignment = await this.queries.findOne(scopeOf(actor), id);
    // Out of scope reads exactly like missing: a unit must not learn that another's work exists.
    if (!assignment) throw new NotFoundException('未找到该责任分工');
    return this.view(actor, assignment);
  }

  /** One assignment as its reader sees it, with the moves open to them. */
  private view(actor: Actor, assignment: Assignment): AssignmentView {
    // The console offers only these moves; the same rule refuses the others on PATCH.
    return Object.assign(AssignmentView.from(assignment, todayIn(this.clock)), {
      allowedStatuses: allowedTransitions(assignment.status, actor.role),
    });
  }

  async create(actor: Actor, dto: CreateAssignmentDto): Promise<CreatedAssignments> {
    if (!dto.unitId === !dto.groupId) {
      throw new BadRequestException('unitId / groupId：请指定一个单位或一个单位组（二选一）');
    }
    const acknowledgeBy = await this.acknowledgeDeadline.forToday();
    const result = await this.uow.run(actor, async (tx) => {
      const item = await tx.read.findOne(Item, { where: { id: dto.itemId } });
      if (!item) throw new NotFoundException('未找到该条目');
      if (item.preamble) throw new BadRequestException('itemId：总体要求类条目不分配责任单位');
      const plan = await tx.read.findOneOrFail(Plan, { where: { id: item.planId } });
      const dueOn = dto.dueOn ?? item.dueOn ?? plan.defaultDueOn;
      if (!dueOn) {
        throw new BadRequestException('dueOn：条目和方案都没有完成时限，请填写 dueOn');
      }
      const unitIds = await this.targetUnits(tx, dto);
      const existing = await tx.read.find(Assignment, {
        where: { itemId: item.id, unitId: In(unitIds) },
        select: { unitId: true },
      });
      const taken = new Set(existing.map((a) => a.unitId));
      if (dto.unitId && taken.has(dto.unitId)) {
        throw new ConflictException('该单位已承担此条目，请直接修改已有分工');
      }
      const created: string[] = [];
      for (const unitId of unitIds.filter((id) => !taken.has(id))) {
        const assignment = await tx.create(Assignment, {
          planId: item.planId,
          itemId: item.id,
          unitId,
          role: dto.role,
          dueOn,
          acknowledgeBy,
        });
        created.push(assignment.id);
      }
      return { created, skippedUnitIds: [...taken] };
    });
    const created = await this.queries.findMany(scopeOf(actor), result.created);
    const today = todayIn(this.clock);
    return {
      created: created.map((a) => AssignmentView.from(a, today)),
      skippedUnitIds: result.skippedUnitIds,
    };
  }

  async update(actor: Actor, id: string, dto: UpdateAssignmentDto): Promise<AssignmentView> {
    const leadership = actor.role === Role.Leadership;
    if (!leadership && (dto.dueOn !== undefined || dto.role !== undefined)) {
      throw new ForbiddenException('只有领导小组办公室可以修改完成时限和牵头/配合角色');
    }
    if (dto.reason !== undefined && dto.status !== AssignmentStatus.Returned) {
      throw new BadRequestException('reason：只在退回（status 为 returned）时填写原因');
    }
    const scope = scopeOf(actor);
    const write = (at: { id: string; version: number }, changes: Partial<Assignment>, where = {}) =>
      this.uow.updateAtVersion(actor, Assignment, at, changes, {
        where: { ...scopeWhere(scope), ...where },
        also: WRITTEN_NAMES,
      });
    // Most PATCHes are one statement: the row is written if it is in the caller's scope, at the
    // caller's version, and in a status the caller may move it from (a change that depends on
    // no more than that). The rest, and every refusal, go through the row as read.
    const direct = this.directChange(actor, dto);
    if (direct) {
      const row = await write({ id, version: dto.version }, direct.changes, direct.where);
      if (row) return this.view(actor, this.queries.entity(row));
    }
    // The rules below judge the row as read, and the write lands only on that version of it:
    // a write in between (another request at the caller's version) is found by reading again.
    for (let attempt = 1; ; attempt++) {
      const current = await this.queries.findOne(scope, id);
      if (!current) throw new NotFoundException('未找到该责任分工');
      if (current.version !== dto.version) {
        throw new ConflictException(
          `该责任分工已被他人修改（当前版本 ${current.version}，您提交的版本 ${dto.version}），请刷新后重试`,
        );
      }
      const changes = this.changesFor(actor, current, dto);
      if (!Object.keys(changes).length) return this.view(actor, current);
      const row = await write(current, changes);
      if (row) return this.view(actor, this.queries.entity(row));
      // The second read finds the newer version; a row deleted in between reads as missing.
      if (attempt === 2) throw new ConflictException(STALE_VERSION_MESSAGE);
    }
  }

  /**
   * A PATCH whose changes do not depend on the row: no status, or a move to a status from one
   * of those the caller may move it from (then `where` names them). Undefined when the row must
   * be read first: nothing to write, or a return (退回) without its reason.
   */
  private directChange(
    actor: Actor,
    dto: UpdateAssignmentDto,
  ):
    | { changes: Partial<Assignment>; where: Partial<Record<'status', AssignmentStatus[]>> }
    | undefined {
    if (dto.status === undefined) {
      const changes = this.fieldChanges(dto, {});
      return Object.keys(changes).length ? { changes, where: {} } : undefined;
    }
    const from = statusesMovingTo(dto.status, actor.role);
    if (!from.length || (dto.status === AssignmentStatus.Returned && !dto.reason?.trim())) {
      return undefined;
    }
    return {
      changes: this.fieldChanges(dto, this.statusChanges(dto.status, dto)),
      where: { status: from },
    };
  }

  /** What a PATCH changes on the row as it stands, or why it may not. */
  private changesFor(
    actor: Actor,
    current: Assignment,
    dto: UpdateAssignmentDto,
  ): Partial<Assignment> {
    let changes: Partial<Assignment> = {};
    if (dto.status !== undefined && dto.status !== current.status) {
      const allowed = allowedTransitions(current.status, actor.role);
      if (!allowed.includes(dto.status)) {
        throw new ConflictException(
          `不能从“${STATUS_LABEL[current.status]}”改为“${STATUS_LABEL[dto.status]}”；` +
            (allowed.length
              ? `可改为：${allowed.map((s) => `${STATUS_LABEL[s]}（${s}）`).join('、')}`
              : '当前状态下您不能修改状态'),
        );
      }
      if (dto.status === AssignmentStatus.Returned && !dto.reason?.trim()) {
        throw new BadRequestException('reason：退回时请写明原因');
      }
      changes = this.statusChanges(dto.status, dto);
    }
    return this.fieldChanges(dto, changes);
  }

  /** A move to `status`: the status and what goes with it (completion date, return reason). */
  private statusChanges(status: AssignmentStatus, dto: UpdateAssignmentDto): Partial<Assignment> {
    const changes: Partial<Assignment> = { status };
    if (status === AssignmentStatus.Returned) changes.returnReason = dto.reason!;
    if (status === AssignmentStatus.Completed) changes.returnReason = null;
    changes.completedOn = status === AssignmentStatus.Completed ? todayIn(this.clock) : null;
    if (status === AssignmentStatus.Completed) changes.progressPercent = 100;
    return changes;
  }

  /** The other fields a PATCH sets, after those of a status move (completion sets 100 %). */
  private fieldChanges(
    dto: UpdateAssignmentDto,
    changes: Partial<Assignment>,
  ): Partial<Assignment> {
    if (dto.progressPercent !== undefined && changes.progressPercent === undefined) {
      changes.progressPercent = dto.progressPercent;
    }
    if (dto.dueOn !== undefined) changes.dueOn = dto.dueOn;
    if (dto.role !== undefined) changes.role = dto.role;
    return changes;
  }

  /**
   * 签收 by any user of the assignment's unit. Acknowledging again changes nothing (a second
   * clerk pressing the button sees who signed first), so it is one timeline entry.
   */
  async acknowledge(actor: Actor, id: string): Promise<AssignmentView> {
    await this.uow.run(actor, async (tx) => {
      const current = await tx.lock(Assignment, id, {
        missing: '未找到该责任分工',
        where: { unitId: actor.unitId },
      });
      if (current.acknowledgedAt) return;
      await tx.update(Assignment, current, {
        acknowledgedAt: new Date(this.clock.now()),
        acknowledgedByUserId: actor.userId,
      });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      // The removal is audited row by row first; the row removed is the row locked here.
      await auditRemovalOf(tx, { kind: 'assignment', id });
      const current = await tx.lock(Assignment, id, { missing: '未找到该责任分工' });
      await tx.remove(Assignment, current);
    });
  }

  private async targetUnits(tx: Tx, dto: CreateAssignmentDto): Promise<string[]> {
    if (dto.unitId) {
      const unit = await tx.read.findOne(Unit, { where: { id: dto.unitId } });
      if (!unit) throw new NotFoundException('未找到该单位');
      if (!unit.active) throw new BadRequestException('unitId：该单位已停用');
      return [unit.id];
    }
    const group = await tx.read.findOne(UnitGroup, {
      where: { id: dto.groupId },
      relations: { members: true },
    });
    if (!group) throw new NotFoundException('未找到该单位组');
    const members = group.members.filter((unit) => unit.active).map((unit) => unit.id);
    if (!members.length) throw new BadRequestException('groupId：该单位组没有启用的成员单位');
    return members;
  }
}
