import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../support/free-port';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/**
 * A newcomer's clone in a folder nobody else may enter (mode 700; as root, the `postgres` user
 * PostgreSQL runs as cannot reach it): the README's service commands still start PostgreSQL.
 */
describe('a clone in a mode-700 folder', () => {
  let home: string;
  let env: Record<string, string>;
  let url: string;
  const services = (command: string) =>
    run('bash', ['docker/services.sh', command], { cwd: join(home, 'luoshi'), env });

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'luoshi-newcomer-'));
    expect(statSync(home).mode & 0o777).toBe(0o700);
    await run('git', ['clone', '--quiet', root, join(home, 'luoshi')]);
    // The clone's own `npm install` is what a newcomer runs; here the packages are borrowed.
    symlinkSync(join(root, 'node_modules'), join(home, 'luoshi', 'node_modules'));
    const [pg, redis, smtp, ui] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    url = `postgres://luoshi:luoshi@127.0.0.1:${pg}/luoshi`;
    const inherited = { ...process.env } as Record<string, string>;
    // The clone picks its own folders, as it would on the newcomer's machine.
    for (const name of ['LUOSHI_VAR_DIR', 'STORAGE_DIR', 'BACKUP_DIR', 'PG_BIN'])
      delete inherited[name];
    env = {
      ...inherited,
      LUOSHI_PROFILE: 'test',
      DATABASE_URL: url,
      REDIS_URL: `redis://127.0.0.1:${redis}`,
      SMTP_URL: `smtp://127.0.0.1:${smtp}`,
      MAIL_UI_PORT: String(ui),
      PG_FSYNC: 'off',
    };
  }, 60_000);
  afterAll(async () => {
    await services('reset').catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  });

  it('starts PostgreSQL, Redis and the mail catcher, says where, and stops them', async () => {
    const started = await services('start');
    expect(started.stdout).toContain(`PostgreSQL  127.0.0.1:${new URL(url).port}`);
    if (process.getuid?.() === 0) {
      expect(started.stdout).toMatch(/the postgres user cannot enter .*luoshi\/var\/test/);
    }
    const client = new Client({ connectionString: url });
    await client.connect();
    const [row] = (await client.query('SELECT current_user AS who, 1 + 1 AS two')).rows;
    await client.end();
    expect(row).toEqual({ who: 'luoshi', two: 2 });

    const status = await services('status');
    expect(status.stdout).toContain('server is running');
    expect(status.stdout).toContain('redis running');
    expect(status.stdout).toContain('mail catcher running');

    await services('stop');
    const stopped = await services('status');
    expect(stopped.stdout).toContain('redis stopped');
    expect(stopped.stdout).not.toContain('server is running');
  }, 120_000);

  it('prints the last lines of the log of a service that fails to start', async () => {
    await services('reset');
    const bin = mkdtempSync(join(tmpdir(), 'luoshi-broken-pg-'));
    chmodSync(bin, 0o755);
    const initdb = join(bin, 'initdb');
    writeFileSync(
      initdb,
      '#!/bin/sh\necho "initdb: error: the disk is full (simulated)" >&2\nexit 1\n',
    );
    chmodSync(initdb, 0o755);
    try {
      await expect(
        run('bash', ['docker/services.sh', 'start'], {
          cwd: join(home, 'luoshi'),
          env: { ...env, PG_BIN: bin },
        }),
      ).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /PostgreSQL's initdb failed to start\. Last lines of .*initdb\.log:\n.*the disk is full \(simulated\)/,
        ),
      });
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }, 60_000);
});
