import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * Once per end-to-end run: an empty schema, every migration, the demo data. Tests then create
 * what else they need with names of their own, so they do not depend on one another's order.
 */
export default async function globalSetup(): Promise<void> {
  // Jest runs globalSetup outside its module registry, where moduleNameMapper does not apply:
  // the @app/* aliases are resolved by tsconfig-paths, before anything that uses them loads.
  register({ baseUrl: join(__dirname, '../..'), paths: { '@app/*': ['libs/*/src'] } });
  const { DataSource } = require('typeorm') as typeof import('typeorm');
  const { loadDatabaseUrl } = require('@app/config') as typeof import('@app/config');
  const { dataSourceOptions } = require('@app/database') as typeof import('@app/database');
  const { E2E_INSTALLED_AT, setInstalledAt } =
    require('./installation') as typeof import('./installation');
  const { seedDemo } =
    require('../../apps/cli/src/commands/seed-demo') as typeof import('../../apps/cli/src/commands/seed-demo');

  const db = new DataSource(dataSourceOptions(loadDatabaseUrl()));
  await db.initialize();
  try {
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await db.runMigrations({ transaction: 'each' });
    await seedDemo(
      db,
      process.env.DEMO_PASSWORD ?? 'luoshi-demo',
      readFileSync(join(__dirname, '../fixtures/plan-003.txt'), 'utf8'),
    );
    // The suites' clocks run in 2025-2027 on data made today: the migration recorded today as
    // the installation, which would put every slot they play before it. The e2e installation
    // is taken as older than their clocks; the tests about first starts and catch-up set their
    // own (test/e2e/first-start, reminders).
    await setInstalledAt(db, E2E_INSTALLED_AT);
  } finally {
    await db.destroy();
  }
}
