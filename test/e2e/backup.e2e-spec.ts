import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { createOwnDatabase, dropOwnDatabase, migrateAndSeed } from '../support/databases';
import { createTestApp, demoIds, shareOf, TestApp } from '../support/test-app';
import { workerScoped } from '../support/workers';

const run = promisify(execFile);
const root = join(__dirname, '../..');
const DB = workerScoped('luoshi_backup_e2e');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);

/**
 * `npm run backup` and `npm run restore` as an operator runs them (docker/cli.sh), on a
 * database of this test's own on the test PostgreSQL, and a files folder of its own: back up,
 * wipe both, restore, and find every row and every file's bytes again.
 */
describe('backup and restore', () => {
  let url: string;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    url = await createOwnDatabase(DB);
    await migrateAndSeed(url);
    const varDir = resolve(root, process.env.LUOSHI_VAR_DIR ?? 'var/test');
    mkdirSync(varDir, { recursive: true });
    work = mkdtempSync(join(varDir, 'backup-e2e-'));
    env = {
      ...(process.env as Record<string, string>),
      DATABASE_URL: url,
      STORAGE_DIR: join(work, 'files'),
      BACKUP_DIR: join(work, 'backups'),
      BACKUP_KEEP: '2',
    };
  }, 120_000);
  afterAll(async () => {
    await dropOwnDatabase(DB);
    rmSync(work, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    run('bash', ['docker/cli.sh', ...args], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });

  /** Everything the round trip must keep, read in a fixed order. */
  async function everything(db: DataSource) {
    const table = (name: string) => db.query(`SELECT * FROM ${name} ORDER BY id`);
    const evidence = await table('evidence_files');
    return {
      plans: await table('plans'),
      items: await table('items'),
      assignments: await table('assignments'),
      reports: await table('progress_reports'),
      evidence,
      audit: await table('audit_log'),
      users: await table('users'),
      migrations: await db.query('SELECT * FROM migrations ORDER BY id'),
      bytes: evidence.map((row: { storage_key: string }) =>
        readFileSync(join(env.STORAGE_DIR, row.storage_key)).toString('hex'),
      ),
    };
  }

  async function withDb<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
    const db = new DataSource(dataSourceOptions(url));
    await db.initialize();
    try {
      return await work(db);
    } finally {
      await db.destroy();
    }
  }

  it('backs up, wipes, restores, and finds every plan, report, file and audit row', async () => {
    // Some work with evidence, through the API: a report with two files, submitted and accepted.
    const t: TestApp = await createTestApp('2025-03-10', {
      databaseUrl: url,
      storageDir: env.STORAGE_DIR,
    });
    let fileId: string;
    try {
      const { plan } = await demoIds(t.db);
      const share = await shareOf(t, plan, 7, '区行政服务中心');
      const clerk = await t.as('xingzhengfuwu');
      const report = await t
        .http()
        .post(`/assignments/${share.id}/reports`)
        .set(clerk)
        .send({ periodDate: '2025-02-14', workDone: '政务服务事项全部进驻大厅', percent: 60 });
      expect(report.status).toBe(201);
      const text = await t
        .http()
        .post(`/reports/${report.body.id}/files`)
        .set(clerk)
        .attach('file', Buffer.from('进驻事项清单：312项\n'), '进驻清单.txt');
      const image = await t
        .http()
        .post(`/reports/${report.body.id}/files`)
        .set(clerk)
        .attach('file', PNG, '现场.png');
      expect([text.status, image.status]).toEqual([201, 201]);
      fileId = image.body.id;
      const current = await t.http().get(`/reports/${report.body.id}`).set(clerk);
      const submitted = await t
        .http()
        .post(`/reports/${report.body.id}/submit`)
        .set(clerk)
        .send({ version: current.body.version });
      const accepted = await t
        .http()
        .post(`/reports/${report.body.id}/accept`)
        .set(await t.as('leader'))
        .send({ version: submitted.body.version });
      expect(accepted.body.status).toBe('accepted');
    } finally {
      await t.close();
    }
    const before = await withDb(everything);
    expect(before.evidence).toHaveLength(2);
    expect(before.audit.length).toBeGreaterThan(0);

    const made = await cli('backup');
    const [file] = readdirSync(env.BACKUP_DIR);
    expect(file).toMatch(/^luoshi-backup-\d{8}-\d{6}\.tar\.gz$/);
    expect(made.stdout).toContain(`备份完成：${join(env.BACKUP_DIR, file)}`);
    expect(made.stdout).toContain('2 个证明材料文件');

    // Wipe: the schema and the files are gone.
    await withDb((db) => db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
    rmSync(env.STORAGE_DIR, { recursive: true, force: true });

    const restored = await cli('restore', join(env.BACKUP_DIR, file));
    expect(restored.stdout).toMatch(
      /恢复完成：\d+ 个数据表，2 个文件；2 个证明材料的文件已核对无误/,
    );
    expect(await withDb(everything)).toEqual(before);

    // The API serves the restored evidence byte for byte.
    const again = await createTestApp('2025-03-10', {
      databaseUrl: url,
      storageDir: env.STORAGE_DIR,
    });
    try {
      const download = await again
        .http()
        .get(`/files/${fileId}`)
        .set(await again.as('leader'))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(Buffer.compare(download.body, PNG)).toBe(0);
    } finally {
      await again.close();
    }
  }, 240_000);

  it('refuses to restore over an installation that holds data unless --force', async () => {
    const [file] = readdirSync(env.BACKUP_DIR).sort();
    await expect(cli('restore', join(env.BACKUP_DIR, file))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('目标安装不是空的'),
    });
    const forced = await cli('restore', join(env.BACKUP_DIR, file), '--force');
    expect(forced.stdout).toContain('恢复完成');
    expect(forced.stdout).toContain('原有文件已移到');
  }, 240_000);

  it('keeps the newest BACKUP_KEEP backups and refuses a file that is not a backup', async () => {
    const names = new Set<string>();
    for (let i = 0; i < 2; i++) {
      // One backup a second at most: the name carries the second. The last one was named before
      // now, so the next whole second is enough (a fixed 1.1 s waited twice as long on average).
      await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
      await cli('backup');
      for (const name of readdirSync(env.BACKUP_DIR)) names.add(name);
    }
    const kept = readdirSync(env.BACKUP_DIR).filter((name) => name.endsWith('.tar.gz'));
    expect(names.size).toBe(3);
    expect(kept).toEqual([...names].sort().slice(1));
    const junk = join(work, 'junk.tar.gz');
    await run('tar', ['-czf', junk, '-C', root, 'package.json']);
    await expect(cli('restore', junk, '--force')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('这不是落实的备份文件'),
    });
    expect(existsSync(env.STORAGE_DIR)).toBe(true);
  }, 240_000);
});
