import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

/** The part of Jest's global configuration the setup reads. */
interface JestRun {
  maxWorkers: number;
  runInBand?: boolean;
}

/**
 * Once per end-to-end run: an empty schema, every migration, the demo data. Tests then create
 * what else they need with names of their own, so they do not depend on one another's order.
 * With several Jest workers, each then gets a copy of that database of its own (see
 * test/support/workers.ts): one seed, cloned by PostgreSQL in a fraction of a second.
 */
export default async function globalSetup(globalConfig: JestRun): Promise<void> {
  // Jest runs globalSetup outside its module registry, where moduleNameMapper does not apply:
  // the @app/* aliases are resolved by tsconfig-paths, before anything that uses them loads.
  register({ baseUrl: join(__dirname, '../..'), paths: { '@app/*': ['libs/*/src'] } });
  const { DataSource } = require('typeorm') as typeof import('typeorm');
  const { loadDatabaseUrl } = require('@app/config') as typeof import('@app/config');
  const { dataSourceOptions } = require('@app/database') as typeof import('@app/database');
  const { E2E_INSTALLED_AT, setInstalledAt } =
    require('./installation') as typeof import('./installation');
  const { WORKERS_ENV, workerDatabaseUrl } = require('./workers') as typeof import('./workers');
  const { seedDemo } =
    require('../../apps/cli/src/commands/seed-demo') as typeof import('../../apps/cli/src/commands/seed-demo');

  const url = loadDatabaseUrl();
  const db = new DataSource(dataSourceOptions(url));
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

  // A serial run (--runInBand) uses DATABASE_URL itself, as before.
  const workers = globalConfig.runInBand ? 1 : globalConfig.maxWorkers;
  if (workers <= 1) return;
  // Worker N uses Redis database N, and Redis has 16 (0 stays the services' own).
  if (workers > 15)
    throw new Error(`at most 15 Jest workers (Redis databases 1-15), not ${workers}`);
  const source = new URL(url).pathname.slice(1);
  const maintenance = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const admin = new DataSource(dataSourceOptions(maintenance));
  await admin.initialize();
  try {
    for (let id = 1; id <= workers; id++) {
      const name = new URL(workerDatabaseUrl(url, id)).pathname.slice(1);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
    }
  } finally {
    await admin.destroy();
  }
  // Read by test/support/worker-env.ts in every worker (they inherit this process's env).
  process.env[WORKERS_ENV] = String(workers);
}
