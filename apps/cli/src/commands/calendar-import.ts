import { DataSource } from 'typeorm';
import { addDays, HolidayNotice, OfficialDay, parseHolidayNotice } from '@app/calendar';
import { loadHolidayCalendar, saveHolidayYear, UnitOfWork } from '@app/database';
import { readPlanSourceText } from './plan-parse';

const SYSTEM = { userId: null, unitId: null };

/** `1月1日—3日` style runs of consecutive days, per holiday, for a person to check at a glance. */
function runs(days: OfficialDay[]): string[] {
  const out: Array<{ name: string; from: string; to: string; count: number }> = [];
  for (const day of days) {
    const last = out.at(-1);
    if (last && last.name === day.name && addDays(last.to, 1) === day.date) {
      last.to = day.date;
      last.count += 1;
    } else {
      out.push({ name: day.name, from: day.date, to: day.date, count: 1 });
    }
  }
  return out.map((r) =>
    r.count === 1
      ? `${r.name}：${r.from}（1天）`
      : `${r.name}：${r.from} 至 ${r.to}（${r.count}天）`,
  );
}

export function describeNotice(notice: HolidayNotice): string {
  return [
    `${notice.title ?? '（无标题）'}：${notice.year}年`,
    `放假 ${notice.holidays.length} 天：`,
    ...runs(notice.holidays).map((l) => `  ${l}`),
    `调休上班 ${notice.workdays.length} 天：`,
    ...notice.workdays.map((d) => `  ${d.date}（${d.name}）`),
    `${notice.warnings.length} 条提示`,
    ...notice.warnings.map((w) => `  ${w.line ? `第 ${w.line} 行：` : ''}${w.message}`),
  ].join('\n');
}

export interface CalendarImportOutcome {
  notice: HolidayNotice;
  saved: boolean;
  /** Why it was not saved, for the person at the terminal. */
  reason?: string;
  replaced?: boolean;
  differences: number;
  previousSource?: 'package' | 'stored';
}

/**
 * `calendar:import <file> [--yes] [--accept-warnings]`: reads a holiday notice and shows what it
 * says; with --yes stores it (audited, replacing a stored year), the way the API's PUT does.
 */
export async function importHolidayNotice(
  db: DataSource,
  file: string,
  options: { yes: boolean; acceptWarnings: boolean },
): Promise<CalendarImportOutcome> {
  const text = await readPlanSourceText(file);
  const notice = parseHolidayNotice(text);
  const current = await loadHolidayCalendar(db.manager);
  let differences = 0;
  for (let d = `${notice.year}-01-01`; d <= `${notice.year}-12-31`; d = addDays(d, 1)) {
    const proposed = notice.holidays.some((h) => h.date === d)
      ? 'holiday'
      : notice.workdays.some((w) => w.date === d)
        ? 'workday'
        : undefined;
    if (current.isYearCovered(notice.year) && proposed !== current.dayType(d)) differences += 1;
  }
  const base = { notice, differences, previousSource: current.yearSource(notice.year) };
  if (!options.yes)
    return { ...base, saved: false, reason: '未保存：核对无误后加 --yes 再运行即保存' };
  if (notice.warnings.length && !options.acceptWarnings) {
    return {
      ...base,
      saved: false,
      reason:
        '未保存：通知中有未能读取或需核对之处；核对原文后重试，或确认无误后加 --accept-warnings',
    };
  }
  const { created } = await new UnitOfWork(db).run(SYSTEM, (tx) =>
    saveHolidayYear(tx, notice, text),
  );
  return { ...base, saved: true, replaced: !created };
}
