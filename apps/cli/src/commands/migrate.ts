import { DataSource, MigrationExecutor } from 'typeorm';

export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/**
 * What `db:migrate` would run now, oldest first, so an upgrade can be planned (some migrations
 * rewrite every assignment). Runs nothing; on an empty database it creates only TypeORM's
 * bookkeeping table, as `db:migrate` would first.
 */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  return pending.map((migration) => migration.name);
}

export async function revertLast(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: 'each' });
}
