import { SQL_TIME_ZONE } from '@app/calendar';
import { openOnSql, reportMissing } from '@app/database';

/** Accumulates WHERE conditions with numbered parameters for a hand-written query. */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** Registers a value and returns its placeholder ($n). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `sql` may use `?` once for `value`. */
  add(sql: string, value?: unknown): this {
    this.parts.push(value === undefined ? sql : sql.replace('?', this.param(value)));
    return this;
  }

  get where(): string {
    return this.parts.length ? `WHERE ${this.all}` : '';
  }

  /** The conditions alone, for a second WHERE over the same rows. */
  get all(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'TRUE';
  }
}

/*
 * The rules of the warning lights, written once for every query that shows them. They expect
 * the aliases a (assignments) and p (plans); `d` is the as-of date as a SQL expression.
 */
const START = `COALESCE(p.period_start, (a.created_at AT TIME ZONE ${SQL_TIME_ZONE})::date)`;

/** Not completed by day d: the one open-work rule of @app/database. */
export const openOn = (d: string): string => openOnSql(d);

/** Overdue on day d: due before it and still open. */
export const overdueOn = (d: string): string => `(a.due_on < ${d} AND ${openOn(d)})`;

/**
 * Progress expected by day d if the work advanced evenly from the plan's start (or the day it
 * was assigned) to its due date.
 */
export const expectedPercent = (d: string): string =>
  `LEAST(100, GREATEST(0, (${d} - ${START}) * 100.0 / NULLIF(a.due_on - ${START}, 0)))`;

/** Due within `days` of day d and behind the progress expected by then. */
export const dueSoonBehind = (d: string, days: string): string =>
  `(a.due_on - ${d} <= ${days}::int AND a.progress_percent < ${expectedPercent(d)})`;

/**
 * Yellow on day d: open, not yet due, and either due soon and behind or missing the report due
 * on d (the weekly digest's rule, from @app/database).
 */
export const yellowOn = (d: string, days: string): string =>
  `(${openOn(d)} AND a.due_on >= ${d} AND (${dueSoonBehind(d, days)} OR ${reportMissing(d)}))`;
