import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import type { DatabaseSettings } from '@app/config';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

// A `date` is a calendar day, not an instant: keep it the 'YYYY-MM-DD' text PostgreSQL sends,
// also in raw queries, instead of pg's default of a Date at local midnight.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/**
 * The one description of the database, used by Nest (DatabaseModule), the migration CLI
 * (`typeorm -d dist/libs/database/src/data-source.js`) and the tests. Never `synchronize`:
 * the schema only changes through migrations.
 */
export function dataSourceOptions(
  target: string | DatabaseSettings,
  bounds: Partial<Omit<DatabaseSettings, 'url'>> = {},
): DataSourceOptions {
  const settings = { ...DEFAULT_BOUNDS, ...(typeof target === 'string' ? {} : target), ...bounds };
  const url = typeof target === 'string' ? target : target.url;
  const readUrl = typeof target === 'string' ? undefined : target.readUrl;
  return {
    type: 'postgres',
    // With a replica, TypeORM keeps a pool for each. `defaultMode: 'master'`: everything goes
    // to the primary (a user reads what they just wrote) unless a read asks for the replica
    // through ReplicaReads; a transaction always runs on the primary.
    ...(readUrl
      ? { replication: { master: { url }, slaves: [{ url: readUrl }], defaultMode: 'master' } }
      : { url }),
    entities: ENTITIES,
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    extra: { ...sessionBounds(settings), max: settings.poolSize },
  };
}

/**
 * Every session's settings (pg's `options`), for the product and the benchmarks' raw-SQL
 * baselines alike. Deadlines are calendar dates and timestamps are timestamptz: a session in UTC
 * makes `now()` and date arithmetic in SQL independent of the server's setting. No JIT: where
 * PostgreSQL has it (Debian's packages do, and turn it on), the statistics' long expressions
 * are compiled on every execution, which doubled their time (125 → 235 ms at province scale)
 * and took an older form of the statement from 0.23 to 2.5 s; no statement here runs long
 * enough to win it back.
 */
export const SESSION_OPTIONS = '-c timezone=UTC -c jit=off';

const DEFAULT_BOUNDS: Omit<DatabaseSettings, 'url'> = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
  poolSize: 20,
};

/**
 * pg's pool and client options that bound every wait on PostgreSQL. A stopped server refuses
 * at once; a frozen one accepts the TCP connection and never answers, so the connect, the
 * statement (server side) and the read (client side, for a server too frozen to cancel
 * anything) all have limits. The read limit is a little longer than the statement limit, so a
 * slow statement is cancelled by the server (and its connection stays usable) before the client
 * gives up on it.
 */
function sessionBounds(settings: Omit<DatabaseSettings, 'url'>) {
  const statement = settings.statementTimeoutMs;
  return {
    options: `${SESSION_OPTIONS}${statement ? ` -c statement_timeout=${statement}` : ''}`,
    ...(settings.connectTimeoutMs ? { connectionTimeoutMillis: settings.connectTimeoutMs } : {}),
    ...(statement ? { query_timeout: statement + 2_000 } : {}),
    keepAlive: true,
  };
}
