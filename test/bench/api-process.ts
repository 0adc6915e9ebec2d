/**
 * What bench:load and bench:profile share: the API started as production starts it (its own
 * processes, so the load generator never shares their event loop), a sign-in, and closed-loop
 * clients that time each answer.
 */
import { ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import type { Pool } from 'pg';
import { join } from 'node:path';
import { freePort } from '../support/free-port';

const root = join(__dirname, '../..');
const PASSWORD = process.env.DEMO_PASSWORD ?? 'luoshi-demo';

export interface Figures {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Starts apps/api/src/main.ts on a free port; `nodeArgs` go before the script (a profiler). */
export async function startApi(
  options: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '-r', '@swc-node/register', 'apps/api/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) {
        return { child, base: `http://127.0.0.1:${port}/api` };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not start within 120 s');
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * `clients` loops running `work` back to back for `seconds` (loop i passes i); the loops that
 * are mid-request when the time is up finish it, so no answer is cut off.
 */
export async function loop(
  clients: number,
  seconds: number,
  work: (loop: number) => Promise<unknown>,
): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, loop) => {
      while (Date.now() < end) {
        const start = process.hrtime.bigint();
        try {
          await work(loop);
          times.push(Number(process.hrtime.bigint() - start) / 1e6);
        } catch (error) {
          if (!errors++) console.error(`first error in a loop: ${(error as Error).message}`);
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { rate: times.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/**
 * `clients` connections PATCHing assignments with autocannon, as the reads are loaded (a fetch
 * loop cost the load generator about 0.65 ms of CPU per request on the cores the API and
 * PostgreSQL share). Each request takes an assignment no other request has in flight and sends
 * the version its last answer returned, so every PATCH is meant to succeed; `done` hears each
 * 200. `amount` requests and then stop, with every answer in (what "nothing lost" counts), or
 * for `seconds` (a warm-up: the answers in flight at the end are dropped).
 */
export async function patchCannon(
  base: string,
  token: string,
  targets: Array<{ id: string; version: number }>,
  run: { amount: number } | { seconds: number },
  done: (id: string, value: number) => void = () => undefined,
): Promise<Figures & { seconds: number }> {
  const free = targets.map((t) => ({ ...t }));
  const { origin, pathname } = new URL(base);
  type Target = (typeof free)[number];
  const started = Date.now();
  const result = await autocannon({
    url: origin,
    connections: targets.length,
    ...('amount' in run ? { amount: run.amount } : { duration: run.seconds }),
    requests: [
      {
        method: 'PATCH',
        setupRequest: (request, context) => {
          const target = free.pop()!;
          (context as { target?: Target }).target = target;
          const value = (target.version * 7) % 100;
          return {
            ...request,
            path: `${pathname}/assignments/${target.id}`,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ version: target.version, progressPercent: value }),
          };
        },
        onResponse: (status, body, context) => {
          const target = (context as { target: Target }).target;
          if (status === 200) {
            done(target.id, (target.version * 7) % 100);
            target.version = (JSON.parse(body) as { version: number }).version;
          }
          free.push(target);
        },
      },
    ],
  });
  const seconds = (Date.now() - started) / 1000;
  return {
    rate: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    seconds,
  };
}

/** GETs of one URL by `clients` connections for `seconds`. */
export async function readCannon(
  url: string,
  clients: number,
  seconds: number,
  token?: string,
): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: clients,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** The unit user with the most assignments: the longest list page a unit reads. */
export async function busiestClerk(db: Pick<Pool, 'query'>): Promise<string> {
  const [{ username }] = (
    await db.query(
      `SELECT u.username FROM users u JOIN assignments a ON a.unit_id = u.unit_id
       WHERE u.role = 'unit' AND u.active AND NOT u.must_change_password
       GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 1`,
    )
  ).rows as Array<{ username: string }>;
  return username;
}
