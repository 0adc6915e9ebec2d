/**
 * bench:load (issue 17.1, 17.2, 17.7): the API under 50 concurrent clients beside the raw SQL of
 * the same work, in one run, on the database DATABASE_URL names (test/bench/load.sh prepares
 * the province data set). Writes: each client updates its own assignment (lock, version check,
 * update, one audit row) for LOAD_SECONDS; afterwards the 200s are counted against the audit
 * rows and the final versions and values, for the API and for the SQL alike. The writes have two
 * baselines: the transaction as one writes it by hand (BEGIN, lock, update, audit, COMMIT), and
 * the one prepared statement the API sends for it. Reads: a unit's
 * GET /assignments (and its SQL), GET /me, and GET /health as the floor of a request.
 *
 * Every phase, API and SQL alike, first runs the same work for WARMUP_SECONDS uncounted: a
 * province's API has been up for days, and right after its start V8 is still compiling the
 * hot paths (the first second of PATCHes ran at 690/s, the fourth at 1,600/s). The warm-up's
 * rates are printed below the table.
 *
 * The API runs as its own processes (apps/api/src/main.ts, API_PROCESSES as set, default the
 * cores), so the load generator does not share its event loop. Prints one table.
 */
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  Assignment,
  auditedUpdateStatement,
  dataSourceOptions,
  SESSION_OPTIONS,
} from '@app/database';
import { WRITTEN_NAMES } from '../../apps/api/src/assignments/assignment.queries';
import {
  busiestClerk,
  Figures,
  login,
  loop as loopFor,
  patchCannon,
  readCannon,
  startApi,
} from './api-process';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const WARMUP = Number(process.env.WARMUP_SECONDS ?? 5);

const POOL = Number(process.env.DB_POOL_SIZE ?? 20);

interface Row {
  work: string;
  /** The API's uncounted warm-up of the same work. */
  warm?: Figures;
  api?: Figures;
  sql?: Figures;
  check?: string;
}

async function main(): Promise<void> {
  const db = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: POOL,
    options: SESSION_OPTIONS,
  });
  const { child: api, base } = await startApi();
  const rows: Row[] = [];
  try {
    const leader = await login(base, 'leader');
    const clerk = await busiestClerk(db);
    const clerkToken = await login(base, clerk);
    const targets = (
      await db.query(
        `SELECT id, version FROM assignments WHERE completed_on IS NULL ORDER BY id LIMIT $1`,
        [CLIENTS * 3],
      )
    ).rows as Array<{ id: string; version: number }>;
    if (targets.length < CLIENTS * 3) throw new Error(`need ${CLIENTS * 3} open assignments`);

    rows.push(await apiWrites(db, base, leader, targets.slice(0, CLIENTS)));
    const sqlRow = await sqlWrites(db, targets.slice(CLIENTS, CLIENTS * 2));
    rows[0].sql = sqlRow.sql;
    rows[0].check = `${rows[0].check}; SQL ${sqlRow.check}`;
    const ownRow = await sqlApiStatement(db, targets.slice(CLIENTS * 2));
    rows.push({
      work: 'the same PATCH beside the one statement the API sends for it (update at the version, audit row, the names of the answer; prepared)',
      api: rows[0].api,
      sql: ownRow.sql,
      check: `SQL ${ownRow.check}`,
    });

    const unitId = (await db.query('SELECT unit_id FROM users WHERE username = $1', [clerk]))
      .rows[0].unit_id as string;
    rows.push({
      work: `GET /assignments as ${clerk}`,
      ...(await reads(`${base}/assignments`, clerkToken)),
      sql: await loop(() => listPage(db, unitId)),
    });
    rows.push({ work: 'GET /me', ...(await reads(`${base}/me`, clerkToken)) });
    rows.push({ work: 'GET /health (floor)', ...(await reads(`${base}/health`)) });
  } finally {
    api.kill('SIGTERM');
    await db.end();
  }
  print(rows);
}

/**
 * CLIENTS connections, each PATCH on an assignment no other has in flight, carrying the version
 * its last answer returned. A warm-up of WARMUP_SECONDS sets how many requests make LOAD_SECONDS;
 * the measured run then sends exactly that many and ends when every answer is in, so the 200s
 * counted are all the writes that were acknowledged.
 */
async function apiWrites(
  db: Pool,
  base: string,
  token: string,
  targets: Array<{ id: string; version: number }>,
): Promise<Row> {
  const warm = await patchCannon(base, token, targets, { seconds: WARMUP });
  // The warm-up's last answers were dropped: their writes land, and the versions are read anew.
  await new Promise((r) => setTimeout(r, 1000));
  const current = (
    await db.query('SELECT id, version FROM assignments WHERE id = ANY($1::uuid[])', [
      targets.map((t) => t.id),
    ])
  ).rows as Array<{ id: string; version: number }>;
  const before = await auditHighWater(db);
  const ok = new Map<string, number>();
  let successes = 0;
  const api = await patchCannon(
    base,
    token,
    current,
    { amount: Math.max(CLIENTS, Math.round(warm.rate * SECONDS)) },
    (id, value) => {
      ok.set(id, value);
      successes++;
    },
  );
  return {
    work: `PATCH /assignments/:id (lock, version check, update, audit row), each client its own row`,
    warm,
    api,
    check: `API ${await reconcile(db, current, before, successes, ok)}`,
  };
}

/**
 * CLIENTS loops of raw-SQL status updates, loop i on row i as each API client on its own:
 * `write` sets the row's percent at the version given and returns the version it wrote. The
 * 200s are then reconciled as the API's are.
 */
async function sqlWriteLoops(
  db: Pool,
  targets: Array<{ id: string; version: number }>,
  write: (id: string, version: number, value: number) => Promise<number>,
) {
  const versions = new Map(targets.map((t) => [t.id, t.version]));
  const ok = new Map<string, number>();
  let done = 0;
  const step = async (loop: number) => {
    const target = targets[loop % targets.length];
    const value = (versions.get(target.id)! * 7) % 100;
    versions.set(target.id, await write(target.id, versions.get(target.id)!, value));
    ok.set(target.id, value);
    done++;
  };
  await loopFor(CLIENTS, WARMUP, step);
  // Counted from here: the versions the warm-up left are where the measured writes start.
  const start = targets.map((t) => ({ id: t.id, version: versions.get(t.id)! }));
  const before = await auditHighWater(db);
  ok.clear();
  done = 0;
  const figures = await loopFor(CLIENTS, SECONDS, step);
  return { sql: figures, check: await reconcile(db, start, before, done, ok) };
}

/** The same transaction in raw SQL: lock, version check, update, audit row. */
function sqlWrites(db: Pool, targets: Array<{ id: string; version: number }>) {
  return sqlWriteLoops(db, targets, async (id, version, value) => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const [current] = (
        await client.query('SELECT * FROM assignments WHERE id = $1 FOR UPDATE', [id])
      ).rows;
      if (current.version !== version) throw new Error('stale');
      const [after] = (
        await client.query(
          `UPDATE assignments SET progress_percent = $2, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $3 RETURNING *`,
          [id, value, version],
        )
      ).rows;
      await client.query(
        `INSERT INTO audit_log (action, entity_type, entity_id, assignment_id, before, after)
         VALUES ('update', 'Assignment', $1::text, $1::uuid, $2, $3)`,
        [id, current, after],
      );
      await client.query('COMMIT');
      return after.version as number;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
}

/**
 * The statement the API sends for a status update, sent by hand: libs/database's update at the
 * version with its audit row and the names the answer shows (the same builder, on the same
 * entity metadata, with the same joins), prepared once per connection as the API's is.
 */
async function sqlApiStatement(db: Pool, targets: Array<{ id: string; version: number }>) {
  const orm = new DataSource({
    ...dataSourceOptions(process.env.DATABASE_URL!),
    extra: { max: 1 },
  });
  await orm.initialize();
  const metadata = orm.getMetadata(Assignment);
  await orm.destroy();
  return sqlWriteLoops(db, targets, async (id, version, value) => {
    const { sql, parameters } = auditedUpdateStatement(
      metadata,
      orm.driver,
      { userId: null, unitId: null },
      id,
      version,
      { progressPercent: value },
      { also: WRITTEN_NAMES },
    );
    const [after] = (await db.query({ name: 'bench_update', text: sql, values: parameters })).rows;
    if (!after) throw new Error('stale');
    return after.version as number;
  });
}

/** One page of a unit's assignments, and its count when the page is full, as the API asks. */
async function listPage(db: Pool, unitId: string) {
  const { rows } = await db.query(
    `SELECT a.*, i.number, i.title, u.name FROM assignments a
     JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
     WHERE a.unit_id = $1 ORDER BY a.due_on, i.number, u.name, a.id LIMIT 50`,
    [unitId],
  );
  if (rows.length === 50) {
    await db.query('SELECT count(*) FROM assignments WHERE unit_id = $1', [unitId]);
  }
}

/**
 * "Nothing lost": every 200 left exactly one audit row and one version step, and each row
 * holds the value of its last 200.
 */
async function reconcile(
  db: Pool,
  targets: Array<{ id: string; version: number }>,
  auditBefore: number,
  successes: number,
  lastValue: Map<string, number>,
): Promise<string> {
  const ids = targets.map((t) => t.id);
  const [{ n: audits }] = (
    await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND entity_type = 'Assignment'
         AND action = 'update' AND entity_id = ANY($2::text[])`,
      [auditBefore, ids],
    )
  ).rows;
  const now = (
    await db.query(
      'SELECT id, version, progress_percent AS value FROM assignments WHERE id = ANY($1::uuid[])',
      [ids],
    )
  ).rows as Array<{ id: string; version: number; value: number }>;
  const steps = now.reduce(
    (sum, r) => sum + r.version - targets.find((t) => t.id === r.id)!.version,
    0,
  );
  const values = now.every((r) => !lastValue.has(r.id) || lastValue.get(r.id) === r.value);
  const fine = audits === successes && steps === successes && values;
  return `${fine ? 'ok' : 'MISMATCH'}: ${successes} × 200, ${audits} audit rows, ${steps} version steps, final values ${values ? 'match' : 'differ'}`;
}

async function auditHighWater(db: Pool): Promise<number> {
  return Number((await db.query('SELECT COALESCE(max(id), 0) AS id FROM audit_log')).rows[0].id);
}

/** CLIENTS loops for SECONDS (see api-process.ts), after WARMUP seconds of the same work. */
async function loop(work: (loop: number) => Promise<unknown>): Promise<Figures> {
  await loopFor(CLIENTS, WARMUP, work);
  return loopFor(CLIENTS, SECONDS, work);
}

/** CLIENTS connections GETting `url` for SECONDS, after WARMUP seconds of the same. */
async function reads(url: string, token?: string): Promise<{ warm: Figures; api: Figures }> {
  const warm = await readCannon(url, CLIENTS, WARMUP, token);
  return { warm, api: await readCannon(url, CLIENTS, SECONDS, token) };
}

function print(rows: Row[]): void {
  const f = (x?: Figures) =>
    x
      ? `${Math.round(x.rate)}/s, p50 ${x.p50.toFixed(0)} ms, p99 ${x.p99.toFixed(0)} ms${x.errors ? `, ${x.errors} not 2xx` : ''}`
      : '—';
  console.log(
    `\nbench:load — ${new Date().toISOString()}, ${CLIENTS} clients, ${SECONDS} s each after ${WARMUP} s of warm-up, API_PROCESSES=${process.env.API_PROCESSES ?? 'cores'}, SQL pool ${POOL}\n`,
  );
  console.log('| work | API | raw SQL, same run | ratio |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) {
    const ratio = r.api && r.sql?.rate ? `${(r.api.rate / r.sql.rate).toFixed(2)}×` : '—';
    console.log(`| ${r.work} | ${f(r.api)} | ${f(r.sql)} | ${ratio} |`);
  }
  for (const r of rows.filter((x) => x.check)) console.log(`\n${r.work}: ${r.check}`);
  console.log(`\nThe API's warm-ups (${WARMUP} s each, not counted above):`);
  for (const r of rows.filter((x) => x.warm)) console.log(`- ${r.work}: ${f(r.warm)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
