SELECT
a.id AS "assignmentId", a.plan_id AS "planId", p.title AS "planTitle", i.section_id AS "sectionId",
a.item_id AS "itemId", i.number AS "itemNumber", i.number_text AS "itemNumberText",
i.title AS "itemTitle", a.unit_id AS "unitId", u.name AS "unitName", a.role, a.due_on AS "dueOn",
a.status, a.progress_percent AS "progressPercent",
(SELECT max((r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date) FROM progress_reports r
WHERE r.assignment_id = a.id AND (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date
) AS "lastReportOn", ($1::date - a.due_on) AS "daysOverdue"
FROM assignments a
JOIN plans p ON p.id = a.plan_id
JOIN items i ON i.id = a.item_id
JOIN units u ON u.id = a.unit_id WHERE a.completed_on IS NULL AND p.status IN ('active') AND a.unit_id = $2 AND a.due_on < $1::date
ORDER BY a.due_on ASC, a.item_number ASC, a.item_id ASC, u.sort_order ASC NULLS LAST, u.name COLLATE "zh-x-icu" ASC
LIMIT 50 OFFSET 0

-- next statement
SELECT count(*)::int AS total
FROM assignments a
JOIN plans p ON p.id = a.plan_id WHERE a.completed_on IS NULL AND p.status IN ('active') AND a.unit_id = $2 AND a.due_on < $1::date
