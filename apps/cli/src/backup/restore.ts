import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { Client } from 'pg';
import type { BackupSettings } from '@app/config';
import type { Manifest } from './backup';
import { listFiles, sha256File } from './files';
import { BackupError, pgTool, run, serverMajor } from './pg-tools';

/** Tables whose rows make an installation "in use"; a migrated but unused one counts as empty. */
const IN_USE = ['users', 'units', 'plans', 'audit_log'];

export interface RestoreResult {
  tables: number;
  files: number;
  evidenceChecked: number;
  setAside?: string;
}

/**
 * Brings a backup back: the database into an emptied `public` schema (pg_restore, one
 * transaction) and the evidence files into STORAGE_DIR. Refuses an installation that holds data
 * unless `force`; with `force` the old files are moved aside, not deleted. Ends by checking
 * every evidence row's file against its SHA-256.
 */
export async function restore(
  settings: BackupSettings,
  archive: string,
  force: boolean,
  log: Logger,
): Promise<RestoreResult> {
  if (!existsSync(archive)) throw new BackupError(`找不到备份文件：${archive}`);
  const storage = resolve(settings.storageDir);
  mkdirSync(dirname(storage), { recursive: true });
  // Beside STORAGE_DIR, so the restored files move into place with a rename.
  const work = mkdtempSync(join(dirname(storage), '.restore-'));
  const client = new Client({
    connectionString: settings.database.url,
    connectionTimeoutMillis: settings.database.connectTimeoutMs || 5000,
  });
  try {
    await run('tar', ['-xzf', resolve(archive), '-C', work]);
    const manifest = readManifest(work);
    const dump = join(work, manifest.database.dump);
    if ((await sha256File(dump)) !== manifest.database.sha256) {
      throw new BackupError('备份文件已损坏：数据库导出的校验值不符');
    }

    await client.connect();
    const inUse = await whatIsThere(client, storage);
    if (inUse && !force) {
      throw new BackupError(
        `目标安装不是空的（${inUse}）。恢复会替换其中全部数据；确认要替换，请加 --force 再运行`,
      );
    }

    log.info({ archive }, '正在恢复数据库');
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query('CREATE SCHEMA public');
    const major = await serverMajor(settings.database.url, 5000);
    await run(pgTool('pg_restore', Math.max(major, manifest.database.serverMajor)), [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${settings.database.url}`,
      dump,
    ]);

    let setAside: string | undefined;
    if (listFiles(storage).length) {
      setAside = `${storage}.before-restore-${Date.now()}`;
      renameSync(storage, setAside);
    } else {
      rmSync(storage, { recursive: true, force: true });
    }
    renameSync(join(work, 'files'), storage);

    const evidenceChecked = await checkEvidence(client, storage);
    const [{ count }] = (
      await client.query("SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'")
    ).rows;
    return { tables: count, files: listFiles(storage).length, evidenceChecked, setAside };
  } finally {
    await client.end().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

function readManifest(work: string): Manifest {
  try {
    const manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.format !== 1) throw new Error('format');
    return manifest;
  } catch {
    throw new BackupError('这不是落实的备份文件（缺少或无法读取 manifest.json）');
  }
}

/** What the installation holds, in words, or undefined when it is empty. */
async function whatIsThere(client: Client, storage: string): Promise<string | undefined> {
  const found: string[] = [];
  const tables = new Set(
    (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map(
      (row) => row.tablename as string,
    ),
  );
  for (const table of IN_USE.filter((name) => tables.has(name))) {
    const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM ${table}`)).rows;
    if (count > 0) found.push(`${table} 表有 ${count} 行`);
  }
  const files = listFiles(storage).length;
  if (files) found.push(`${storage} 中有 ${files} 个文件`);
  return found.length ? found.join('，') : undefined;
}

/** Every evidence row's bytes are in place and match their SHA-256. */
async function checkEvidence(client: Client, storage: string): Promise<number> {
  const rows = (await client.query('SELECT storage_key, sha256 FROM evidence_files'))
    .rows as Array<{
    storage_key: string;
    sha256: string;
  }>;
  const bad: string[] = [];
  for (const row of rows) {
    const path = join(storage, row.storage_key);
    if (!existsSync(path) || (await sha256File(path)) !== row.sha256) bad.push(row.storage_key);
  }
  if (bad.length) {
    throw new BackupError(
      `数据库已恢复，但有 ${bad.length} 个证明材料文件缺失或内容不符：${bad.slice(0, 10).join('、')}`,
    );
  }
  return rows.length;
}
