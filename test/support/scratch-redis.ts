import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from './free-port';

/**
 * A Redis of one suite's own, for tests that shut Redis down under a running API and worker:
 * the shared test Redis keeps serving the suites of the other Jest workers. Persisted as
 * docker/services.sh runs it (append-only file), so a restart finds the queue again.
 */
export interface ScratchRedis {
  url: string;
  /** SHUTDOWN, as an operator's `redis-cli shutdown`: the data is written first. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startScratchRedis(): Promise<ScratchRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-scratch-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    // After a SHUTDOWN from outside (redis-cli), the old server may still be letting go of the port.
    const old = child;
    if (old && old.exitCode === null && old.signalCode === null) {
      await new Promise<void>((resolve) => old.once('exit', () => resolve()));
    }
    const server = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes'],
      { stdio: 'ignore' },
    );
    child = server;
    await waitForPing(url, server);
  };
  const stop = async () => {
    const server = child;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGTERM'); // redis-server shuts down as on SHUTDOWN: saves, then exits.
    await exited;
  };
  await start();
  return {
    url,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPing(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`redis-server exited (${server.exitCode})`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server on ${url} did not answer`);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      client.disconnect();
    }
  }
}
