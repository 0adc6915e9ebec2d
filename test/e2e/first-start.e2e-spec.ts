import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Queue from 'bull';
import { Client } from 'pg';
import { QUEUES, REMINDER_JOBS } from '@app/queue-contracts';
import { SmtpCatcher, startSmtp } from '../support/smtp';
import { startWorker, waitFor, WorkerProcess } from '../support/worker';
import { workerScoped } from '../support/workers';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const FRESH_DB = workerScoped('luoshi_first_start');

/**
 * A newcomer's first `npm start`: an empty database migrated and seeded by the CLI exactly as
 * docker/start.sh does, then a worker on the real clock. The demo plan is years overdue, so a
 * worker that caught up "missed" digests would mail every unit at once; it must mail nobody
 * until the next slot, or until someone asks for a run by hand.
 */
describe('first start: seeded data and a worker send no email by surprise', () => {
  const url = new URL(process.env.DATABASE_URL!);
  const freshUrl = Object.assign(new URL(url.href), { pathname: `/${FRESH_DB}` }).href;
  let mail: SmtpCatcher;
  let worker: WorkerProcess | undefined;
  let db: Client;

  const admin = async (sql: string) => {
    const c = new Client({ connectionString: url.href });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const cli = (...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: freshUrl },
    });
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${FRESH_DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${FRESH_DB}`);
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    await queue.obliterate({ force: true });
    await queue.close();
    mail = await startSmtp();
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await db?.end();
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    await queue.obliterate({ force: true });
    await queue.close();
    await mail.close();
    await admin(`DROP DATABASE IF EXISTS ${FRESH_DB} WITH (FORCE)`);
  }, 60_000);

  it('migrates, seeds, starts a worker: no digest, no alert, no email; a hand run still sends', async () => {
    // An upgrade starts by listing what db:migrate will run: here every migration, oldest first.
    const migrations = readdirSync(join(ROOT, 'libs/database/src/migrations')).filter((f) =>
      /^\d{13}-\w+\.ts$/.test(f),
    );
    const [header, ...pending] = (await cli('db:pending')).stdout.trim().split('\n');
    expect(header).toContain(`${migrations.length} 个`);
    expect(pending).toHaveLength(migrations.length);
    expect(pending[0]).toBe('Foundation1795386832739');
    const applied = (await cli('db:migrate')).stdout;
    expect(applied).toContain(pending.join(', '));
    expect((await cli('db:pending')).stdout).toContain('无待执行的迁移');
    const seeded = await cli('seed:demo');
    expect(seeded.stdout).toContain('演示数据就绪');
    db = new Client({ connectionString: freshUrl });
    await db.connect();
    // The migration recorded the installation; the seed then made years-overdue work.
    const installed = new Date(
      (await db.query("SELECT value FROM system_state WHERE key = 'installed_at'")).rows[0].value,
    );
    expect(installed.getTime()).toBeLessThanOrEqual(Date.now());
    expect(
      await count('SELECT count(*) AS n FROM assignments WHERE due_on < now()'),
    ).toBeGreaterThan(100);

    // A newcomer starts the worker right after installing: its clock is the installation's
    // instant. (On the real clock, a run during which 09:00 passed in Beijing, between the
    // migration and the first tick, would rightly plan that day's alerts and fail here.)
    worker = startWorker({
      DATABASE_URL: freshUrl,
      SMTP_URL: mail.url,
      LUOSHI_CLOCK: installed.toISOString(),
    });
    await worker.ready();
    // The start tick decided about the last slot (and any alert day from 09:00 on): before
    // the installation, so nothing is caught up.
    await waitFor('the start tick', async () =>
      /not catching up digest \d{4}-\d{2}-\d{2}.*: due before the installation/.test(
        worker!.output(),
      ),
    );
    expect(await count('SELECT count(*) AS n FROM reminder_runs')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM reminder_deliveries')).toBe(0);
    expect(mail.messages).toHaveLength(0);

    // A run asked for by hand (what POST /reminders/digest-runs queues) does send.
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    try {
      await queue.add(
        REMINDER_JOBS.planDigest,
        { period: '2025-03-10', asOf: '2025-03-10' },
        { removeOnComplete: true, removeOnFail: true },
      );
    } finally {
      await queue.close();
    }
    await waitFor('the hand-run digest to be sent', async () => mail.messages.length > 5);
    expect(
      await count(
        "SELECT count(*) AS n FROM reminder_runs WHERE kind = 'digest' AND period = '2025-03-10'",
      ),
    ).toBe(1);
  }, 180_000);
});
