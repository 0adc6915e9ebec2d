import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
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
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    // Deadlines are calendar dates; timestamps are stored as timestamptz. Keeping the session in
    // UTC makes `now()` and date arithmetic in SQL independent of the server's setting.
    extra: { options: '-c timezone=UTC', max: 20 },
  };
}
