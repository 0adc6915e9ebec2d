import { WORKERS_ENV, workerDatabaseUrl, workerId, workerRedisUrl } from './workers';

// Runs in every e2e test file before anything else loads (jest.config.js, setupFiles): points
// the suite, the apps it starts and every process it spawns at its worker's own database and
// Redis database, which the global setup prepared. Nothing to do in a serial run.
if (Number(process.env[WORKERS_ENV] ?? '0') > 1) {
  const id = workerId();
  const own = workerDatabaseUrl(process.env.DATABASE_URL!, id);
  // Idempotent: a worker's environment already pointed at its own is left as it is.
  if (!process.env.DATABASE_URL!.includes(`_w${id}`)) process.env.DATABASE_URL = own;
  process.env.REDIS_URL = workerRedisUrl(process.env.REDIS_URL!, id);
}
