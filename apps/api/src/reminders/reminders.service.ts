import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ReminderDelivery, Unit } from '@app/database';
import { jobIds, QUEUES, REMINDER_JOBS, ReminderQueue } from '@app/queue-contracts';
import {
  composeDigest,
  digestAddresses,
  digestNotes,
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

const EMPTY = { overdue: [], dueSoon: [], reportsMissing: [], noticesAwaiting: [] };

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
    if (scope.kind === 'unit') qb.andWhere('d.unitId = :own', { own: scope.unitId });
    if (q.unitId) qb.andWhere('d.unitId = :unitId', { unitId: q.unitId });
    if (q.kind) qb.andWhere('d.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.period) qb.andWhere('d.period = :period', { period: q.period });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(DeliveryView.from), total, q);
  }

  async runDigest(date: string): Promise<DigestRunView> {
    try {
      await this.queue.add(
        REMINDER_JOBS.planDigest,
        { period: date, asOf: date },
        {
          jobId: jobIds.planDigest(date),
          removeOnComplete: true,
          removeOnFail: true,
          timeout: 600_000,
        },
      );
    } catch {
      throw new ServiceUnavailableException('消息队列暂时不可用，请稍后重试（未生成任何催办）');
    }
    return { period: date, queued: true };
  }

  async preview(actor: Actor, q: DigestPreviewQuery): Promise<DigestPreviewView> {
    const scope = scopeOf(actor);
    const unitId = q.unitId ?? (scope.kind === 'unit' ? scope.unitId : undefined);
    if (!unitId || (scope.kind === 'unit' && unitId !== scope.unitId)) {
      throw new NotFoundException('未找到该单位');
    }
    const unit = await this.db.manager.findOne(Unit, { where: { id: unitId } });
    if (!unit) throw new NotFoundException('未找到该单位');
    const { dueSoonDays, escalateAfterDays } = this.config.reminders;
    const owed =
      (await owedWork(this.db.manager, q.date, dueSoonDays, unitId)).get(unitId) ?? EMPTY;
    const notes = unit.active ? digestNotes(unit.kind, q.date) : [];
    const email = composeDigest(
      unit.name,
      q.date,
      owed,
      (id) => `${this.config.publicUrl}/items/${id}`,
      dueSoonDays,
      notes,
    );
    // The same rule as the digest sent (libs/reminders), so the preview shows what goes out.
    const addresses = await digestAddresses(
      this.db.manager,
      new Map([[unitId, owed]]),
      escalateAfterDays,
    );
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
