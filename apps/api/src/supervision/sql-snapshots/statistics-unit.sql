WITH targets AS MATERIALIZED (
SELECT x.id, count(*) AS targets,
count(*) FILTER (WHERE x.standing = 'met') AS met,
count(*) FILTER (WHERE x.standing = 'behind') AS behind,
count(*) FILTER (WHERE x.standing = 'not_due') AS "notDue"
FROM (
SELECT a.unit_id AS id,
(CASE WHEN got.achieved >= (rt.count * CASE rt.per WHEN 'week' THEN 52 WHEN 'month' THEN 12 WHEN 'quarter' THEN 4 WHEN 'half' THEN 2 WHEN 'year' THEN 1 ELSE 1 END) THEN 'met'
WHEN got.achieved < floor((rt.count * CASE rt.per WHEN 'week' THEN 52 WHEN 'month' THEN 12 WHEN 'quarter' THEN 4 WHEN 'half' THEN 2 WHEN 'year' THEN 1 ELSE 1 END) * LEAST(1.0, GREATEST(0.0, (($1::date) - ((CASE WHEN rt.per = 'term' THEN COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)) ELSE date_trunc('year', $1::date)::date END)) + 1)::numeric / GREATEST(1, ((CASE WHEN rt.per = 'term' THEN (CASE WHEN COALESCE(p.period_end, p.default_due_on, make_date(GREATEST(extract(year FROM COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)))::int, extract(year FROM COALESCE(p.period_end, p.default_due_on, COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1))))::int), 12, 31)) < COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)) THEN make_date(GREATEST(extract(year FROM COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)))::int, extract(year FROM COALESCE(p.period_end, p.default_due_on, COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1))))::int), 12, 31) ELSE COALESCE(p.period_end, p.default_due_on, make_date(GREATEST(extract(year FROM COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)))::int, extract(year FROM COALESCE(p.period_end, p.default_due_on, COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1))))::int), 12, 31)) END) ELSE (date_trunc('year', $1::date) + interval '1 year - 1 day')::date END)) - ((CASE WHEN rt.per = 'term' THEN COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)) ELSE date_trunc('year', $1::date)::date END)) + 1)))) THEN 'behind' ELSE 'not_due' END) AS standing
FROM assignments a
JOIN plans p ON p.id = a.plan_id
JOIN recurring_targets rt ON rt.item_id = a.item_id
CROSS JOIN LATERAL (
SELECT COALESCE(sum((f->>'value')::numeric), 0) AS achieved FROM progress_reports tr
CROSS JOIN LATERAL jsonb_array_elements(tr.figures) f
WHERE tr.assignment_id = a.id AND tr.status = 'accepted' AND f->>'targetId' = rt.id::text
AND extract(year FROM tr.period_start) BETWEEN extract(year FROM (CASE WHEN rt.per = 'term' THEN COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)) ELSE date_trunc('year', $1::date)::date END))
AND extract(year FROM (CASE WHEN rt.per = 'term' THEN (CASE WHEN COALESCE(p.period_end, p.default_due_on, make_date(GREATEST(extract(year FROM COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)))::int, extract(year FROM COALESCE(p.period_end, p.default_due_on, COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1))))::int), 12, 31)) < COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)) THEN make_date(GREATEST(extract(year FROM COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)))::int, extract(year FROM COALESCE(p.period_end, p.default_due_on, COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1))))::int), 12, 31) ELSE COALESCE(p.period_end, p.default_due_on, make_date(GREATEST(extract(year FROM COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1)))::int, extract(year FROM COALESCE(p.period_end, p.default_due_on, COALESCE(p.period_start, make_date(extract(year FROM COALESCE(p.issued_on, $1::date))::int, 1, 1))))::int), 12, 31)) END) ELSE (date_trunc('year', $1::date) + interval '1 year - 1 day')::date END))
AND (tr.reviewed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date) got
WHERE p.status IN ('active')
) x GROUP BY x.id),  g AS (
SELECT a.unit_id AS id, count(*) AS assigned,
count(*) FILTER (WHERE a.completed_on <= $1::date) AS completed,
count(*) FILTER (WHERE a.completed_on <= $1::date AND a.completed_on <= a.due_on) AS "completedOnTime",
count(*) FILTER (WHERE a.completed_on <= $1::date
AND a.completed_on <= COALESCE(a.original_due_on, a.due_on)) AS "completedOnOriginalTime",
count(*) FILTER (WHERE a.original_due_on IS NOT NULL) AS extended,
count(*) FILTER (WHERE a.acknowledged_at IS NULL
AND a.completed_on IS NULL) AS unacknowledged,
count(*) FILTER (WHERE a.acknowledged_at IS NULL AND a.acknowledge_by < $1::date
AND a.completed_on IS NULL) AS "acknowledgementLate",
count(*) FILTER (WHERE a.due_on <= $1::date) AS due,
count(*) FILTER (WHERE (a.due_on < $1::date AND (a.completed_on IS NULL OR a.completed_on > $1::date))) AS overdue,
count(*) FILTER (WHERE (a.completed_on IS NULL OR a.completed_on > $1::date) AND (p.status IN ('active') AND COALESCE(p.period_start, DATE '1900-01-01') < (CASE COALESCE(a.item_report_frequency, p.report_frequency)
WHEN 'week' THEN date_trunc('week', ($1::date)::timestamp)::date
WHEN 'month' THEN date_trunc('month', ($1::date)::timestamp)::date
WHEN 'quarter' THEN date_trunc('quarter', ($1::date)::timestamp)::date
WHEN 'half' THEN (date_trunc('year', ($1::date)::timestamp)
+ CASE WHEN extract(month FROM ($1::date)::timestamp) > 6 THEN interval '6 months' ELSE interval '0' END)::date
ELSE date_trunc('year', ($1::date)::timestamp)::date END))) AS "reportsDue",
count(*) FILTER (WHERE a.filed_days @> (($1::date)::date + (1000000 * CASE COALESCE(a.item_report_frequency, p.report_frequency) WHEN 'week' THEN 0 WHEN 'month' THEN 1 WHEN 'quarter' THEN 2
WHEN 'half' THEN 3 ELSE 4 END)) AND (a.completed_on IS NULL OR a.completed_on > $1::date) AND (p.status IN ('active') AND COALESCE(p.period_start, DATE '1900-01-01') < (CASE COALESCE(a.item_report_frequency, p.report_frequency)
WHEN 'week' THEN date_trunc('week', ($1::date)::timestamp)::date
WHEN 'month' THEN date_trunc('month', ($1::date)::timestamp)::date
WHEN 'quarter' THEN date_trunc('quarter', ($1::date)::timestamp)::date
WHEN 'half' THEN (date_trunc('year', ($1::date)::timestamp)
+ CASE WHEN extract(month FROM ($1::date)::timestamp) > 6 THEN interval '6 months' ELSE interval '0' END)::date
ELSE date_trunc('year', ($1::date)::timestamp)::date END)))
AS "reportsFiled"
FROM assignments a
JOIN plans p ON p.id = a.plan_id
WHERE p.status IN ('active')
GROUP BY a.unit_id
)
SELECT g.id, gu.name AS name, g.assigned::int, g.completed::int, g."completedOnTime"::int, g.due::int,
g."completedOnOriginalTime"::int, g.extended::int, g.unacknowledged::int,
g."acknowledgementLate"::int,
CASE WHEN g.due > 0 THEN round(g."completedOnTime" * 1.0 / g.due, 4)::float8 END AS "onTimeRate",
g.overdue::int, (SELECT count(*) FROM supervision_notices n
WHERE n.unit_id = g.id AND n.status IN ('issued', 'returned') AND n.reply_by < $1::date)::int AS "noticesOverdue", g."reportsDue"::int,
(g."reportsDue" - g."reportsFiled")::int AS "reportsMissing",
COALESCE(t.targets, 0)::int AS "recurringTargets", COALESCE(t.met, 0)::int AS "recurringTargetsMet",
COALESCE(t.behind, 0)::int AS "recurringTargetsBehind",
COALESCE(t."notDue", 0)::int AS "recurringTargetsNotDue",
rank() OVER (ORDER BY CASE WHEN g.due > 0 THEN g."completedOnTime" * 1.0 / g.due END DESC NULLS LAST,
g.overdue ASC)::int AS rank
FROM g JOIN units gu ON gu.id = g.id LEFT JOIN targets t ON t.id = g.id
ORDER BY rank, gu.sort_order ASC NULLS LAST, gu.name COLLATE "zh-x-icu" ASC
