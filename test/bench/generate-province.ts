import { SQL_TIME_ZONE } from '@app/calendar';
import { DataSource } from 'typeorm';

export interface ProvinceSize {
  units: number;
  plans: number;
  itemsPerPlan: number;
  unitsPerItem: number;
  reports: number;
}

export const PROVINCE: ProvinceSize = {
  units: 2000,
  plans: 2000,
  itemsPerPlan: 30,
  unitsPerItem: 5,
  reports: 1_000_000,
};

/**
 * The province data set `scale` times over, made the same way: more units and plans (items per
 * plan and units per item stay), so at 5 it is 10,000 units, 1.5 million assignments and 5
 * million reports.
 */
export function provinceAt(scale: number): ProvinceSize {
  return {
    ...PROVINCE,
    units: PROVINCE.units * scale,
    plans: PROVINCE.plans * scale,
    reports: PROVINCE.reports * scale,
  };
}

/**
 * Statistics for the planner, and the visibility map autovacuum keeps on a database in use:
 * without it an index-only scan over freshly written rows still reads the table (the reports
 * filed for a period: 90 ms instead of 15).
 */
async function settle(db: DataSource): Promise<void> {
  await db.query('VACUUM ANALYZE units, plans, sections, items, assignments, progress_reports');
}

/**
 * A province-scale data set for the supervision benchmarks, written with set-based SQL (seconds,
 * not hours). Rows are spread by a hash of their number, so every run makes the same data.
 * It bypasses the audit trail on purpose: it is load, not anybody's work.
 */
export async function generateProvince(db: DataSource, size: ProvinceSize = PROVINCE) {
  const started = Date.now();
  await db.transaction(async (m) => {
    await m.query(
      `INSERT INTO units (name, kind, emails)
       SELECT '基准单位' || g, CASE WHEN g % 5 = 0 THEN 'town' ELSE 'department' END::unit_kind,
              ARRAY['unit' || g || '@bench.example']
       FROM generate_series(1, $1) g
       ON CONFLICT (name) DO NOTHING`,
      [size.units],
    );
    await m.query(
      `INSERT INTO plans (title, doc_number, period_start, period_end, default_due_on, status, issued_on)
       SELECT '基准方案' || g, '基准文〔2022〕' || g || '号', '2022-01-01', '2025-12-31', '2025-12-31',
              'active', '2022-01-01'::date + (g % 300)
       FROM generate_series(1, $1) g`,
      [size.plans],
    );
    await m.query(
      `INSERT INTO sections (plan_id, number, number_text, title)
       SELECT p.id, s, s::text, '第' || s || '部分' FROM plans p CROSS JOIN generate_series(1, 3) s
       WHERE p.doc_number LIKE '基准文%'`,
    );
    await m.query(
      `INSERT INTO items (plan_id, section_id, number, number_text, title, body, due_on)
       SELECT p.id, sec.id, i, i::text, '基准条目' || i, '推进落实第' || i || '项工作',
              '2022-06-30'::date + (abs(hashtext(p.id::text || i)::bigint) % 1280)::int
       FROM plans p CROSS JOIN generate_series(1, $1) i
       JOIN sections sec ON sec.plan_id = p.id AND sec.number = 1 + (i - 1) * 3 / $1
       WHERE p.doc_number LIKE '基准文%'`,
      [size.itemsPerPlan],
    );
    // Distinct units per item: consecutive slots in a hashed walk over the unit numbers.
    await m.query(
      `WITH bench_units AS (
         SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM units WHERE name LIKE '基准单位%'
       ), slots AS (
         SELECT it.id AS item_id, it.plan_id, it.due_on, j,
                ((abs(hashtext(it.id::text)::bigint) + j * 397) % $2)::int AS k
         FROM items it JOIN plans p ON p.id = it.plan_id AND p.doc_number LIKE '基准文%'
         CROSS JOIN generate_series(0, $1 - 1) j
       ), shaped AS (
         SELECT s.*, u.id AS unit_id, (abs(hashtext(s.item_id::text || s.j)::bigint) % 100)::int AS r FROM slots s
         JOIN bench_units u ON u.k = s.k
       )
       INSERT INTO assignments (plan_id, item_id, unit_id, role, due_on, status, progress_percent, completed_on)
       SELECT plan_id, item_id, unit_id,
              CASE WHEN j = 0 THEN 'lead' ELSE 'co' END::assignment_role, due_on,
              CASE WHEN r < 45 THEN 'completed' WHEN r < 75 THEN 'in_progress' ELSE 'not_started' END::assignment_status,
              CASE WHEN r < 45 THEN 100 WHEN r < 75 THEN r ELSE 0 END,
              CASE WHEN r < 45 THEN due_on + (r % 30) - 20 END
       FROM shaped`,
      [size.unitsPerItem, size.units],
    );
  });
  const reportsStarted = Date.now();
  await insertReports(db, size.reports);
  const reportSeconds = (Date.now() - reportsStarted) / 1000;
  await settle(db);
  return { ...(await countRows(db)), seconds: (Date.now() - started) / 1000, reportSeconds };
}

/**
 * Progress reports for the generated assignments, for a data set that has none yet (an older
 * one): the same rows `generateProvince` writes. Does nothing if the reports are there.
 */
export async function generateReports(db: DataSource, size: ProvinceSize = PROVINCE) {
  const started = Date.now();
  const [{ n }] = await db.query(
    `SELECT count(*)::int AS n FROM progress_reports r JOIN assignments a ON a.id = r.assignment_id
     JOIN plans p ON p.id = a.plan_id WHERE p.doc_number LIKE '基准文%'`,
  );
  if (n === 0) {
    await insertReports(db, size.reports);
    await settle(db);
  }
  return { ...(await countRows(db)), seconds: (Date.now() - started) / 1000, added: n === 0 };
}

async function countRows(db: DataSource) {
  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM plans)::int AS plans,
            (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM assignments)::int AS assignments,
            (SELECT count(*) FROM progress_reports)::int AS reports`,
  );
  return counts as {
    units: number;
    plans: number;
    items: number;
    assignments: number;
    reports: number;
  };
}

/**
 * Monthly progress reports (the plans' default frequency), exactly `total` of them, in one
 * INSERT ... SELECT. Each assignment may report every month from its plan's start to the month
 * it was completed in (open work: the month it is due). How many it filed depends on its status:
 * completed work 3–9 reports, work in progress 1–5, work not started at most one; the counts are
 * then scaled (with exact rounding along a running sum) so they add up to `total`. An
 * assignment's reports are spread evenly over its months, the latest in its last month.
 * Older reports are accepted (a few returned and never filed again); the latest report of open
 * work is submitted, draft, returned or accepted. Percent rises month by month to the
 * assignment's progress; about half the reports carry figures. Submitted a few days after the
 * period ends, reviewed a few days later (09:00–18:00 Beijing time), by the leadership office.
 */
async function insertReports(db: DataSource, total: number) {
  // Fresh statistics first: with the planner's idea of an empty assignments table the query
  // below takes a plan that never finishes.
  await settle(db);
  await db.transaction(async (m) => {
    // A million foreign-key checks cost more than checking them all at once afterwards (the
    // constraint comes back as it was, in the same transaction). Rows go in in index order.
    const foreignKeys: Array<{ name: string; definition: string }> = await m.query(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = 'progress_reports'::regclass AND contype = 'f'`,
    );
    for (const fk of foreignKeys) {
      await m.query(`ALTER TABLE progress_reports DROP CONSTRAINT "${fk.name}"`);
    }
    await m.query(
      `WITH owed AS (
         SELECT a.id, a.status, a.progress_percent, span.first,
                ((extract(year FROM span.last) - extract(year FROM span.first)) * 12
                 + extract(month FROM span.last) - extract(month FROM span.first))::int + 1 AS months,
                abs(hashtext(a.id::text || 'reports')::bigint) AS h
         FROM assignments a JOIN plans p ON p.id = a.plan_id
         CROSS JOIN LATERAL (
           SELECT date_trunc('month', p.period_start)::date AS first,
                  date_trunc('month', GREATEST(p.period_start,
                    LEAST(COALESCE(a.completed_on, a.due_on), p.period_end)))::date AS last
         ) span
         WHERE p.doc_number LIKE '基准文%' AND p.period_start IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = a.id)
       ), wanted AS (
         SELECT *, LEAST(months, CASE status WHEN 'completed' THEN 3 + h % 7
                                             WHEN 'not_started' THEN h % 2 ELSE 1 + h % 5 END)::bigint AS c
         FROM owed
       ), running AS (
         SELECT *, (sum(c) OVER (ORDER BY id))::bigint AS upto, (sum(c) OVER ())::bigint AS all_wanted
         FROM wanted
       ), counted AS (
         SELECT *, (upto * LEAST($1::bigint, all_wanted) / all_wanted
                    - (upto - c) * LEAST($1::bigint, all_wanted) / all_wanted)::int AS n
         FROM running WHERE all_wanted > 0
       ), reports AS (
         SELECT w.id AS assignment_id, w.status AS work_status, w.progress_percent, w.months, k,
                (w.first + make_interval(months => w.months - 1 - (k * w.months / w.n)))::date AS period_start,
                w.months - 1 - (k * w.months / w.n) AS idx,
                (abs(hashtext(w.id::text || ':' || k)::bigint) % 100)::int AS r
         FROM counted w CROSS JOIN LATERAL generate_series(0, w.n - 1) k
         WHERE w.n > 0
       ), shaped AS (
         SELECT rp.*,
                CASE
                  WHEN rp.k > 0 OR rp.work_status = 'completed' THEN
                    CASE WHEN rp.r < 3 THEN 'returned' ELSE 'accepted' END
                  WHEN rp.work_status = 'not_started' THEN
                    CASE WHEN rp.r < 60 THEN 'draft' ELSE 'submitted' END
                  WHEN rp.r < 35 THEN 'submitted' WHEN rp.r < 55 THEN 'draft'
                  WHEN rp.r < 70 THEN 'returned' ELSE 'accepted'
                END::report_status AS status
         FROM reports rp
       ), timed AS (
         SELECT s.*, (s.period_start + interval '1 month' - interval '1 day')::date AS period_end,
                ((s.period_start + interval '1 month' + (s.r % 10) * interval '1 day'
                  + (9 + s.r % 9) * interval '1 hour' + (s.r * 7 % 60) * interval '1 minute')::timestamp
                  AT TIME ZONE ${SQL_TIME_ZONE}) AS filed_at
         FROM shaped s
       )
       INSERT INTO progress_reports (assignment_id, period_kind, period_start, period_end, work_done, figures,
         problems, next_steps, percent, status, review_comment, submitted_at, reviewed_at,
         reviewed_by_user_id, version, created_at, updated_at)
       SELECT t.assignment_id, 'month', t.period_start, t.period_end,
              to_char(t.period_start, 'YYYY"年"FMMM"月"') || '：按方案要求推进落实，完成阶段性工作（第 ' || (t.idx + 1) || ' 期）。',
              CASE WHEN t.r % 2 = 0 THEN jsonb_build_array(
                     jsonb_build_object('name', '开展专项检查', 'value', 1 + t.r % 12, 'unit', '次'),
                     jsonb_build_object('name', '整改问题', 'value', t.r % 30, 'unit', '个'))
                   WHEN t.r % 5 = 1 THEN jsonb_build_array(
                     jsonb_build_object('name', '培训人次', 'value', 20 + t.r * 3, 'unit', '人次'))
                   ELSE '[]'::jsonb END,
              CASE WHEN t.r % 4 = 0 THEN '基层人员力量不足，部分工作进度偏慢。' ELSE '' END,
              CASE WHEN t.r % 3 = 0 THEN '下一步将加强督促检查，确保按期完成。' ELSE '' END,
              t.progress_percent * (t.idx + 1) / t.months,
              t.status,
              CASE t.status WHEN 'returned' THEN '佐证材料不全，请补充后重新报送。'
                            WHEN 'accepted' THEN CASE WHEN t.r % 10 = 0 THEN '同意。' END END,
              CASE WHEN t.status <> 'draft' THEN t.filed_at END,
              CASE WHEN t.status IN ('accepted', 'returned') THEN t.filed_at + (1 + t.r % 6) * interval '1 day' END,
              CASE WHEN t.status IN ('accepted', 'returned') THEN (SELECT id FROM users WHERE username = 'leader') END,
              CASE t.status WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END,
              t.filed_at - interval '2 hours',
              CASE WHEN t.status IN ('accepted', 'returned') THEN t.filed_at + (1 + t.r % 6) * interval '1 day'
                   WHEN t.status = 'submitted' THEN t.filed_at ELSE t.filed_at - interval '2 hours' END
       FROM timed t
       ORDER BY t.assignment_id, t.period_start`,
      [total],
    );
    for (const fk of foreignKeys) {
      await m.query(`ALTER TABLE progress_reports ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
    }
  });
  // The reports' trigger wrote each assignment with a filed report once more (its filed days),
  // leaving a dead version of three rows in four: a database in use reuses that room, a data
  // set made at once is left as a restored backup would be, compact.
  await db.query('VACUUM FULL assignments');
}
