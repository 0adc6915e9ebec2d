import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { BackupSettings } from '@app/config';
import { isoInZone } from '@app/logging';
import { listFiles, sha256File, snapshotFiles } from './files';
import { pgTool, run, serverMajor } from './pg-tools';

export const BACKUP_PATTERN = /^luoshi-backup-\d{8}-\d{6}\.tar\.gz$/;

export interface Manifest {
  format: 1;
  createdAt: string;
  database: { serverMajor: number; dump: 'database.dump'; sha256: string };
  files: { count: number; bytes: number };
}

/**
 * One file that holds a consistent copy of everything Luoshi keeps: the database (pg_dump's
 * custom format, one snapshot) and the evidence files. The files are hard-linked into the
 * backup's folder before the dump and topped up after it, so every file a dumped row names is
 * there even if it is deleted or added while the dump runs. The archive appears under its final
 * name only when complete; then the oldest beyond BACKUP_KEEP are removed.
 */
export async function backup(
  settings: BackupSettings,
  log: Logger,
  now = new Date(),
): Promise<{ file: string; manifest: Manifest; removed: string[] }> {
  const dir = resolve(settings.backup.dir);
  // The backup holds password hashes: readable by its owner only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = isoInZone(now.getTime(), 'Asia/Shanghai')
    .slice(0, 19)
    .replace(/[-:]/g, '')
    .replace('T', '-');
  const name = `luoshi-backup-${stamp}.tar.gz`;
  const work = mkdtempSync(join(dir, '.partial-'));
  try {
    const storage = resolve(settings.storageDir);
    const files = join(work, 'files');
    mkdirSync(files);
    snapshotFiles(storage, files);

    const { url, connectTimeoutMs } = settings.database;
    const major = await serverMajor(url, connectTimeoutMs || 5000);
    const dump = join(work, 'database.dump');
    log.info({ serverMajor: major }, '正在导出数据库');
    await run(pgTool('pg_dump', major), [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${dump}`,
      `--dbname=${url}`,
    ]);
    snapshotFiles(storage, files);

    const listed = listFiles(files);
    const manifest: Manifest = {
      format: 1,
      createdAt: isoInZone(now.getTime(), 'Asia/Shanghai'),
      database: { serverMajor: major, dump: 'database.dump', sha256: await sha256File(dump) },
      files: {
        count: listed.length,
        bytes: listed.reduce((sum, file) => sum + statSync(join(files, file)).size, 0),
      },
    };
    writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const partial = join(dir, `${name}.partial`);
    await run('tar', ['-czf', partial, '-C', work, 'manifest.json', 'database.dump', 'files']);
    chmodSync(partial, 0o600);
    renameSync(partial, join(dir, name));
    return { file: join(dir, name), manifest, removed: prune(dir, settings.backup.keep) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Keeps the newest `keep` backups (0: all); names sort by date. */
function prune(dir: string, keep: number): string[] {
  if (keep <= 0) return [];
  const all = readdirSync(dir)
    .filter((name) => BACKUP_PATTERN.test(name))
    .sort();
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const name of old) rmSync(join(dir, name));
  return old;
}
