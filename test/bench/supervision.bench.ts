/**
 * p50/p95 latency of the supervision API next to the same questions asked in raw SQL, in the
 * same run, on the data set test/bench/supervision.sh prepares. Prints a table; asserts nothing.
 */
import { writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { Pool } from 'pg';
import { SQL_TIME_ZONE } from '@app/calendar';
import { reportMissing, reportOwed, SESSION_OPTIONS } from '@app/database';
import { login, startApi } from './api-process';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
/** Each question is first asked, uncounted, for this long (and at least three times). */
const WARM_MS = Number(process.env.BENCH_WARM_MS ?? 5000);
/**
 * And then counted BENCH_RUNS times, or for this long if that is more: a p95 of 40 answers is
 * the second slowest, so for a question of a few milliseconds one garbage collection decides it.
 */
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 2000);

export interface BenchRow {
  query: string;
  api: { p50: number; p95: number };
  sql: { p50: number; p95: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(
  work: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; runs: number }> {
  // Warm caches, plans and V8's compiled code, API and SQL alike: a served API has long since
  // compiled its hot paths, and PostgreSQL has the pages in its buffers.
  const warmUntil = performance.now() + WARM_MS;
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) await work();
  const times: number[] = [];
  const until = performance.now() + MEASURE_MS;
  for (let i = 0; i < RUNS || performance.now() < until; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
}

async function main(): Promise<void> {
  // The API as production runs it, in processes of its own: in this one, the client's garbage
  // (each answer parsed, the pg rows of the SQL side) and the API's would share one young
  // generation and one thread, so each would pay for the other's collections.
  const { child, base } = await startApi();
  try {
    await run(base, await login(base, 'supervisor'));
  } finally {
    child.kill('SIGTERM');
  }
}

async function run(base: string, accessToken: string): Promise<void> {
  // node:http on one kept-alive connection, as lean a client as the pg one beside it: fetch
  // (undici's WHATWG streams) cost about a millisecond of this process's one thread per answer.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const api = (path: string) => () =>
    new Promise<unknown>((resolve, reject) => {
      get(
        `${base}${path}`,
        { agent, headers: { authorization: `Bearer ${accessToken}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode} ${body}`));
            else resolve(JSON.parse(body));
          });
          res.on('error', reject);
        },
      ).on('error', reject);
    });
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 4,
    options: SESSION_OPTIONS,
  });
  const sql =
    (text: string, params: unknown[] = []) =>
    async () =>
      (await pool.query(text, params)).rows;
  const [{ id: unitId }] = (await pool.query("SELECT id FROM units WHERE name = '基准单位77'"))
    .rows;
  const [{ n }] = (await pool.query('SELECT count(*)::int AS n FROM assignments')).rows;
  const [{ units }] = (await pool.query('SELECT count(*)::int AS units FROM units')).rows;

  // The date each row's unit last reported, as the API looks it up for the page's rows.
  const LAST_REPORT = `(SELECT max((r.submitted_at AT TIME ZONE ${SQL_TIME_ZONE})::date)
      FROM progress_reports r WHERE r.assignment_id = a.id
        AND (r.submitted_at AT TIME ZONE ${SQL_TIME_ZONE})::date <= $1::date)`;
  // The columns a row of the API's lists carries (ids for the console's links, the item's
  // number as written, the progress), so both sides read and decode the same page.
  const ROW = `a.id, a.plan_id, p.title, i.section_id, a.item_id, i.number, i.number_text, i.title,
      a.unit_id, u.name, a.role, a.due_on, a.status, a.progress_percent, ${LAST_REPORT}`;
  const overduePage = `SELECT ${ROW}, ($1::date - a.due_on) AS days
      FROM assignments a JOIN items i ON i.id = a.item_id
      JOIN plans p ON p.id = a.plan_id JOIN units u ON u.id = a.unit_id
      WHERE a.completed_on IS NULL AND p.status <> 'archived' AND a.due_on < $1::date UNIT
      ORDER BY a.due_on, a.item_number, a.item_id, u.name LIMIT 50`;
  const overdueCount = `SELECT count(*) FROM assignments a JOIN plans p ON p.id = a.plan_id
      WHERE a.completed_on IS NULL AND p.status <> 'archived' AND a.due_on < $1::date UNIT`;
  const both = (unit: string, params: unknown[]) => async () =>
    Promise.all([
      pool.query(overduePage.replace('UNIT', unit), params),
      pool.query(overdueCount.replace('UNIT', unit), params),
    ]);
  // 应报未报 is one shared SQL rule (the digest uses it too), so the baseline runs the same text.
  const OPEN = '(a.completed_on IS NULL OR a.completed_on > $1::date)';
  // The recurring targets of the counted assignments only, each target's figures summed once.
  const stats = `WITH tg AS MATERIALIZED (
        SELECT x.unit_id, count(*) AS targets,
          count(*) FILTER (WHERE x.achieved >= x.required) AS met,
          count(*) FILTER (WHERE x.achieved > 0 AND x.achieved < x.required) AS behind
        FROM (SELECT a.unit_id, rt.count * CASE rt.per WHEN 'week' THEN 52
                WHEN 'month' THEN 12 WHEN 'quarter' THEN 4 WHEN 'half' THEN 2 ELSE 1 END AS required,
              got.achieved
              FROM assignments a JOIN plans p ON p.id = a.plan_id
              JOIN recurring_targets rt ON rt.item_id = a.item_id
              CROSS JOIN LATERAL (SELECT COALESCE(sum((f->>'value')::numeric), 0) AS achieved
                FROM progress_reports r CROSS JOIN LATERAL jsonb_array_elements(r.figures) f
                WHERE r.assignment_id = a.id AND r.status = 'accepted'
                  AND f->>'targetId' = rt.id::text
                  AND extract(year FROM r.period_start) = extract(year FROM $1::date)
                  AND (r.reviewed_at AT TIME ZONE ${SQL_TIME_ZONE})::date <= $1::date) got
              WHERE rt.per <> 'term' AND p.status <> 'archived') x
        GROUP BY x.unit_id),
      g AS (SELECT a.unit_id, count(*) AS assigned, count(*) FILTER (WHERE a.completed_on <= $1) AS completed,
      count(*) FILTER (WHERE a.completed_on <= $1 AND a.completed_on <= a.due_on) AS on_time,
      count(*) FILTER (WHERE a.due_on <= $1) AS due,
      count(*) FILTER (WHERE a.due_on < $1 AND ${OPEN}) AS overdue,
      count(*) FILTER (WHERE ${OPEN} AND ${reportOwed('$1::date')}) AS owed,
      count(*) FILTER (WHERE ${OPEN} AND ${reportMissing('$1::date')}) AS missing
      FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
      JOIN units u ON u.id = a.unit_id
      WHERE p.status <> 'archived' GROUP BY a.unit_id)
      SELECT g.*, tg.targets, tg.met, tg.behind FROM g LEFT JOIN tg ON tg.unit_id = g.unit_id`;

  // The same page and count the API runs for a past as-of date, written out by hand.
  const PAST_OVERDUE = `(a.completed_on IS NULL OR a.completed_on > $1::date) AND a.due_on < $1::date`;
  const PAST_WARNING = `(a.completed_on IS NULL OR a.completed_on > $1::date) AND (a.due_on < $1::date
      OR (a.due_on >= $1::date AND ((a.due_on - $1::date <= 14 AND a.progress_percent < LEAST(100,
        GREATEST(0, ($1::date - p.period_start) * 100.0 / NULLIF(a.due_on - p.period_start, 0))))
        OR ${reportMissing('$1::date')})))`;
  const pastDate = (where: string) => async () =>
    Promise.all([
      pool.query(
        `SELECT ${ROW} FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
         JOIN units u ON u.id = a.unit_id WHERE p.status <> 'archived' AND ${where}
         ORDER BY a.due_on, a.item_number, a.item_id, u.name LIMIT 50`,
        ['2024-06-30'],
      ),
      pool.query(
        `SELECT count(*) FROM assignments a JOIN plans p ON p.id = a.plan_id
         JOIN items i ON i.id = a.item_id WHERE p.status <> 'archived' AND ${where}`,
        ['2024-06-30'],
      ),
    ]);

  const today = new Date().toISOString().slice(0, 10);
  const cases: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
    // What any answer costs here (HTTP, the token, the identity from its cache, the client in
    // this process) beside the cheapest statement: the floor under the ratios below.
    ['floor: GET /me beside SELECT 1', api('/me'), sql('SELECT 1')],
    ['overdue, all units, page 1', api('/supervision/overdue'), both('', [today])],
    [
      'overdue, one unit',
      api(`/supervision/overdue?unitId=${unitId}`),
      both('AND a.unit_id = $2', [today, unitId]),
    ],
    [
      'overdue as of 2024-06-30 (past date)',
      api('/supervision/overdue?asOf=2024-06-30'),
      pastDate(PAST_OVERDUE),
    ],
    [
      `statistics by unit (${units.toLocaleString('en')} rows)`,
      api('/supervision/statistics?asOf=2024-06-30'),
      sql(stats, ['2024-06-30']),
    ],
    [
      'warnings as of 2024-06-30, page 1',
      api('/supervision/warnings?asOf=2024-06-30'),
      pastDate(PAST_WARNING),
    ],
  ];

  console.log(
    `supervision benchmark: ${units} units, ${n} assignments, each question ${RUNS} times or ` +
      `for ${MEASURE_MS / 1000} s if that is more, after ${WARM_MS / 1000} s of warm-up (ms)`,
  );
  console.log(
    '| query | API p50 | API p95 | raw SQL p50 | raw SQL p95 | API p95 ÷ SQL p95 | runs (API / SQL) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const rows: BenchRow[] = [];
  for (const [name, viaApi, viaSql] of cases) {
    const a = await measure(viaApi);
    const s = await measure(viaSql);
    const f = (x: number) => x.toFixed(1);
    console.log(
      `| ${name} | ${f(a.p50)} | ${f(a.p95)} | ${f(s.p50)} | ${f(s.p95)} | ${(a.p95 / s.p95).toFixed(2)}× | ${a.runs} / ${s.runs} |`,
    );
    rows.push({ query: name.replace(/ \([\d,]+ rows\)/, ''), api: a, sql: s });
  }
  // For bench:supervision's growth table across scales.
  if (process.env.BENCH_JSON) {
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ units, assignments: n, rows }));
  }
  await pool.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
