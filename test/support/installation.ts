import { DataSource } from 'typeorm';

/** When the e2e world's installation began: before any clock the suites set (2025-2027). */
export const E2E_INSTALLED_AT = '2024-01-01T00:00:00.000Z';

/** Sets the installation time the workers read (system_state, written by the migration). */
export async function setInstalledAt(db: DataSource, at: string): Promise<void> {
  await db.query(`UPDATE system_state SET value = $1 WHERE key = 'installed_at'`, [
    new Date(at).toISOString(),
  ]);
}
