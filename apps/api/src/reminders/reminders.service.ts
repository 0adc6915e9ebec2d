import { InjectQueue } from '@nestjs/bull';
import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { todayIn } from '@app/calendar';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ReminderDelivery, Unit } from '@app/database';
import { jobIds, QUEUES, REMINDER_JOBS, ReminderQueue } from '@app/queue-contracts';
import {
  composeDigest,
  digestAddresses,
  digestNotes,
  digestSlotsOfWeek,
  DigestSlot,
  digestUnits,
  owedWork,
  owesAnything,
} from '@app/reminders';
import { Actor, scopeOf } from '../auth/actor';
import { page, Page } from '../common/pagination';
import {
  DeliveryListQuery,
  DeliveryView,
  DigestPreviewQuery,
  DigestPreviewView,
  DigestRunView,
} from './reminder.dto';
import { withinScope } from '../auth/scope-sql';

const EMPTY = { overdue: [], dueSoon: [], reportsMissing: [], noticesAwaiting: [] };

/** A clock stopped at an instant: todayIn() then gives that instant's Asia/Shanghai date. */
const fixed = (instant: Date) => ({ now: () => instant });
const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const slotText = (s: DigestSlot): string => {
  const sent = todayIn(fixed(s.sendAt));
  const week = `周${WEEKDAY[new Date(`${s.period}T00:00:00Z`).getUTCDay()]}`;
  return sent === s.period
    ? `${s.period}（${week}）`
    : `${s.period}（${week}，节假日顺延至 ${sent}）`;
};

/** The API's side of reminders: it reads deliveries and asks the worker to plan; it sends nothing. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: ReminderQueue,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliveries(actor: Actor, q: DeliveryListQuery): Promise<Page<DeliveryView>> {
    const qb = this.db
      .getRepository(ReminderDelivery)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.unit', 'unit')
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('unit.name', 'ASC')
      .skip(q.offset)
      .take(q.pageSize);
    const scope = scopeOf(actor);
    withinScope(qb, scope, 'd.unitId');
    if (q.unitId) qb.andWhere('d.unitId = :unitId', { unitId: q.unitId });
    if (q.kind) qb.andWhere('d.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.period) qb.andWhere('d.period = :period', { period: q.period });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(DeliveryView.from), total, q);
  }

  /**
   * A weekly digest asked for by hand. It targets the digest slot of the date's week (the date
   * must be that slot's day, or the working day a holiday moved it to) and is refused otherwise,
   * so it can never send a second weekly digest; a slot already run, or one that would mail no
   * unit, sends nothing and says so.
   */
  async runDigest(date: string): Promise<DigestRunView> {
    const { digestCron, dueSoonDays } = this.config.reminders;
    const slots = digestSlotsOfWeek(digestCron, date);
    const slot = slots.find((s) => s.period === date || todayIn(fixed(s.sendAt)) === date);
    if (!slot) {
      const days = slots.map(slotText).join('、');
      throw new BadRequestException(
        days
          ? `${date} 不是每周催办日：每周催办每周只发一次，该周的催办日是 ${days}。请按该日期发起，避免重复发送`
          : `${date} 所在的一周没有每周催办（DIGEST_CRON=${digestCron}）`,
      );
    }
    const period = slot.period;
    const [run]: Array<{ deliveries: number }> = await this.db.query(
      "SELECT deliveries FROM reminder_runs WHERE kind = 'digest' AND period = $1",
      [period],
    );
    if (run) {
      return {
        period,
        queued: false,
        units: 0,
        message: `${period} 这一周的每周催办已生成过（${run.deliveries} 封），本次不再发送`,
      };
    }
    const units = (await digestUnits(this.db.manager, period, dueSoonDays)).length;
    if (!units) {
      return {
        period,
        queued: false,
        units: 0,
        message: `截至 ${period} 没有单位有待办事项，本次不发送邮件`,
      };
    }
    try {
      await this.queue.add(
        REMINDER_JOBS.planDigest,
        { period, asOf: period },
        {
          jobId: jobIds.planDigest(period),
          removeOnComplete: true,
          removeOnFail: true,
          timeout: 600_000,
        },
      );
    } catch {
      throw new ServiceUnavailableException('消息队列暂时不可用，请稍后重试（未生成任何催办）');
    }
    return {
      period,
      queued: true,
      units,
      message: `已开始生成 ${period} 这一周的每周催办，将发给 ${units} 个单位`,
    };
  }

  async preview(actor: Actor, q: DigestPreviewQuery): Promise<DigestPreviewView> {
    const scope = scopeOf(actor);
    const unitId = q.unitId ?? (scope.kind === 'unit' ? scope.unitId : undefined);
    if (!unitId || (scope.kind === 'unit' && unitId !== scope.unitId)) {
      throw new NotFoundException('未找到该单位');
    }
    const unit = await this.db.manager.findOne(Unit, { where: { id: unitId } });
    if (!unit) throw new NotFoundException('未找到该单位');
    const { dueSoonDays } = this.config.reminders;
    const owed =
      (await owedWork(this.db.manager, q.date, dueSoonDays, unitId)).get(unitId) ?? EMPTY;
    const notes = unit.active ? digestNotes(unit.kind, q.date) : [];
    const { itemCount: _count, ...email } = composeDigest(
      unit.name,
      q.date,
      owed,
      (id) => `${this.config.publicUrl}/items/${id}`,
      dueSoonDays,
      notes,
    );
    // The same rule as the digest sent (libs/reminders), so the preview shows what goes out.
    const addresses = await digestAddresses(this.db.manager, new Map([[unitId, owed]]));
    return {
      unitId,
      date: q.date,
      wouldSend: owesAnything(owed) || notes.length > 0,
      ...addresses.get(unitId)!,
      ...email,
      owed,
    };
  }
}
