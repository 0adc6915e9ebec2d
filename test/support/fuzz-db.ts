import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { seedDemo } from '../../apps/cli/src/commands/seed-demo';

/**
 * A database of a suite's own (migrations + demo data) beside the shared one, for a suite that
 * may delete and overwrite anything (the fuzzer). Returns its URL and a function that drops it.
 */
export async function disposableDatabase(
  sharedUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new DataSource({ ...dataSourceOptions(sharedUrl), migrations: [], entities: [] });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  const db = new DataSource(dataSourceOptions(url.toString()));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    await seedDemo(
      db,
      process.env.DEMO_PASSWORD ?? 'luoshi-demo',
      readFileSync(join(__dirname, '../fixtures/plan-003.txt'), 'utf8'),
    );
  } finally {
    await db.destroy();
  }
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}
