import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CLOCK, Clock, todayIn } from '@app/calendar';
import {
  Assignment,
  NOTICE_STATUS_LABEL as LABEL,
  NoticeStatus,
  DeliveryKind,
  SupervisionNotice,
  Tx,
  Unit,
  UnitOfWork,
} from '@app/database';
import { composeEvent } from '@app/reminders';
import { EventMail } from '../reminders/event-mail';
import { AccessScope, Actor, scopeOf } from '../auth/actor';
import { AcknowledgeDeadline, acknowledgementSql } from '../chain/acknowledgement';
import { page, Page } from '../common/pagination';
import {
  AnswerNoticeDto,
  CreateNoticeDto,
  NoticeListQuery,
  NoticeView,
  ReviewNoticeDto,
} from './notice.dto';

/**
 * 督办单: issued by the supervision office, answered by the unit, then closed or sent back.
 * A unit sees only its own notices; another unit's notice reads as missing.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly db: DataSource,
    private readonly acknowledgeDeadline: AcknowledgeDeadline,
    private readonly mail: EventMail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return todayIn(this.clock);
  }

  private query(scope: AccessScope) {
    const qb = this.db
      .getRepository(SupervisionNotice)
      .createQueryBuilder('n')
      .innerJoinAndSelect('n.unit', 'unit')
      .leftJoinAndSelect('n.assignments', 'a')
      .leftJoinAndSelect('a.item', 'item');
    if (scope.kind === 'unit')
      qb.andWhere('n.unitId = :scopeUnitId', { scopeUnitId: scope.unitId });
    return qb;
  }

  async list(actor: Actor, q: NoticeListQuery): Promise<Page<NoticeView>> {
    // Page over ids first: the joined assignments would otherwise multiply the rows.
    const ids = this.db
      .getRepository(SupervisionNotice)
      .createQueryBuilder('n')
      .select('n.id', 'id')
      .orderBy('n.replyBy', 'ASC')
      .addOrderBy('n.createdAt', 'DESC');
    const scope = scopeOf(actor);
    if (scope.kind === 'unit')
      ids.andWhere('n.unitId = :scopeUnitId', { scopeUnitId: scope.unitId });
    if (q.unitId) ids.andWhere('n.unitId = :unitId', { unitId: q.unitId });
    if (q.status) ids.andWhere('n.status = :status', { status: q.status });
    if (q.acknowledgement) {
      ids.andWhere(acknowledgementSql('n', q.acknowledgement, ':ackAsOf'), {
        ackAsOf: q.asOf ?? this.today(),
      });
    }
    if (q.overdue !== undefined) {
      const asOf = q.asOf ?? this.today();
      ids.andWhere(
        q.overdue
          ? "n.status IN ('issued', 'returned') AND n.replyBy < :asOf"
          : "NOT (n.status IN ('issued', 'returned') AND n.replyBy < :asOf)",
        { asOf },
      );
    }
    const total = await ids.getCount();
    const pageIds = (await ids.offset(q.offset).limit(q.pageSize).getRawMany()).map((r) => r.id);
    if (!pageIds.length) return page([], total, q);
    const notices = await this.query(scope)
      .andWhere('n.id IN (:...pageIds)', { pageIds })
      .getMany();
    const order = new Map(pageIds.map((id, i) => [id, i]));
    notices.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const today = this.today();
    return page(
      notices.map((n) => NoticeView.from(n, today)),
      total,
      q,
    );
  }

  async get(actor: Actor, id: string): Promise<NoticeView> {
    const notice = await this.query(scopeOf(actor)).andWhere('n.id = :id', { id }).getOne();
    if (!notice) throw new NotFoundException('未找到该督办单');
    return NoticeView.from(notice, this.today());
  }

  async issue(actor: Actor, dto: CreateNoticeDto): Promise<NoticeView> {
    const acknowledgeBy = await this.acknowledgeDeadline.forToday();
    const id = await this.uow.run(actor, async (tx) => {
      if (!(await tx.read.exists(Unit, { where: { id: dto.unitId } }))) {
        throw new NotFoundException('未找到被督办单位');
      }
      const wanted = [...new Set(dto.assignmentIds)];
      const assignments = await tx.read.find(Assignment, {
        where: { id: In(wanted), unitId: dto.unitId },
      });
      if (assignments.length !== wanted.length) {
        throw new BadRequestException('assignmentIds：所列责任分工须存在且都属于被督办单位');
      }
      if (dto.replyBy < this.today()) {
        throw new BadRequestException('replyBy：答复期限不能早于今天');
      }
      const notice = await tx.create(
        SupervisionNotice,
        {
          unitId: dto.unitId,
          issuedByUserId: actor.userId,
          reason: dto.reason,
          replyBy: dto.replyBy,
          assignments,
          acknowledgeBy,
        },
        (saved) => ({ ...saved, assignmentIds: wanted }),
      );
      await this.mailNotice(tx, notice, DeliveryKind.NoticeIssued, notice.id);
      return notice.id;
    });
    return this.get(actor, id);
  }

  /** 签收 by any user of the notice's unit; acknowledging again changes nothing. */
  async acknowledge(actor: Actor, id: string): Promise<NoticeView> {
    await this.uow.run(actor, async (tx) => {
      const notice = await tx.lock(SupervisionNotice, id, {
        missing: '未找到该督办单',
        where: { unitId: actor.unitId },
      });
      if (notice.acknowledgedAt) return;
      await tx.update(SupervisionNotice, notice, {
        acknowledgedAt: new Date(this.clock.now()),
        acknowledgedByUserId: actor.userId,
      });
    });
    return this.get(actor, id);
  }

  answer(actor: Actor, id: string, dto: AnswerNoticeDto): Promise<NoticeView> {
    return this.transition(actor, id, dto.version, [NoticeStatus.Issued, NoticeStatus.Returned], {
      status: NoticeStatus.Answered,
      answerText: dto.answer,
      answeredAt: new Date(this.clock.now()),
      answeredByUserId: actor.userId,
    });
  }

  sendBack(actor: Actor, id: string, dto: ReviewNoticeDto): Promise<NoticeView> {
    if (!dto.comment?.trim()) throw new BadRequestException('comment：退回时请写明意见');
    return this.transition(
      actor,
      id,
      dto.version,
      [NoticeStatus.Answered],
      { status: NoticeStatus.Returned, reviewComment: dto.comment },
      (tx, notice) =>
        this.mailNotice(tx, notice, DeliveryKind.NoticeReturned, `${notice.id}:${notice.version}`),
    );
  }

  /** The unit hears at once of a notice issued to it, or of its answer sent back. */
  private async mailNotice(
    tx: Tx,
    notice: SupervisionNotice,
    kind: DeliveryKind.NoticeIssued | DeliveryKind.NoticeReturned,
    key: string,
  ): Promise<void> {
    const unit = await tx.read.findOneOrFail(Unit, { where: { id: notice.unitId } });
    const issued = kind === DeliveryKind.NoticeIssued;
    await this.mail.record(tx, [
      {
        unitId: unit.id,
        kind,
        key,
        itemCount: 1,
        email: composeEvent(
          issued
            ? `${unit.name}：收到督办单，请于 ${notice.replyBy} 前答复`
            : `${unit.name}：督办单答复被退回`,
          issued
            ? `${unit.name}：督查室向贵单位下发督办单，请签收并于 ${notice.replyBy} 前答复。`
            : `${unit.name}：贵单位对督办单的答复被督查室退回，请于 ${notice.replyBy} 前重新答复。`,
          '督办单',
          [{ text: notice.reason, link: this.mail.link(`/notices/${notice.id}`) }],
          issued ? [] : [`退回意见：${notice.reviewComment ?? ''}`],
        ),
      },
    ]);
  }

  close(actor: Actor, id: string, dto: ReviewNoticeDto): Promise<NoticeView> {
    return this.transition(
      actor,
      id,
      dto.version,
      [NoticeStatus.Issued, NoticeStatus.Answered, NoticeStatus.Returned],
      {
        status: NoticeStatus.Closed,
        reviewComment: dto.comment ?? null,
        closedAt: new Date(this.clock.now()),
      },
    );
  }

  private async transition(
    actor: Actor,
    id: string,
    version: number,
    from: NoticeStatus[],
    changes: Partial<SupervisionNotice>,
    after?: (tx: Tx, notice: SupervisionNotice) => Promise<void>,
  ): Promise<NoticeView> {
    await this.uow.run(actor, async (tx) => {
      const scope = scopeOf(actor);
      const notice = await tx.lock(SupervisionNotice, id, {
        missing: '未找到该督办单',
        version,
        stale: '该督办单已被他人修改，请刷新后重试',
        where: scope.kind === 'unit' ? { unitId: scope.unitId } : {},
      });
      if (!from.includes(notice.status)) {
        throw new ConflictException(
          `督办单当前为“${LABEL[notice.status]}”，不能改为“${LABEL[changes.status!]}”`,
        );
      }
      const updated = await tx.update(SupervisionNotice, notice, changes);
      await after?.(tx, updated);
    });
    return this.get(actor, id);
  }
}
