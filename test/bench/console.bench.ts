/*
 * npm run bench:console — prints
 *  1. each route's first-load JavaScript (the entry chunk, the route's chunk and everything they
 *     import statically, from Vite's manifest), raw and gzipped;
 *  2. the time from navigation until a unit's 我的待办 shows its task list in Chromium (a fresh
 *     profile each run: nothing cached), beside the API's own time for GET /api/me/todo.
 * It starts the built API (dist/) on a free port against DATABASE_URL. No assertion: figures only.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../support/browser';
import { freePort } from '../support/free-port';

const WEB = join(__dirname, '../../dist/web');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const USER = process.env.BENCH_USER ?? 'xingzhengfuwu';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'luoshi-demo';

interface Chunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  src?: string;
}

function firstLoadSizes(): Array<{ route: string; files: number; raw: number; gzip: number }> {
  const manifest: Record<string, Chunk> = JSON.parse(
    readFileSync(join(WEB, '.vite/manifest.json'), 'utf8'),
  );
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const size = (keys: Set<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const key of keys) {
      const body = readFileSync(join(WEB, manifest[key].file));
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    return { files: keys.size, raw, gzip };
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  return Object.keys(manifest)
    .filter((k) => manifest[k].isDynamicEntry && k.includes('/pages/'))
    .map((k) => {
      const keys = closure(entry);
      closure(k, keys);
      return { route: k.replace(/^.*\/pages\//, '').replace(/\.tsx$/, ''), ...size(keys) };
    })
    .sort((a, b) => a.gzip - b.gzip);
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms (${ms.length} runs)`;
};

async function main(): Promise<void> {
  console.log('First-load JavaScript per route (entry + route chunk + their static imports)');
  console.log(
    'route'.padEnd(20),
    'files'.padStart(6),
    'raw KB'.padStart(10),
    'gzip KB'.padStart(10),
  );
  for (const r of firstLoadSizes()) {
    console.log(
      r.route.padEnd(20),
      String(r.files).padStart(6),
      (r.raw / 1024).toFixed(1).padStart(10),
      (r.gzip / 1024).toFixed(1).padStart(10),
    );
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 200; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USER, password: PASSWORD }),
    }).then((r) => r.json() as Promise<{ accessToken: string; expiresIn: number }>);
    if (!login.accessToken) throw new Error(`cannot sign in as ${USER}`);

    const apiMs: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/me/todo`, {
        headers: { authorization: `Bearer ${login.accessToken}` },
      });
      await res.json();
      if (i >= 2) apiMs.push(performance.now() - t0); // the first two warm the connection pool
    }

    const browser = await launchBrowser();
    const pageMs: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        // Signed in already (as after the login page): the run measures the 我的待办 load only.
        await context.addInitScript(
          ([token, expiresIn]) =>
            (
              globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
            ).localStorage.setItem(
              'luoshi.session',
              JSON.stringify({ token, expiresAt: Date.now() + Number(expiresIn) * 1000 }),
            ),
          [login.accessToken, String(login.expiresIn)],
        );
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(base + '/');
        await page.getByText('本单位的任务').waitFor({ timeout: 60_000 });
        pageMs.push(performance.now() - t0);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    console.log(`\n${USER}'s 我的待办 (cold profile, 1366×768, ${base})`);
    console.log(`  usable in Chromium (navigation → task list shown): ${stats(pageMs)}`);
    console.log(`  API alone, GET /api/me/todo:                        ${stats(apiMs)}`);
  } finally {
    api.kill();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
