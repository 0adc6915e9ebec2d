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
import { planWorkingSql } from '../rules/open-work';

/**
 * The assignment's reporting frequency (the report_frequency enum: compared without casts): the
 * item's own, which the assignment carries (copied by the database), or else the plan's.
 */
export const reportFrequency = 'COALESCE(a.item_report_frequency, p.report_frequency)';

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

/**
 * The era of a frequency's filed days: migration AssignmentsFiledDays keeps the days of every
 * frequency's reports in one column, each frequency's shifted this many days on (week 0, month
 * 1, quarter 2, half 3, year 4), so asking in the era of the frequency in force needs no rewrite
 * when the item's or the plan's frequency changes.
 */
const filedEra = (f: string): string =>
  `(1000000 * CASE ${f} WHEN 'week' THEN 0 WHEN 'month' THEN 1 WHEN 'quarter' THEN 2
    WHEN 'half' THEN 3 ELSE 4 END)`;

/**
 * A report for the period due on day d was submitted (or since accepted) by then: the days each
 * assignment's reports count as filed are kept on its row by the database (filed_days, see
 * migration AssignmentsFiledDays, which states the same rule over the reports), so the test
 * reads no other table and costs every counted row the same, however many reports there are.
 */
export const reportFiled = (d: string): string =>
  `a.filed_days @> ((${d})::date + ${filedEra(reportFrequency)})`;

/** Owed on day d and not submitted by then. */
export const reportMissing = (d: string): string => `(${reportOwed(d)} AND NOT ${reportFiled(d)})`;
