import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { seedDemo } from '../../apps/cli/src/commands/seed-demo';
import { E2E_INSTALLED_AT, setInstalledAt } from './installation';
import { PASSWORD, SEED_PLAN } from './test-app';
import { workerScoped } from './workers';

/** Every migration and the demo data on an empty database, as the e2e global setup does. */
export async function migrateAndSeed(url: string): Promise<void> {
  const db = new DataSource(dataSourceOptions(url, { statementTimeoutMs: 0 }));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    await seedDemo(db, PASSWORD, SEED_PLAN);
    await setInstalledAt(db, E2E_INSTALLED_AT);
  } finally {
    await db.destroy();
  }
}

/**
 * A database of the test's own on the test PostgreSQL (dropped first if a failed run left it),
 * so a test may wipe and restore it without touching the database the other suites use.
 */
export async function createOwnDatabase(name: string): Promise<string> {
  const url = new URL(loadDatabaseUrl());
  await withAdmin(url, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  });
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Moves the suite onto a seeded database of its own (named per Jest worker) by pointing
 * DATABASE_URL at it, so the API it creates and the worker processes it starts all use it.
 * For a suite whose worker processes plan digests and alerts by their own clocks, or that
 * overwrites anything: the runs they record in the shared database would be found by the next
 * suite of the same Jest worker. Returns what moves it back and drops the database.
 */
export async function useSuiteDatabase(name: string): Promise<() => Promise<void>> {
  const shared = process.env.DATABASE_URL;
  const own = workerScoped(name);
  const url = await createOwnDatabase(own);
  await migrateAndSeed(url);
  process.env.DATABASE_URL = url;
  return async () => {
    process.env.DATABASE_URL = shared;
    await dropOwnDatabase(own);
  };
}

export async function dropOwnDatabase(name: string): Promise<void> {
  await withAdmin(new URL(loadDatabaseUrl()), (admin) =>
    admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

async function withAdmin<T>(url: URL, work: (db: DataSource) => Promise<T>): Promise<T> {
  const admin = new DataSource(dataSourceOptions(url.toString()));
  await admin.initialize();
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}
