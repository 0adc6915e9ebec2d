import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { addWorkingDays, CLOCK, Clock, todayIn } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { CalendarSource } from '@app/database';

/**
 * The lists' 签收 filter: `unacknowledged` 未签收 (whatever the limit), `late` 未签收 past its
 * limit (签收超时), `acknowledged` 已签收.
 */
export enum AcknowledgementFilter {
  Unacknowledged = 'unacknowledged',
  Late = 'late',
  Acknowledged = 'acknowledged',
}

/**
 * The rule in one place, as SQL on a row alias (`a` with `acknowledged_at` and `acknowledge_by`
 * columns) and a date parameter: what each filter keeps on that day.
 */
export function acknowledgementSql(
  alias: string,
  filter: AcknowledgementFilter,
  dateParam: string,
): string {
  switch (filter) {
    case AcknowledgementFilter.Unacknowledged:
      return `${alias}.acknowledged_at IS NULL`;
    case AcknowledgementFilter.Late:
      return `${alias}.acknowledged_at IS NULL AND ${alias}.acknowledge_by < ${dateParam}`;
    case AcknowledgementFilter.Acknowledged:
      return `${alias}.acknowledged_at IS NOT NULL`;
  }
}

/** 签收 is late on `today` when nobody acknowledged and the last day has passed. */
export function acknowledgementLate(
  row: { acknowledgedAt: Date | null; acknowledgeBy: string | null },
  today: string,
): boolean {
  return row.acknowledgedAt === null && row.acknowledgeBy !== null && row.acknowledgeBy < today;
}

/** The last day for 签收 of work or a notice given today: ACKNOWLEDGE_WORKING_DAYS working days on. */
@Injectable()
export class AcknowledgeDeadline {
  constructor(
    private readonly calendar: CalendarSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forToday(): Promise<string> {
    await this.calendar.refreshIfChanged();
    return addWorkingDays(
      todayIn(this.clock),
      this.config.acknowledgeWorkingDays,
      this.calendar.calendar(),
    );
  }
}

@Global()
@Module({ providers: [AcknowledgeDeadline], exports: [AcknowledgeDeadline] })
export class AcknowledgeModule {}
