import {
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  addDays,
  addWorkingDaysChecked,
  calendarCoverage,
  calendarWarning,
  CLOCK,
  Clock,
  HolidayCalendar,
  HolidayNotice,
  HolidayNoticeError,
  packageYear,
  parseHolidayNotice,
  todayIn,
} from '@app/calendar';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CalendarSource,
  HolidayCalendarYear,
  HolidayYearConflict,
  saveHolidayYear,
  UnitOfWork,
} from '@app/database';
import { Actor } from '../auth/actor';
import {
  CalendarYearsView,
  CalendarYearView,
  DayDifferenceView,
  HolidayNoticePreviewView,
  StoreHolidayYearDto,
  WorkingDaysQuery,
  WorkingDaysView,
} from './calendar.dto';

/** Holidays for any year: a notice read, shown for confirmation, stored, and read back. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly source: CalendarSource,
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(text: string): Promise<HolidayNoticePreviewView> {
    await this.source.refreshIfChanged();
    const notice = parse(text);
    const current = this.source.calendar();
    const stored = await this.db.manager.findOne(HolidayCalendarYear, {
      where: { year: notice.year },
      select: { version: true, id: true },
    });
    return {
      year: notice.year,
      title: notice.title,
      holidays: notice.holidays,
      workdays: notice.workdays,
      warnings: notice.warnings,
      comparedWith: current.yearSource(notice.year) ?? null,
      differences: differences(notice, current),
      ...(stored ? { version: stored.version } : {}),
    };
  }

  async store(actor: Actor, year: number, dto: StoreHolidayYearDto): Promise<CalendarYearView> {
    const notice = parse(dto.text);
    if (notice.year !== year) {
      throw new UnprocessableEntityException(
        `通知是${notice.year}年的安排，与要保存的${year}年不符`,
      );
    }
    if (notice.warnings.length && !dto.acceptWarnings) {
      throw new UnprocessableEntityException([
        `通知中有 ${notice.warnings.length} 处未能读取或需核对，未保存。请核对后修改原文，或确认无误后带上 acceptWarnings: true 再保存：`,
        ...notice.warnings.map((w) => (w.line ? `第 ${w.line} 行：${w.message}` : w.message)),
      ]);
    }
    let saved: HolidayCalendarYear;
    try {
      saved = await this.uow.run(actor, async (tx) => {
        const { row } = await saveHolidayYear(tx, notice, dto.text, dto.version ?? null);
        return row;
      });
    } catch (error) {
      if (error instanceof HolidayYearConflict) throw new ConflictException(error.message);
      throw error;
    }
    // This process at once; the worker and other API processes see the new stamp shortly.
    await this.source.reload();
    return this.year(saved.year);
  }

  async years(): Promise<CalendarYearsView> {
    await this.source.refreshIfChanged();
    const warning = calendarWarning(todayIn(this.clock), this.source.calendar());
    return {
      years: this.source.calendar().years(),
      package: { ...calendarCoverage() },
      // Absent when all is well (an object or nothing: the document's schema has no null object).
      ...(warning ? { warning } : {}),
    };
  }

  async year(year: number): Promise<CalendarYearView> {
    const row = await this.db.manager.findOne(HolidayCalendarYear, { where: { year } });
    if (row) {
      return {
        year,
        source: 'stored',
        title: row.title,
        holidays: row.holidays,
        workdays: row.workdays,
        version: row.version,
        updatedAt: row.updatedAt,
        updatedByUserId: row.updatedByUserId,
        sourceText: row.sourceText,
      };
    }
    const fromPackage = packageYear(year);
    if (!fromPackage) {
      throw new NotFoundException(
        `没有${year}年的节假日安排：请导入国务院办公厅《关于${year}年部分节假日安排的通知》`,
      );
    }
    return { year, source: 'package', title: null, ...fromPackage };
  }

  async workingDays(q: WorkingDaysQuery): Promise<WorkingDaysView> {
    await this.source.refreshIfChanged();
    const result = addWorkingDaysChecked(q.from, q.days, this.source.calendar());
    return {
      from: q.from,
      days: q.days,
      date: result.date,
      uncoveredYears: result.uncoveredYears,
      ...(result.uncoveredYears.length
        ? {
            warning: `${result.uncoveredYears.join('、')}年没有节假日安排数据，这些年份只按周六、周日休息计算，结果可能不准`,
          }
        : {}),
    };
  }
}

function parse(text: string): HolidayNotice {
  try {
    return parseHolidayNotice(text);
  } catch (error) {
    if (error instanceof HolidayNoticeError) throw new UnprocessableEntityException(error.message);
    throw error;
  }
}

/** Days of the notice's year (and any it spills into) on which the notice and today's calendar differ. */
function differences(notice: HolidayNotice, current: HolidayCalendar): DayDifferenceView[] {
  const proposed = HolidayCalendar.withStoredYears([notice]);
  const dates = new Set<string>();
  for (let d = `${notice.year}-01-01`; d <= `${notice.year}-12-31`; d = addDays(d, 1)) dates.add(d);
  for (const day of [...notice.holidays, ...notice.workdays]) dates.add(day.date);
  return [...dates]
    .sort()
    .filter((date) => proposed.dayType(date) !== current.dayType(date))
    .map((date) => ({
      date,
      current: current.dayType(date) ?? null,
      notice: proposed.dayType(date) ?? null,
    }));
}
