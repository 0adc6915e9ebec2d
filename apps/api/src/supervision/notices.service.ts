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
  NOTICE_LEVEL_LABEL,
  NOTICE_STATUS_LABEL as LABEL,
  NoticeAnswer,
  NoticeAnswerOutcome,
  NoticeStatus,
  DeliveryKind,
  SupervisionNotice,
  Tx,
  Unit,
  UnitOfWork,
} from '@app/database';
import { renderNoticeDocx } from '../documents/notice-docx';
import { DOCX_TYPE } from '../documents/official-docx';
import { download } from '../common/attachment';
import { attachment } from '../common/attachment';
import { composeEvent } from '@app/reminders';
import { EventMail } from '../reminders/event-mail';
import { AccessScope, Actor, scopeOf } from '../auth/actor';
import { AcknowledgeDeadline, acknowledgementSql } from '../chain/acknowledgement';
import { page, Page } from '../common/pagination';
import {
  AnswerNoticeDto,
  ChangeNoticeLevelDto,
  CreateNoticeDto,
  NoticeListQuery,
  NoticeView,
  RaiseNoticeDto,
  ReviewNoticeDto,
} from './notice.dto';
import { levelTitle, nextLevel, noticeNumber } from './notice-rules';
import { NoticeQueries } from './notice.queries';
import { scopeWhere, withinScope } from '../auth/scope-sql';

const OPEN = [NoticeStatus.Issued, NoticeStatus.Answered, NoticeStatus.Returned];

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
    private readonly queries: NoticeQueries,
  ) {}

  private today(): string {
    return todayIn(this.clock);
  }

  private query(scope: AccessScope) {
    const qb = this.db
      .getRepository(SupervisionNotice)
      .createQueryBuilder('n')
      .innerJoinAndSelect('n.unit', 'unit')
      .leftJoinAndSelect('n.office', 'office')
      .leftJoinAndSelect('n.assignments', 'a')
      .leftJoinAndSelect('a.item', 'item');
    withinScope(qb, scope, 'n.unitId');
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
    withinScope(ids, scope, 'n.unitId');
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
    const answers = await this.queries.answers(pageIds);
    return page(
      notices.map((n) => NoticeView.from(n, today, answers.get(n.id))),
      total,
      q,
    );
  }

  private async find(actor: Actor, id: string): Promise<SupervisionNotice> {
    const notice = await this.query(scopeOf(actor)).andWhere('n.id = :id', { id }).getOne();
    if (!notice) throw new NotFoundException('未找到该督办单');
    return notice;
  }

  async get(actor: Actor, id: string): Promise<NoticeView> {
    const notice = await this.find(actor, id);
    const answers = await this.queries.answers([id]);
    return NoticeView.from(notice, this.today(), answers.get(id));
  }

  /** The notice as a printed document (.docx): the unit may download its own. */
  async document(actor: Actor, id: string) {
    const notice = await this.find(actor, id);
    const asOf = this.today();
    const number = noticeNumber(notice);
    const body = await renderNoticeDocx({
      levelTitle: levelTitle(notice.level),
      number,
      unitName: notice.unit!.name,
      reason: notice.reason,
      items: await this.queries.documentItems(id, asOf),
      replyBy: notice.replyBy,
      officeName: notice.office?.name ?? '督查室',
      issuedOn: notice.issuedOn,
      asOf,
    });
    return download(body, DOCX_TYPE, attachment(`${number}-${notice.unit!.name}.docx`));
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
      const today = this.today();
      if (dto.replyBy < today) {
        throw new BadRequestException('replyBy：答复期限不能早于今天');
      }
      const suggestedLevel = await this.queries.suggestLevel(tx.read, wanted, today);
      const numberYear = Number(today.slice(0, 4));
      // Last, so the counter row is held for as short a time as possible.
      const numberSerial = await this.queries.nextSerial(tx.read, actor.unitId, numberYear);
      const notice = await tx.create(
        SupervisionNotice,
        {
          officeUnitId: actor.unitId,
          issuedOn: today,
          numberYear,
          numberSerial,
          level: dto.level ?? suggestedLevel,
          suggestedLevel,
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

  /** Each answer is a row of its own; the notice keeps the latest for its lists. */
  answer(actor: Actor, id: string, dto: AnswerNoticeDto): Promise<NoticeView> {
    const answeredAt = new Date(this.clock.now());
    return this.transition(
      actor,
      id,
      dto.version,
      [NoticeStatus.Issued, NoticeStatus.Returned],
      {
        status: NoticeStatus.Answered,
        answerText: dto.answer,
        answeredAt,
        answeredByUserId: actor.userId,
      },
      async (tx, notice) => {
        await tx.create(
          NoticeAnswer,
          { noticeId: id, text: dto.answer, answeredAt, answeredByUserId: actor.userId },
          (saved) => ({ ...saved, noticeNumber: noticeNumber(notice) }),
        );
      },
    );
  }

  sendBack(actor: Actor, id: string, dto: ReviewNoticeDto): Promise<NoticeView> {
    if (!dto.comment?.trim()) throw new BadRequestException('comment：退回时请写明意见');
    return this.transition(
      actor,
      id,
      dto.version,
      [NoticeStatus.Answered],
      { status: NoticeStatus.Returned, reviewComment: dto.comment },
      (tx, notice) => this.review(tx, notice, NoticeAnswerOutcome.Returned, dto.comment!),
      (tx, updated) =>
        this.mailNotice(
          tx,
          updated,
          DeliveryKind.NoticeReturned,
          `${updated.id}:${updated.version}`,
        ),
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
      OPEN,
      {
        status: NoticeStatus.Closed,
        reviewComment: dto.comment ?? null,
        closedAt: new Date(this.clock.now()),
      },
      (tx, notice) =>
        notice.status === NoticeStatus.Answered
          ? this.review(tx, notice, NoticeAnswerOutcome.Closed, dto.comment ?? null)
          : Promise.resolve(),
    );
  }

  /** The office changes the colour of an open notice (up or down). */
  async changeLevel(actor: Actor, id: string, dto: ChangeNoticeLevelDto): Promise<NoticeView> {
    return this.setLevel(actor, id, dto.version, () => dto.level);
  }

  /** 升级: one colour up (blue → yellow → red). */
  async raise(actor: Actor, id: string, dto: RaiseNoticeDto): Promise<NoticeView> {
    return this.setLevel(actor, id, dto.version, (notice) => {
      const next = nextLevel(notice.level);
      if (!next) throw new ConflictException('已是红色督办单，不能再升级');
      return next;
    });
  }

  private async setLevel(
    actor: Actor,
    id: string,
    version: number,
    pick: (notice: SupervisionNotice) => SupervisionNotice['level'],
  ): Promise<NoticeView> {
    await this.uow.run(actor, async (tx) => {
      const notice = await tx.lock(SupervisionNotice, id, {
        missing: '未找到该督办单',
        version,
        stale: '该督办单已被他人修改，请刷新后重试',
      });
      if (!OPEN.includes(notice.status)) {
        throw new ConflictException('督办单已办结，不能再改等级');
      }
      const level = pick(notice);
      if (level === notice.level) {
        throw new ConflictException(`督办单已是${NOTICE_LEVEL_LABEL[level]}`);
      }
      await tx.update(SupervisionNotice, notice, { level });
    });
    return this.get(actor, id);
  }

  /** The office's verdict goes on the answer it judged (the latest, not yet reviewed). */
  private async review(
    tx: Tx,
    notice: SupervisionNotice,
    outcome: NoticeAnswerOutcome,
    comment: string | null,
  ): Promise<void> {
    const latest = await tx.read.findOne(NoticeAnswer, {
      where: { noticeId: notice.id },
      order: { answeredAt: 'DESC', createdAt: 'DESC' },
    });
    if (!latest || latest.outcome) return;
    await tx.update(NoticeAnswer, latest, {
      outcome,
      reviewComment: comment,
      reviewedAt: new Date(this.clock.now()),
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    version: number,
    from: NoticeStatus[],
    changes: Partial<SupervisionNotice>,
    /** Written with the change, from the notice as it was (e.g. the verdict on its answer). */
    alongside?: (tx: Tx, notice: SupervisionNotice) => Promise<void>,
    /** Written with the change, from the notice as it now is (e.g. the unit's email). */
    after?: (tx: Tx, notice: SupervisionNotice) => Promise<void>,
  ): Promise<NoticeView> {
    await this.uow.run(actor, async (tx) => {
      const scope = scopeOf(actor);
      const notice = await tx.lock(SupervisionNotice, id, {
        missing: '未找到该督办单',
        version,
        stale: '该督办单已被他人修改，请刷新后重试',
        where: scopeWhere(scope),
      });
      if (!from.includes(notice.status)) {
        throw new ConflictException(
          `督办单当前为“${LABEL[notice.status]}”，不能改为“${LABEL[changes.status!]}”`,
        );
      }
      await alongside?.(tx, notice);
      const updated = await tx.update(SupervisionNotice, notice, changes);
      await after?.(tx, updated);
    });
    return this.get(actor, id);
  }
}
