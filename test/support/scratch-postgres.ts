import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

/**
 * A PostgreSQL of one test's own, for tests that stop, restart or freeze the server: the shared
 * test instance the other suites use is never touched. Data in a fresh temp folder (mode 700,
 * handed to the `postgres` user when we are root, since PostgreSQL refuses to run as root; a
 * temp folder because the checkout itself may be closed to that user), port from freePort.
 */
export interface ScratchPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP to the postmaster and every backend: the server takes connections, answers nothing. */
  freeze(): void;
  thaw(): void;
  destroy(): Promise<void>;
}

export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const bin = pgBin();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-scratch-pg-'));
  const data = join(dir, 'data');
  const asPg = (cmd: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  if (root) await run('chown', ['postgres', dir]);
  await asPg(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const port = await freePort();
  const start = () =>
    asPg(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]).then(() => undefined);
  const stop = () =>
    asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).then(() => undefined);
  await start();

  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query("CREATE ROLE luoshi LOGIN PASSWORD 'luoshi' CREATEDB");
  await admin.query("CREATE DATABASE luoshi OWNER luoshi ENCODING 'UTF8' TEMPLATE template0");
  await admin.end();

  let frozen: number[] = [];
  return {
    url: `postgres://luoshi:luoshi@127.0.0.1:${port}/luoshi`,
    port,
    start,
    stop,
    freeze() {
      const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      frozen = [postmaster, ...childrenOf(postmaster)];
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    thaw() {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    },
    async destroy() {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      if (existsSync(join(data, 'postmaster.pid'))) {
        await asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
          () => undefined,
        );
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where initdb and pg_ctl are, as docker/services.sh finds them. */
export function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found (set PG_BIN)');
  return join(base, versions[0], 'bin');
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * A streaming replica of a scratch PostgreSQL, made the way an operator makes one:
 * `pg_basebackup -R` (which writes standby.signal and primary_conninfo) into a fresh folder,
 * then started read-only (hot standby) on a port of its own. The primary's default pg_hba from
 * initdb --auth=trust already lets 127.0.0.1 connect for replication.
 */
export interface ScratchReplica {
  url: string;
  port: number;
  /** A superuser session on the replica (to pause and resume replay). */
  admin(): Client;
  destroy(): Promise<void>;
}

export async function startScratchReplica(primary: ScratchPostgres): Promise<ScratchReplica> {
  const bin = pgBin();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-scratch-replica-'));
  const data = join(dir, 'data');
  const asPg = (cmd: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  if (root) await run('chown', ['postgres', dir]);
  await asPg(join(bin, 'pg_basebackup'), [
    ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
    ...['-D', data, '-R', '-X', 'stream', '-c', 'fast'],
  ]);
  const port = await freePort();
  await asPg(join(bin, 'pg_ctl'), [
    ...['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o'],
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on`,
    'start',
  ]);
  return {
    url: `postgres://luoshi:luoshi@127.0.0.1:${port}/luoshi`,
    port,
    admin: () => new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' }),
    async destroy() {
      if (existsSync(join(data, 'postmaster.pid'))) {
        await asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
          () => undefined,
        );
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
