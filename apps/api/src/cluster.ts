import cluster, { Worker } from 'node:cluster';

export interface ClusterLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ClusterOptions {
  /** API_PROCESSES: 1 runs the API in this process, as before. */
  processes: number;
  /** Starts one API (Nest app listening on the shared port). */
  start: () => Promise<void>;
  log: ClusterLog;
  /** First pause before a crashed process is started again; doubles on quick failures. */
  backoffMs?: number;
  /** How long a process has to finish its requests after SIGTERM before SIGKILL. */
  graceMs?: number;
}

/**
 * Several API processes on one host with node:cluster: they share the listening port (the
 * primary hands connections round-robin), each has its own pools and identity cache. The
 * primary only supervises: a process that dies unexpectedly is started again (the pause
 * doubles on quick failures, as docker/supervise.js does for the whole API); SIGTERM or Ctrl-C
 * passes SIGTERM to every process (Nest's shutdown hooks finish requests and close pools),
 * SIGKILL after `graceMs`, and the primary exits once all are gone. Logs: every process writes
 * to the same stdout, and each line carries its pid.
 */
export function runClustered(options: ClusterOptions): Promise<void> | void {
  if (options.processes <= 1 || !cluster.isPrimary) {
    if (cluster.isWorker) {
      // A primary that dies without stopping us (SIGKILL) must not leave orphans listening.
      process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    }
    return options.start();
  }
  const { log } = options;
  const base = options.backoffMs ?? 1000;
  const grace = options.graceMs ?? 10_000;
  let stopping = false;
  const startedAt = new Map<Worker, number>();
  let quickFailures = 0;

  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on('exit', (worker, code, signal) => {
    const ran = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (!startedAt.size) process.exit(0);
      return;
    }
    quickFailures = ran >= 60 * base ? 1 : quickFailures + 1;
    const pause = Math.min(base * 2 ** (quickFailures - 1), 30 * base);
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    log.warn(
      `API process ${worker.process.pid} ${how} after ${(ran / 1000).toFixed(1)} s; ` +
        `starting another in ${(pause / 1000).toFixed(1)} s`,
    );
    setTimeout(() => stopping || fork(), pause);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log.info(`stopping ${startedAt.size} API processes`);
    if (!startedAt.size) process.exit(0);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
    }, grace).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  log.info(`starting ${options.processes} API processes (API_PROCESSES)`);
  for (let i = 0; i < options.processes; i++) fork();
}
