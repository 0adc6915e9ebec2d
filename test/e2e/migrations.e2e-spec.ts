import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '@app/config';
import { dataSourceOptions } from '@app/database';

/** On a database of its own, so the shared test schema is left alone. */
describe('migrations', () => {
  const url = new URL(loadDatabaseUrl());
  const scratch = `luoshi_migrations_${process.pid}`;
  let admin: DataSource;
  let db: DataSource;

  beforeAll(async () => {
    admin = new DataSource(dataSourceOptions(url.toString()));
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.query(`CREATE DATABASE ${scratch}`);
    url.pathname = `/${scratch}`;
    db = new DataSource(dataSourceOptions(url.toString()));
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.destroy();
  });

  const tables = async (): Promise<string[]> =>
    (
      await db.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1",
      )
    ).map((r: { table_name: string }) => r.table_name);

  it('run up on an empty database and leave nothing for migration:generate to find', async () => {
    const applied = await db.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    expect(await tables()).toEqual(
      expect.arrayContaining(['assignments', 'audit_log', 'items', 'plans', 'units', 'users']),
    );
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('run down cleanly to an empty schema and up again', async () => {
    while ((await db.query('SELECT count(*)::int AS n FROM migrations'))[0].n > 0) {
      await db.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables()).toEqual([]);
    const types = await db.query(
      "SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'",
    );
    expect(types).toEqual([]);
    await db.runMigrations({ transaction: 'each' });
    expect((await tables()).length).toBeGreaterThan(5);
  });
});
