import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  calendarCoverage,
  HolidayCalendar,
  HolidayNotice,
  useHolidayCalendar,
} from '@app/calendar';
import { HolidayCalendarYear } from './entities';
import { Tx } from './unit-of-work';

/** The package with every stored year laid over it, as read from the database now. */
export async function loadHolidayCalendar(m: EntityManager): Promise<HolidayCalendar> {
  const rows = await m.find(HolidayCalendarYear, {
    select: { year: true, holidays: true, workdays: true },
    order: { year: 'ASC' },
  });
  return HolidayCalendar.withStoredYears(rows);
}

/**
 * Loads the database's calendar into the process (`useHolidayCalendar`) for a process without
 * Nest (the CLI). Before the table exists (a database not yet migrated) the package alone serves.
 */
export async function useStoredHolidayCalendar(db: DataSource): Promise<HolidayCalendar> {
  try {
    const calendar = await loadHolidayCalendar(db.manager);
    useHolidayCalendar(calendar);
    return calendar;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return HolidayCalendar.fromPackage();
    throw error;
  }
}

/** A changed, added or removed stored year changes this; one index-only look per call. */
async function stamp(m: EntityManager): Promise<string> {
  const [row]: Array<{ stamp: string }> = await m.query(
    `SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0) AS stamp
     FROM holiday_calendars`,
  );
  return row.stamp;
}

/**
 * Stores (or replaces) one year from a parsed notice, audited in the caller's transaction.
 * `expectedVersion`: the version the person previewed against (null: they saw none stored); a
 * replaced year must match it. Undefined replaces whatever is stored (the CLI's --yes).
 */
export async function saveHolidayYear(
  tx: Tx,
  notice: HolidayNotice,
  sourceText: string,
  expectedVersion?: number | null,
): Promise<{ row: HolidayCalendarYear; created: boolean }> {
  const values = {
    year: notice.year,
    holidays: notice.holidays.map(({ date, name }) => ({ date, name })),
    workdays: notice.workdays.map(({ date, name }) => ({ date, name })),
    title: notice.title ?? null,
    sourceText,
    updatedByUserId: tx.actor.userId,
  };
  const existing = await tx.read.findOne(HolidayCalendarYear, {
    where: { year: notice.year },
    lock: { mode: 'pessimistic_write' },
  });
  if (!existing) return { row: await tx.create(HolidayCalendarYear, values), created: true };
  if (expectedVersion !== undefined && expectedVersion !== existing.version) {
    throw new HolidayYearConflict(notice.year, existing.version);
  }
  return { row: await tx.update(HolidayCalendarYear, existing, values), created: false };
}

export class HolidayYearConflict extends Error {
  override readonly name = 'HolidayYearConflict';
  constructor(
    readonly year: number,
    readonly currentVersion: number,
  ) {
    super(
      `${year}年的节假日安排已有保存的版本（版本 ${currentVersion}），与预览时不同：请重新预览，并带上 version: ${currentVersion} 再保存`,
    );
  }
}

/** How often a process looks for a year stored by another process (the API, the CLI). */
const REFRESH_MS = 60_000;

/**
 * The process's one calendar: loaded from the database at start, reloaded after this process
 * stores a year (`reload`) and whenever another one did (`refreshIfChanged`: the worker calls it
 * on every tick, and every process every minute). Working-day functions read it through
 * `useHolidayCalendar`, so they stay pure.
 */
@Injectable()
export class CalendarSource implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CalendarSource.name);
  private current = HolidayCalendar.fromPackage();
  private loadedStamp = '';
  private timer?: NodeJS.Timeout;
  private loading: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.refreshIfChanged().catch((error: Error) =>
        this.logger.warn(`holiday calendar not refreshed: ${error.message}`),
      );
    }, REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  calendar(): HolidayCalendar {
    return this.current;
  }

  /** Loads from the database now; calls are serialised, so a tick and start-up never interleave. */
  reload(): Promise<HolidayCalendar> {
    const next = this.loading.then(async () => {
      const now = await stamp(this.db.manager);
      const calendar = await loadHolidayCalendar(this.db.manager);
      this.apply(calendar, now);
      return calendar;
    });
    this.loading = next.catch(() => undefined);
    return next;
  }

  /** Reloads only when a stored year changed since the last load; true when it did. */
  async refreshIfChanged(): Promise<boolean> {
    await this.loading;
    if ((await stamp(this.db.manager)) === this.loadedStamp) return false;
    await this.reload();
    return true;
  }

  private apply(calendar: HolidayCalendar, loadedStamp: string): void {
    const changed = this.loadedStamp !== '' && this.loadedStamp !== loadedStamp;
    this.current = calendar;
    this.loadedStamp = loadedStamp;
    useHolidayCalendar(calendar);
    const stored = calendar.storedYears();
    const { firstYear, lastYear } = calendarCoverage();
    this.logger.log(
      `holiday calendar ${changed ? 'reloaded' : 'loaded'}: package ${firstYear}-${lastYear}, ` +
        `stored ${stored.length ? stored.join(', ') : 'none'}`,
    );
  }
}
