import type { Job, JobOptions, Queue } from 'bull';

/**
 * The one contract between producers (the API) and processors (the worker): queue names, job
 * names and a typed payload per job. Payloads carry ids and dates only; the worker re-reads the
 * database. Job ids are derived from the same keys as the database's unique rows, so a job
 * added twice is one job while Bull keeps it, and the database decides after that.
 */
export const QUEUES = {
  reminders: 'reminders',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const REMINDER_JOBS = {
  /** Repeatable: asks what is due by now (digests, alerts, unsent mail) and queues it. */
  tick: 'tick',
  /** Plans one weekly digest period: a delivery row per unit that owes work. */
  planDigest: 'plan-digest',
  /** Plans one day's deadline alerts. */
  planAlerts: 'plan-alerts',
  /** Sends one planned delivery. */
  send: 'send-delivery',
} as const;

export interface ReminderJobPayloads {
  [REMINDER_JOBS.tick]: Record<string, never>;
  /**
   * `period`: the slot's nominal date; `asOf`: the date the content is computed for;
   * `workBefore` (ISO instant, set by the tick): only work that existed at the slot counts.
   */
  [REMINDER_JOBS.planDigest]: { period: string; asOf: string; workBefore?: string };
  [REMINDER_JOBS.planAlerts]: { date: string };
  [REMINDER_JOBS.send]: { deliveryId: string };
}

export type ReminderJobName = keyof ReminderJobPayloads;

export const jobIds = {
  planDigest: (period: string) => `plan-digest:${period}`,
  planAlerts: (date: string) => `plan-alerts:${date}`,
  send: (key: { unitId: string; kind: string; period: string }) =>
    `send:${key.unitId}:${key.kind}:${key.period}`,
};

/** How sending is retried; the same for every delivery, whoever queues it (worker or API). */
export interface SendRetry {
  mailAttempts: number;
  mailBackoffMs: number;
}

/**
 * The one way to queue the sending of a delivery row: the planner (digests, alerts) and the API
 * (chases and immediate notices) both use it, so every email has the same job id and retries.
 */
export function sendJob(
  delivery: { id: string; unitId: string; kind: string; period: string },
  retry: SendRetry,
): { name: typeof REMINDER_JOBS.send; data: { deliveryId: string }; opts: JobOptions } {
  return {
    name: REMINDER_JOBS.send,
    data: { deliveryId: delivery.id },
    opts: {
      jobId: jobIds.send(delivery),
      attempts: retry.mailAttempts,
      backoff: { type: 'exponential', delay: retry.mailBackoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}

/**
 * For producers only (the API): fail at once while Redis is down instead of queueing the
 * command for minutes; the request answers 503 and nothing is half done.
 */
export const PRODUCER_REDIS_OPTIONS = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectTimeout: 2000,
} as const;

/**
 * The reminders queue as producers see it: `add` and `addBulk` take only a job name of the
 * contract, with that job's payload, so a producer cannot queue what the processor does not read.
 * Inject it with `@InjectQueue(QUEUES.reminders) queue: ReminderQueue`.
 */
export interface ReminderQueue extends Omit<Queue, 'add' | 'addBulk'> {
  add<N extends ReminderJobName>(
    name: N,
    data: ReminderJobPayloads[N],
    opts?: JobOptions,
  ): Promise<Job<ReminderJobPayloads[N]>>;
  addBulk<N extends ReminderJobName>(
    jobs: Array<{ name: N; data: ReminderJobPayloads[N]; opts?: JobOptions }>,
  ): Promise<Array<Job<ReminderJobPayloads[N]>>>;
}
