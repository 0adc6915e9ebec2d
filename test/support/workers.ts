/**
 * Isolation between Jest workers. `npm test` runs the suites in parallel (see
 * test/run-all.sh); each worker gets its own copy of the seeded database and its own Redis
 * database, so a suite sees only what suites of its own worker did, as in a serial run. A
 * suite never needs this file directly: DATABASE_URL and REDIS_URL already point at the
 * worker's own when its code runs (test/support/worker-env.ts). What it must do is name
 * anything else that is shared by the worker: see {@link workerScoped}.
 */

/** Set by the global setup to the number of workers it prepared a database for. */
export const WORKERS_ENV = 'LUOSHI_TEST_WORKERS';

/** Jest numbers its workers 1…maxWorkers; a serial run (`--runInBand`) is worker 1. */
export function workerId(): number {
  return Number(process.env.JEST_WORKER_ID ?? '1');
}

/** The worker's own database: `luoshi` → `luoshi_w2`. */
export function workerDatabaseUrl(base: string, id: number): string {
  const url = new URL(base);
  url.pathname = `${url.pathname}_w${id}`;
  return url.toString();
}

/** The worker's own Redis database (0 stays the services' own; Redis has 16 by default). */
export function workerRedisUrl(base: string, id: number): string {
  const url = new URL(base);
  url.pathname = `/${id}`;
  return url.toString();
}

/**
 * A name for a database, queue, folder… that a suite creates by a fixed name on the shared
 * services: two workers running suites that use it must not meet. `luoshi_backup_e2e` →
 * `luoshi_backup_e2e_w2`.
 */
export function workerScoped(name: string): string {
  return `${name}_w${workerId()}`;
}
