import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Waits until the worker logs that its schedule is registered (it is consuming then). */
  ready: () => Promise<void>;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
}

/** A real worker process, as production runs it, with the test services' settings. */
export function startWorker(env: Record<string, string>): WorkerProcess {
  // As production starts it (docker/start.sh: the young generation a digest needs).
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '-r', '@swc-node/register', 'apps/worker/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => log,
    ready: async () => {
      const deadline = Date.now() + 90_000;
      while (!log.includes('reminder tick every')) {
        if (child.exitCode !== null) throw new Error(`worker exited: ${log}`);
        if (Date.now() > deadline) throw new Error(`worker not ready: ${log}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Polls `check` until it returns true; fails with `what` after `ms`. Polls every 50 ms: a wait
 * ends on average half an interval after what it waits for, and the suites wait hundreds of times.
 */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
