import { daysBetween, PERIODS_PER_YEAR, PeriodKind } from '@app/calendar';

/*
 * The standing of a recurring target (每年至少…次, 任期内至少…次), written once for
 * `GET /assignments/:id/targets` (TypeScript) and the statistics (the SQL twin below, built from
 * the same constants; a test runs both over the same cases).
 *
 * A target is judged over its period: a calendar year for 每年/每季度/每月… (the yearly count is
 * the per-period count times the periods in a year), the plan's whole period for 任期内 (counted
 * once, never once per year). On day d:
 *   met      the accepted figures reach the required count;
 *   behind   they fall short of the share of the count due by d (pro rata over the period,
 *            rounded down): a yearly target of 4 wants 2 by the start of July, all 4 once the
 *            year is over; a target of 1 is behind only when its period has ended without it;
 *   not_due  otherwise: nothing is yet owed that is missing (not yet due).
 */

export type TargetStandingKind = 'met' | 'behind' | 'not_due';

export const TARGET_STANDINGS: readonly TargetStandingKind[] = ['met', 'behind', 'not_due'];

export const TARGET_STANDING_LABEL: Record<TargetStandingKind, string> = {
  met: '已达标',
  behind: '进度落后',
  not_due: '未到期',
};

export type TargetPer = PeriodKind | 'term';

export const isTermTarget = (per: string): boolean => per === 'term';

/** The count required over the target's period (a year, or the term). */
export function requiredCount(count: number, per: string): number {
  return isTermTarget(per) ? count : count * (PERIODS_PER_YEAR[per as PeriodKind] ?? 1);
}

export interface TargetPeriod {
  start: string;
  end: string;
}

/** The share of the period elapsed by day `d`, from 0 (before it) to 1 (on its last day or after). */
export function elapsedShare(period: TargetPeriod, d: string): number {
  const length = daysBetween(period.start, period.end) + 1;
  const done = daysBetween(period.start, d) + 1;
  return Math.max(0, Math.min(1, done / Math.max(1, length)));
}

export function targetStanding(
  required: number,
  achieved: number,
  period: TargetPeriod,
  d: string,
): TargetStandingKind {
  if (achieved >= required) return 'met';
  return achieved < Math.floor(required * elapsedShare(period, d)) ? 'behind' : 'not_due';
}

/** The plan's term (任期): its period, else the years of its dates, else the year of `d`. */
export function planTerm(
  plan: {
    periodStart: string | null;
    periodEnd: string | null;
    issuedOn: string | null;
    defaultDueOn: string | null;
  },
  d: string,
): TargetPeriod {
  const start = plan.periodStart ?? `${(plan.issuedOn ?? d).slice(0, 4)}-01-01`;
  const endYear = Math.max(
    Number(start.slice(0, 4)),
    Number((plan.periodEnd ?? plan.defaultDueOn ?? start).slice(0, 4)),
  );
  const end = plan.periodEnd ?? plan.defaultDueOn ?? `${endYear}-12-31`;
  return { start, end: end < start ? `${endYear}-12-31` : end };
}

/* ---- The SQL twin (for set-based statistics). `d` is a SQL date expression. ---- */

/** requiredCount over the columns of recurring_targets (alias `rt`). */
export const requiredCountSql = (rt = 'rt'): string =>
  `(${rt}.count * CASE ${rt}.per ${Object.entries(PERIODS_PER_YEAR)
    .map(([per, n]) => `WHEN '${per}' THEN ${n}`)
    .join(' ')} ELSE 1 END)`;

/** planTerm over the columns of plans (alias `p`): start and end as SQL dates. */
export function planTermSql(d: string, p = 'p'): { start: string; end: string } {
  const start = `COALESCE(${p}.period_start, make_date(extract(year FROM COALESCE(${p}.issued_on, ${d}))::int, 1, 1))`;
  const endYear = `GREATEST(extract(year FROM ${start})::int, extract(year FROM COALESCE(${p}.period_end, ${p}.default_due_on, ${start}))::int)`;
  const end = `COALESCE(${p}.period_end, ${p}.default_due_on, make_date(${endYear}, 12, 31))`;
  return {
    start,
    end: `(CASE WHEN ${end} < ${start} THEN make_date(${endYear}, 12, 31) ELSE ${end} END)`,
  };
}

/** The target's period on day d: the calendar year of d, or the plan's term. */
export function targetPeriodSql(d: string, rt = 'rt', p = 'p'): { start: string; end: string } {
  const term = planTermSql(d, p);
  return {
    start: `(CASE WHEN ${rt}.per = 'term' THEN ${term.start} ELSE date_trunc('year', ${d})::date END)`,
    end: `(CASE WHEN ${rt}.per = 'term' THEN ${term.end} ELSE (date_trunc('year', ${d}) + interval '1 year - 1 day')::date END)`,
  };
}

/** targetStanding in SQL: 'met', 'behind' or 'not_due'. */
export function targetStandingSql(
  required: string,
  achieved: string,
  period: { start: string; end: string },
  d: string,
): string {
  const length = `GREATEST(1, (${period.end}) - (${period.start}) + 1)`;
  const elapsed = `LEAST(1.0, GREATEST(0.0, ((${d}) - (${period.start}) + 1)::numeric / ${length}))`;
  return `(CASE WHEN ${achieved} >= ${required} THEN 'met'
    WHEN ${achieved} < floor(${required} * ${elapsed}) THEN 'behind' ELSE 'not_due' END)`;
}
