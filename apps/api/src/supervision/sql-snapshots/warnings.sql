SELECT
a.id AS "assignmentId", a.plan_id AS "planId", p.title AS "planTitle", i.section_id AS "sectionId",
a.item_id AS "itemId", i.number AS "itemNumber", i.number_text AS "itemNumberText",
i.title AS "itemTitle", a.unit_id AS "unitId", u.name AS "unitName", a.role, a.due_on AS "dueOn",
a.status, a.progress_percent AS "progressPercent",
(SELECT max((r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date) FROM progress_reports r
WHERE r.assignment_id = a.id AND (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date
) AS "lastReportOn", ($1::date - a.due_on) AS "daysOverdue", (a.due_on - $1::date) AS "daysLeft",
COALESCE(round(LEAST(100, GREATEST(0, ($1::date - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date)) * 100.0 / NULLIF(a.due_on - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date), 0)))), 0)::int AS "expectedPercent",
CASE WHEN (a.due_on < $1::date AND (a.completed_on IS NULL OR a.completed_on > $1::date)) THEN 'red' ELSE 'yellow' END AS level,
(a.due_on - $1::date <= 14::int AND a.progress_percent < LEAST(100, GREATEST(0, ($1::date - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date)) * 100.0 / NULLIF(a.due_on - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date), 0)))) AS "dueSoonBehind", ((p.status IN ('active') AND COALESCE(p.period_start, DATE '1900-01-01') < (CASE COALESCE(a.item_report_frequency, p.report_frequency)
WHEN 'week' THEN date_trunc('week', ($1::date)::timestamp)::date
WHEN 'month' THEN date_trunc('month', ($1::date)::timestamp)::date
WHEN 'quarter' THEN date_trunc('quarter', ($1::date)::timestamp)::date
WHEN 'half' THEN (date_trunc('year', ($1::date)::timestamp)
+ CASE WHEN extract(month FROM ($1::date)::timestamp) > 6 THEN interval '6 months' ELSE interval '0' END)::date
ELSE date_trunc('year', ($1::date)::timestamp)::date END)) AND NOT a.filed_days @> (($1::date)::date + (1000000 * CASE COALESCE(a.item_report_frequency, p.report_frequency) WHEN 'week' THEN 0 WHEN 'month' THEN 1 WHEN 'quarter' THEN 2
WHEN 'half' THEN 3 ELSE 4 END))) AS "reportMissing",
COALESCE(a.item_report_frequency, p.report_frequency) AS "reportFrequency", (((CASE COALESCE(a.item_report_frequency, p.report_frequency)
WHEN 'week' THEN date_trunc('week', ($1::date)::timestamp)
WHEN 'month' THEN date_trunc('month', ($1::date)::timestamp)
WHEN 'quarter' THEN date_trunc('quarter', ($1::date)::timestamp)
WHEN 'half' THEN (date_trunc('year', ($1::date)::timestamp)
+ CASE WHEN extract(month FROM ($1::date)::timestamp) > 6 THEN interval '6 months' ELSE interval '0' END)
ELSE date_trunc('year', ($1::date)::timestamp) END)) - (CASE COALESCE(a.item_report_frequency, p.report_frequency) WHEN 'week' THEN interval '7 days'
WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months'
WHEN 'half' THEN interval '6 months' ELSE interval '1 year' END))::date AS "duePeriodStart"
FROM assignments a
JOIN LATERAL (SELECT * FROM plans p0 WHERE p0.id = a.plan_id OFFSET 0) p ON true
JOIN items i ON i.id = a.item_id
JOIN units u ON u.id = a.unit_id WHERE a.completed_on IS NULL AND p.status IN ('active') AND ((a.due_on < $1::date AND (a.completed_on IS NULL OR a.completed_on > $1::date)) OR ((a.completed_on IS NULL OR a.completed_on > $1::date) AND a.due_on >= $1::date AND ((a.due_on - $1::date <= 14::int AND a.progress_percent < LEAST(100, GREATEST(0, ($1::date - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date)) * 100.0 / NULLIF(a.due_on - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date), 0)))) OR ((p.status IN ('active') AND COALESCE(p.period_start, DATE '1900-01-01') < (CASE COALESCE(a.item_report_frequency, p.report_frequency)
WHEN 'week' THEN date_trunc('week', ($1::date)::timestamp)::date
WHEN 'month' THEN date_trunc('month', ($1::date)::timestamp)::date
WHEN 'quarter' THEN date_trunc('quarter', ($1::date)::timestamp)::date
WHEN 'half' THEN (date_trunc('year', ($1::date)::timestamp)
+ CASE WHEN extract(month FROM ($1::date)::timestamp) > 6 THEN interval '6 months' ELSE interval '0' END)::date
ELSE date_trunc('year', ($1::date)::timestamp)::date END)) AND NOT a.filed_days @> (($1::date)::date + (1000000 * CASE COALESCE(a.item_report_frequency, p.report_frequency) WHEN 'week' THEN 0 WHEN 'month' THEN 1 WHEN 'quarter' THEN 2
WHEN 'half' THEN 3 ELSE 4 END))))))
ORDER BY a.due_on ASC, a.item_number ASC, a.item_id ASC, u.sort_order ASC NULLS LAST, u.name COLLATE "zh-x-icu" ASC
LIMIT 50 OFFSET 0

-- next statement
SELECT count(*)::int AS total
FROM assignments a
JOIN plans p ON p.id = a.plan_id WHERE a.completed_on IS NULL AND p.status IN ('active') AND ((a.due_on < $1::date AND (a.completed_on IS NULL OR a.completed_on > $1::date)) OR ((a.completed_on IS NULL OR a.completed_on > $1::date) AND a.due_on >= $1::date AND ((a.due_on - $1::date <= 14::int AND a.progress_percent < LEAST(100, GREATEST(0, ($1::date - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date)) * 100.0 / NULLIF(a.due_on - COALESCE(p.period_start, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date), 0)))) OR ((p.status IN ('active') AND COALESCE(p.period_start, DATE '1900-01-01') < (CASE COALESCE(a.item_report_frequency, p.report_frequency)
WHEN 'week' THEN date_trunc('week', ($1::date)::timestamp)::date
WHEN 'month' THEN date_trunc('month', ($1::date)::timestamp)::date
WHEN 'quarter' THEN date_trunc('quarter', ($1::date)::timestamp)::date
WHEN 'half' THEN (date_trunc('year', ($1::date)::timestamp)
+ CASE WHEN extract(month FROM ($1::date)::timestamp) > 6 THEN interval '6 months' ELSE interval '0' END)::date
ELSE date_trunc('year', ($1::date)::timestamp)::date END)) AND NOT a.filed_days @> (($1::date)::date + (1000000 * CASE COALESCE(a.item_report_frequency, p.report_frequency) WHEN 'week' THEN 0 WHEN 'month' THEN 1 WHEN 'quarter' THEN 2
WHEN 'half' THEN 3 ELSE 4 END))))))
