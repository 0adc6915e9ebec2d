import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, Clock, todayIn } from '@app/calendar';
import {
  Assignment,
  AssignmentStatus,
  DeliveryKind,
  EXTENSION_STATUS_LABEL,
  ExtensionRequest,
  ExtensionStatus,
  Item,
  Tx,
  Unit,
  UnitOfWork,
} from '@app/database';
import { composeEvent } from '@app/reminders';
import { Actor, scopeOf } from '../auth/actor';
import { page, Page } from '../common/pagination';
import { EventMail } from '../reminders/event-mail';
import {
  CreateExtensionRequestDto,
  DecideExtensionDto,
  ExtensionListQuery,
  ExtensionRequestView,
} from './chain.dto';
import { withinScope } from '../auth/scope-sql';

const MISSING = '未找到该延期申请';

/**
 * 延期申请: a unit asks before its due date passes; the leadership office approves (the due date
 * moves, the first one stays in `originalDueOn`) or refuses with a comment. Either decision is
 * mailed to the unit at once. A unit sees only its own requests.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: EventMail,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private query(actor: Actor) {
    const qb = this.db
      .getRepository(ExtensionRequest)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.unit', 'unit')
      .innerJoinAndSelect('r.assignment', 'a')
      .innerJoinAndSelect('a.item', 'item');
    const scope = scopeOf(actor);
    return withinScope(qb, scope, 'r.unitId');
  }

  async list(actor: Actor, q: ExtensionListQuery): Promise<Page<ExtensionRequestView>> {
    const qb = this.query(actor).orderBy('r.createdAt', 'DESC').skip(q.offset).take(q.pageSize);
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.unitId) qb.andWhere('r.unitId = :unitId', { unitId: q.unitId });
    if (q.assignmentId) qb.andWhere('r.assignmentId = :aid', { aid: q.assignmentId });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(ExtensionRequestView.from), total, q);
  }

  async get(actor: Actor, id: string): Promise<ExtensionRequestView> {
    const row = await this.query(actor).andWhere('r.id = :id', { id }).getOne();
    if (!row) throw new NotFoundException(MISSING);
    return ExtensionRequestView.from(row);
  }

  async request(
    actor: Actor,
    assignmentId: string,
    dto: CreateExtensionRequestDto,
  ): Promise<ExtensionRequestView> {
    const today = todayIn(this.clock);
    const id = await this.uow.run(actor, async (tx) => {
      const a = await tx.lock(Assignment, assignmentId, {
        missing: '未找到该责任分工',
        where: { unitId: actor.unitId },
      });
      if (a.status === AssignmentStatus.Completed) {
        throw new ConflictException('该任务已办结，无需申请延期');
      }
      if (a.dueOn < today) {
        throw new ConflictException(
          `完成时限 ${a.dueOn} 已过，不能再申请延期；请与领导小组办公室联系`,
        );
      }
      if (dto.requestedDueOn <= a.dueOn) {
        throw new BadRequestException(`requestedDueOn：申请的时限须晚于现完成时限 ${a.dueOn}`);
      }
      const open = await tx.read.exists(ExtensionRequest, {
        where: { assignmentId: a.id, status: ExtensionStatus.Pending },
      });
      if (open) throw new ConflictException('该任务已有一项待审批的延期申请，请等待审批结果');
      const saved = await tx.create(ExtensionRequest, {
        assignmentId: a.id,
        unitId: a.unitId,
        currentDueOn: a.dueOn,
        requestedDueOn: dto.requestedDueOn,
        reason: dto.reason,
        requestedByUserId: actor.userId,
      });
      return saved.id;
    });
    return this.get(actor, id);
  }

  approve(actor: Actor, id: string, dto: DecideExtensionDto): Promise<ExtensionRequestView> {
    return this.decide(actor, id, dto, ExtensionStatus.Approved, async (tx, r) => {
      const a = await tx.lock(Assignment, r.assignmentId, { missing: '未找到该责任分工' });
      await tx.update(Assignment, a, {
        dueOn: r.requestedDueOn,
        // The first due date stays on record however often the work is extended.
        originalDueOn: a.originalDueOn ?? a.dueOn,
      });
    });
  }

  refuse(actor: Actor, id: string, dto: DecideExtensionDto): Promise<ExtensionRequestView> {
    if (!dto.comment?.trim()) throw new BadRequestException('comment：不同意时请写明意见');
    return this.decide(actor, id, dto, ExtensionStatus.Refused);
  }

  private async decide(
    actor: Actor,
    id: string,
    dto: DecideExtensionDto,
    status: ExtensionStatus,
    apply?: (tx: Tx, r: ExtensionRequest) => Promise<void>,
  ): Promise<ExtensionRequestView> {
    await this.uow.run(actor, async (tx) => {
      const r = await tx.lock(ExtensionRequest, id, {
        missing: MISSING,
        version: dto.version,
        stale: '该延期申请已被他人处理，请刷新后查看',
      });
      if (r.status !== ExtensionStatus.Pending) {
        throw new ConflictException(`该延期申请${EXTENSION_STATUS_LABEL[r.status]}，不能再次审批`);
      }
      await apply?.(tx, r);
      const decided = await tx.update(ExtensionRequest, r, {
        status,
        decidedAt: new Date(this.clock.now()),
        decidedByUserId: actor.userId,
        decisionComment: dto.comment?.trim() || null,
      });
      await this.mailDecision(tx, decided);
    });
    return this.get(actor, id);
  }

  private async mailDecision(tx: Tx, r: ExtensionRequest): Promise<void> {
    const unit = await tx.read.findOneOrFail(Unit, { where: { id: r.unitId } });
    const a = await tx.read.findOneOrFail(Assignment, { where: { id: r.assignmentId } });
    const item = await tx.read.findOneOrFail(Item, { where: { id: a.itemId } });
    const approved = r.status === ExtensionStatus.Approved;
    const verdict = approved
      ? `已同意，完成时限由 ${r.currentDueOn} 延至 ${r.requestedDueOn}`
      : `未同意，完成时限仍为 ${a.dueOn}`;
    await this.mail.record(tx, [
      {
        unitId: r.unitId,
        kind: DeliveryKind.ExtensionDecided,
        key: r.id,
        itemCount: 1,
        email: composeEvent(
          `${unit.name}：延期申请${EXTENSION_STATUS_LABEL[r.status]}`,
          `${unit.name}：贵单位申请将以下任务延期至 ${r.requestedDueOn}，领导小组办公室${verdict}。`,
          '延期申请的任务',
          [
            {
              text: `(${item.numberText})${item.title}`,
              link: this.mail.link(`/assignments/${a.id}`),
            },
          ],
          r.decisionComment ? [`审批意见：${r.decisionComment}`] : [],
        ),
      },
    ]);
  }
}
