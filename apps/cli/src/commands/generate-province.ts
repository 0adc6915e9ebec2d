import { DataSource } from 'typeorm';

export interface ProvinceSize {
  units: number;
  plans: number;
  itemsPerPlan: number;
  unitsPerItem: number;
}

export const PROVINCE: ProvinceSize = {
  units: 2000,
  plans: 2000,
  itemsPerPlan: 30,
  unitsPerItem: 5,
};

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
              '2022-06-30'::date + (abs(hashtext(p.id::text || i)) % 1280)
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
                (abs(hashtext(it.id::text)) + j * 397) % $2 AS k
         FROM items it JOIN plans p ON p.id = it.plan_id AND p.doc_number LIKE '基准文%'
         CROSS JOIN generate_series(0, $1 - 1) j
       ), shaped AS (
         SELECT s.*, u.id AS unit_id, abs(hashtext(s.item_id::text || s.j)) % 100 AS r FROM slots s
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
  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM plans)::int AS plans,
            (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM assignments)::int AS assignments`,
  );
  await db.query('ANALYZE');
  return { ...counts, seconds: (Date.now() - started) / 1000 };
}
