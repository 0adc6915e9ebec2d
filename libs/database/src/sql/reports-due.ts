/*
 * 应报未报, written once for the weekly digest and the supervision office's warnings and
 * statistics, so an email and a statistic never disagree about which report is owed.
 *
 * On day d an assignment owes the report of the reporting period that has just ended (the one
 * before the period containing d), at the item's frequency or else the plan's; only if the
 * plan had begun before that period ended. It is missing when no report for that period was
 * submitted (or since accepted) by day d. The fragments expect the aliases a (assignments) and
 * p (plans); `d` is a SQL date expression.
 */
import { SQL_TIME_ZONE } from '@app/calendar';
import { planWorkingSql } from '../rules/open-work';

/**
 * The assignment's reporting frequency (the report_frequency enum: compared without casts): the
 * item's own, which the assignment carries (copied by the database), or else the plan's.
 */
export const reportFrequency = 'COALESCE(a.item_report_frequency, p.report_frequency)';

const FREQUENCIES = ['week', 'month', 'quarter', 'half', 'year'] as const;

const length = (f: string) => `(CASE ${f} WHEN 'week' THEN interval '7 days'
  WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months'
  WHEN 'half' THEN interval '6 months' ELSE interval '1 year' END)`;

/**
 * Start of the period of frequency f containing day d (weeks start on Monday). On `timestamp`,
 * not `timestamptz`: the result does not hang on the session's time zone, and each branch is
 * a constant PostgreSQL folds once instead of working out per row. `asDate` casts inside each
 * branch, so the cast is folded with it (statistics compare it on every assignment).
 */
const currentStart = (d: string, f: string, asDate = false) => {
  const t = `(${d})::timestamp`;
  const c = asDate ? '::date' : '';
  return `(CASE ${f}
  WHEN 'week' THEN date_trunc('week', ${t})${c}
  WHEN 'month' THEN date_trunc('month', ${t})${c}
  WHEN 'quarter' THEN date_trunc('quarter', ${t})${c}
  WHEN 'half' THEN (date_trunc('year', ${t})
    + CASE WHEN extract(month FROM ${t}) > 6 THEN interval '6 months' ELSE interval '0' END)${c}
  ELSE date_trunc('year', ${t})${c} END)`;
};

/** Start of the period whose report is due on day d (frequency f, the assignment's by default). */
export const duePeriodStart = (d: string, f = reportFrequency): string =>
  `((${currentStart(d, f)}) - ${length(f)})::date`;

/** The plan is being carried out and had begun before that period ended: a report is owed. */
export const reportOwed = (d: string): string =>
  `(${planWorkingSql()} AND COALESCE(p.period_start, DATE '1900-01-01') < ${currentStart(d, reportFrequency, true)})`;

/*
 * The reports submitted by day d for the period due on d, at each report's own frequency: one
 * exact range of progress_reports_filed per frequency (the five pairs of frequency and period
 * start joined as VALUES), so only matching reports are read; listing the five period starts
 * alone read every frequency's reports of those days, six times as many. One row per assignment
 * and frequency: progress_reports_assignment_period is unique and each frequency has one period
 * due on d. It does not depend on the row asking, so PostgreSQL builds it once as a hashed set
 * for `reportMissing`. A statement that counts every assignment joins it instead (on
 * `assignment_id = a.id AND period_kind = reportFrequency`) and counts the missing as owed
 * minus owed-and-filed: a NOT IN subplan in its aggregate would keep PostgreSQL from
 * aggregating in parallel.
 */
export const filedReports = (
  d: string,
): string => `SELECT r.assignment_id, r.period_kind FROM progress_reports r
  JOIN (VALUES ${FREQUENCIES.map((f) => `('${f}'::report_frequency, ${duePeriodStart(d, `'${f}'`)})`).join(',\n    ')}
  ) due (kind, start) ON r.period_kind = due.kind AND r.period_start = due.start
  WHERE r.status IN ('submitted', 'accepted')
    AND (r.submitted_at AT TIME ZONE ${SQL_TIME_ZONE})::date <= ${d}`;

/** Owed on day d and not submitted by then. */
export const reportMissing = (d: string): string =>
  `(${reportOwed(d)} AND (a.id, ${reportFrequency}) NOT IN (${filedReports(d)}))`;
