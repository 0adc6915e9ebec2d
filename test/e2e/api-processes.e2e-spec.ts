import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { waitFor } from '../support/worker';

const root = join(__dirname, '../..');

/**
 * API_PROCESSES (apps/api/src/cluster.ts) with node:cluster and a stand-in API that answers
 * with its pid: the processes share one port, one that dies is started again, and SIGTERM
 * stops them all and then the primary.
 */
describe('API_PROCESSES runs the API as several processes on one port', () => {
  let primary: ChildProcess;
  let said = '';
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    primary = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'test/support/cluster-fixture.ts'],
      { cwd: root, env: { ...process.env, PORT: String(port), API_PROCESSES: '3' } },
    );
    primary.stdout!.on('data', (chunk) => (said += chunk));
    primary.stderr!.on('data', (chunk) => (said += chunk));
  }, 60_000);
  afterAll(() => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
  });

  const pidOf = async (): Promise<number | undefined> => {
    try {
      // A new connection each time, so the primary's round-robin hands it to the next process.
      // Bounded: a connection handed to the process just killed is never answered.
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { connection: 'close' },
        signal: AbortSignal.timeout(2_000),
      });
      return Number(await res.text());
    } catch {
      return undefined;
    }
  };
  const seen = new Set<number>();
  const collect = (n: number) =>
    waitFor(`${n} processes answering`, async () => {
      const pid = await pidOf();
      if (pid) seen.add(pid);
      return seen.size >= n;
    });

  it('answers from every process, replaces one that dies, and stops on SIGTERM', async () => {
    await collect(3);
    expect(said).toContain('starting 3 API processes (API_PROCESSES)');
    expect([...seen]).not.toContain(primary.pid);

    const [victim] = seen;
    process.kill(victim, 'SIGKILL');
    seen.clear();
    await waitFor('a replacement process', async () => {
      const pid = await pidOf();
      if (pid) seen.add(pid);
      return seen.size >= 3;
    });
    expect(seen).not.toContain(victim);
    expect(said).toMatch(new RegExp(`API process ${victim} was killed by SIGKILL`));

    const workers = [...seen];
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
    expect(said.match(/starting another/g)).toHaveLength(1);
  }, 90_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
