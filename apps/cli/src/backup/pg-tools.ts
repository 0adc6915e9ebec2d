import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

export const run = promisify(execFile);

/** The server's major version (15 for 15.x). */
export async function serverMajor(url: string, connectTimeoutMs: number): Promise<number> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  await client.connect();
  try {
    const [row] = (await client.query('SHOW server_version_num')).rows;
    return Math.floor(Number(row.server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump or pg_restore of the server's own major version (a newer pg_dump reads an older
 * server, an older one refuses a newer server): PG_BIN if set, else
 * /usr/lib/postgresql/<major>/bin, else the newest installed one that is at least as new.
 */
export function pgTool(tool: 'pg_dump' | 'pg_restore', major: number): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, tool);
  const base = '/usr/lib/postgresql';
  const installed = existsSync(base)
    ? readdirSync(base)
        .map(Number)
        .filter((v) => v >= major && existsSync(join(base, String(v), 'bin', tool)))
        .sort((a, b) => a - b)
    : [];
  if (!installed.length) {
    throw new BackupError(
      `找不到 PostgreSQL ${major} 或更新版本的 ${tool}（服务器为 ${major} 版）。请安装 postgresql-client-${major}，或用 PG_BIN 指明其目录`,
    );
  }
  return join(base, String(installed[0]), 'bin', tool);
}

/** A refusal or failure the operator can act on: printed as is, exit code 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
