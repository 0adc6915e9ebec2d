/**
 * bench:profile (issue 17.1, "find where the time goes"): one API process under bench:load's
 * status updates (50 clients, each PATCHing its own assignment), or with PROFILE_WORK=list its
 * busiest unit's GET /assignments, with V8's CPU profiler on.
 * After PROFILE_WARMUP_SECONDS the profile's samples are counted for LOAD_SECONDS and each
 * sample goes to the innermost library on its stack (so the pg driver's socket writes count for
 * the driver, not for Node's streams), and the table says how much of the process's time, and
 * how many milliseconds of CPU per request, each part took. PROFILE_KEEP=1 keeps the profile
 * (to open in Chrome DevTools) and prints where it is.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { SESSION_OPTIONS } from '@app/database';
import { busiestClerk, Figures, login, patchCannon, readCannon, startApi } from './api-process';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const WARMUP = Number(process.env.PROFILE_WARMUP_SECONDS ?? 5);
/**
 * `patch` (a status update, the default), `list` (a unit's GET /assignments) or `overdue` (the
 * supervision office's overdue list for one unit, as bench:supervision asks it).
 */
const WORK = process.env.PROFILE_WORK ?? 'patch';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The parts of a request, by where the code lives; the first match from the leaf up wins. */
const PARTS: Array<[string, RegExp]> = [
  [
    'PostgreSQL driver (pg: protocol, socket writes, row parsing)',
    /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//,
  ],
  ['TypeORM (query building, entity mapping, transactions)', /node_modules\/typeorm\//],
  [
    'validation and transformation (class-validator, class-transformer)',
    /node_modules\/class-(validator|transformer)\//,
  ],
  [
    'authentication (JWT)',
    /node_modules\/(jsonwebtoken|jws|jwa|@nestjs\/jwt)\/|apps\/api\/src\/auth\//,
  ],
  [
    'request logging (pino, pino-http)',
    /node_modules\/(pino|pino-http|pino-std-serializers|sonic-boom)\//,
  ],
  [
    'HTTP and routing (Node http, Express, router, Nest)',
    /node:_http|node_modules\/(express|router|body-parser|raw-body|@nestjs\/core|@nestjs\/platform-express|@nestjs\/common|helmet|finalhandler|send|on-finished)\//,
  ],
  ['our code (apps, libs)', /\/(apps|libs)\//],
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-profile-'));
  const db = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 2,
    options: SESSION_OPTIONS,
  });
  const { child, base } = await startApi({
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    env: { API_PROCESSES: '1' },
  });
  let requests = 0;
  let measuredFrom = 0;
  let measuredTo = 0;
  let exitedAt = 0;
  try {
    const work =
      WORK === 'list'
        ? await listWork(base, db)
        : WORK === 'overdue'
          ? await overdueWork(base, db)
          : await patchWork(base, db);
    await work.run(WARMUP);
    measuredFrom = Date.now();
    const figures = await work.run(SECONDS);
    measuredTo = Date.now();
    requests = figures.rate * SECONDS;
    console.log(
      `\nbench:profile — ${new Date().toISOString()}, one API process, ${CLIENTS} clients, ` +
        `${work.label}: ${Math.round(figures.rate)}/s, p50 ${figures.p50.toFixed(0)} ms, ` +
        `p99 ${figures.p99.toFixed(0)} ms\n`,
    );
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT'); // the profile is written on a clean exit
    await exited;
    exitedAt = Date.now();
    await db.end();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the API wrote no CPU profile');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  if (!process.env.PROFILE_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(join(dir, file));
  print(attribute(profile, measuredFrom, measuredTo, exitedAt), requests);
}

interface Work {
  label: string;
  run: (seconds: number) => Promise<Figures>;
}

/** A unit's list page, as bench:load reads it. */
async function listWork(base: string, db: Pool): Promise<Work> {
  const clerk = await busiestClerk(db);
  const token = await login(base, clerk);
  return {
    label: `GET /assignments as ${clerk}`,
    run: (seconds) => readCannon(`${base}/assignments`, CLIENTS, seconds, token),
  };
}

/** One unit's overdue list, page 1, as the supervision office reads it. */
async function overdueWork(base: string, db: Pool): Promise<Work> {
  const token = await login(base, 'supervisor');
  const [{ id }] = (await db.query("SELECT id FROM units WHERE name = '基准单位77'"))
    .rows as Array<{
    id: string;
  }>;
  return {
    label: 'GET /supervision/overdue?unitId=… as supervisor',
    run: (seconds) =>
      readCannon(`${base}/supervision/overdue?unitId=${id}`, CLIENTS, seconds, token),
  };
}

/** Status updates, each connection on its own assignment, as bench:load writes them. */
async function patchWork(base: string, db: Pool): Promise<Work> {
  const token = await login(base, 'leader');
  const ids = (
    await db.query(
      `SELECT id FROM assignments WHERE completed_on IS NULL ORDER BY id DESC LIMIT $1`,
      [CLIENTS],
    )
  ).rows.map((r: { id: string }) => r.id);
  return {
    label: 'PATCH /assignments/:id',
    run: async (seconds) => {
      // A run's last answers are dropped when its time is up: their writes land, and the
      // versions are read anew.
      await new Promise((r) => setTimeout(r, 500));
      const targets = (
        await db.query('SELECT id, version FROM assignments WHERE id = ANY($1::uuid[])', [ids])
      ).rows as Array<{ id: string; version: number }>;
      return patchCannon(base, token, targets, { seconds });
    },
  };
}

/** Sample counts per part, for the samples taken between `from` and `to` (epoch ms). */
function attribute(
  profile: Profile,
  from: number,
  to: number,
  exitedAt: number,
): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The profile's clock is in microseconds from an arbitrary origin: its end is the process's
  // exit, so the window is placed back from there.
  const total = profile.timeDeltas.reduce((sum, d) => sum + d, 0);
  const end = profile.startTime + total;
  const exitLag = (exitedAt - to) * 1000;
  const windowStart = end - exitLag - (to - from) * 1000;
  const windowEnd = end - exitLag;
  const parts = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (at < windowStart || at > windowEnd) return;
    const part = partOf(id, byId, parent);
    parts.set(part, (parts.get(part) ?? 0) + 1);
  });
  return parts;
}

function partOf(leaf: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const name = byId.get(leaf)!.callFrame.functionName;
  if (name === '(idle)') return 'idle (waiting for PostgreSQL or the clients)';
  if (name === '(garbage collector)') return 'garbage collection';
  for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
    const { url } = byId.get(id)!.callFrame;
    const part = PARTS.find(([, pattern]) => pattern.test(url));
    if (part) return part[0];
  }
  return 'other (Node internals, promises, timers)';
}

function print(parts: Map<string, number>, requests: number): void {
  const samples = [...parts.values()].reduce((a, b) => a + b, 0);
  const idle = [...parts].find(([k]) => k.startsWith('idle'))?.[1] ?? 0;
  const busyMs = ((samples - idle) / samples) * SECONDS * 1000;
  console.log('| part | share of the process | CPU ms per request |');
  console.log('| --- | --- | --- |');
  for (const [part, n] of [...parts].sort((a, b) => b[1] - a[1])) {
    const ms = part.startsWith('idle') ? '—' : ((n / samples) * SECONDS * 1000) / requests;
    console.log(
      `| ${part} | ${((100 * n) / samples).toFixed(1)} % | ${typeof ms === 'number' ? ms.toFixed(2) : ms} |`,
    );
  }
  console.log(
    `\n${samples} samples; busy ${((busyMs / (SECONDS * 1000)) * 100).toFixed(0)} % of ${SECONDS} s, ` +
      `${(busyMs / requests).toFixed(2)} ms of CPU per request in the API process`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
