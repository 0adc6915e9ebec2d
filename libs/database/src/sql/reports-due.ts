/*
 * 应报未报, written once for the weekly digest and the supervision office's warnings and
 * statistics, so an email and a statistic never disagree about which report is owed.
 *
 * On day d an assignment owes the report of the reporting period that has just ended (the one
 * before the period containing d), at the item's frequency or else the plan's; only if the
 * plan had begun before that period ended. It is missing when no report for that period was
 * submitted (or since accepted) by day d. The fragments expect the aliases a (assignments),
 * i (items) and p (plans); `d` is a SQL date expression.
 */

/** The assignment's reporting frequency, as text. */
export const reportFrequency = 'COALESCE(i.report_frequency, p.report_frequency)::text';

const LENGTH = `CASE ${reportFrequency} WHEN 'week' THEN interval '7 days'
  WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months'
  WHEN 'half' THEN interval '6 months' ELSE interval '1 year' END`;

/** Start of the period containing day d (weeks start on Monday). */
const currentStart = (d: string) => `(CASE ${reportFrequency}
  WHEN 'week' THEN date_trunc('week', ${d})
  WHEN 'month' THEN date_trunc('month', ${d})
  WHEN 'quarter' THEN date_trunc('quarter', ${d})
  WHEN 'half' THEN date_trunc('year', ${d})
    + CASE WHEN extract(month FROM ${d}) > 6 THEN interval '6 months' ELSE interval '0' END
  ELSE date_trunc('year', ${d}) END)`;

/** Start of the period whose report is due on day d. */
export const duePeriodStart = (d: string): string => `((${currentStart(d)}) - (${LENGTH}))::date`;

/** The plan is being carried out and had begun before that period ended: a report is owed. */
export const reportOwed = (d: string): string =>
  `(p.status = 'active' AND COALESCE(p.period_start, DATE '1900-01-01') < (${currentStart(d)})::date)`;

/** Owed on day d and not submitted by then. */
export const reportMissing = (d: string): string => `(${reportOwed(d)} AND NOT EXISTS (
    SELECT 1 FROM progress_reports r WHERE r.assignment_id = a.id
      AND r.period_kind::text = ${reportFrequency} AND r.period_start = ${duePeriodStart(d)}
      AND r.status IN ('submitted', 'accepted')
      AND (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= ${d}))`;
