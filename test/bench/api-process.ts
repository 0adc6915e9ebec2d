/**
 * What bench:load and bench:profile share: the API started as production starts it (its own
 * processes, so the load generator never shares their event loop), a sign-in, and closed-loop
 * clients that time each answer.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

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
 * One client's PATCH of its own assignment, carrying the version the previous answer returned
 * (what bench:load's write row measures); `done` hears each 200 with the value written.
 */
export function patchLoop(
  base: string,
  token: string,
  targets: Array<{ id: string; version: number }>,
  done: (id: string, value: number) => void = () => undefined,
) {
  const versions = new Map(targets.map((t) => [t.id, t.version]));
  return async (i: number) => {
    const target = targets[i % targets.length];
    const version = versions.get(target.id)!;
    const value = (version * 7) % 100;
    const res = await fetch(`${base}/assignments/${target.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version, progressPercent: value }),
    });
    const body = (await res.json()) as { version: number };
    if (res.status !== 200) throw new Error(`PATCH ${res.status}`);
    versions.set(target.id, body.version);
    done(target.id, value);
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
