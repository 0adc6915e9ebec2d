import { createHash } from 'node:crypto';
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
  /** Sends a few planned deliveries (at most SEND_BATCH), each claimed and marked on its own. */
  send: 'send-deliveries',
  /**
   * Sends one planned delivery: what versions before send-deliveries queued. Nothing queues it
   * now; the worker still takes it, so mail queued before an upgrade goes out at once.
   */
  sendOne: 'send-delivery',
} as const;

export interface ReminderJobPayloads {
  [REMINDER_JOBS.tick]: Record<string, never>;
  /**
   * `period`: the slot's nominal date; `asOf`: the date the content is computed for;
   * `workBefore` (ISO instant, set by the tick): only work that existed at the slot counts.
   */
  [REMINDER_JOBS.planDigest]: { period: string; asOf: string; workBefore?: string };
  [REMINDER_JOBS.planAlerts]: { date: string };
  [REMINDER_JOBS.send]: { deliveryIds: string[] };
  [REMINDER_JOBS.sendOne]: { deliveryId: string };
}

export type ReminderJobName = keyof ReminderJobPayloads;

export const jobIds = {
  planDigest: (period: string) => `plan-digest:${period}`,
  planAlerts: (date: string) => `plan-alerts:${date}`,
  /**
   * A lone delivery is named by its row's unique key; a batch by its first row's key, its size
   * and a digest of all its ids: the same rows, the same job, and other rows another job.
   */
  send: (batch: DeliveryKey[]) => {
    const [first] = batch;
    const key = `send:${first.unitId}:${first.kind}:${first.period}`;
    if (batch.length === 1) return key;
    const ids = createHash('sha256')
      .update(batch.map((d) => d.id).join(','))
      .digest('hex');
    return `${key}+${batch.length}:${ids.slice(0, 16)}`;
  },
};

/** A delivery row as the queue names it: its id, and the keys of its unique row. */
export interface DeliveryKey {
  id: string;
  unitId: string;
  kind: string;
  period: string;
}

/** How sending is retried; the same for every delivery, whoever queues it (worker or API). */
export interface SendRetry {
  mailAttempts: number;
  mailBackoffMs: number;
}

/**
 * Deliveries per send job. A Bull job and a claiming statement per email cost Redis, PostgreSQL
 * and the worker more than the email's own SMTP work left room for on the same cores
 * (bench:digest, one worker beside the bare nodemailer loop: 0.78–0.86× with a job per email,
 * 0.93–0.95× with eight per job). A retry still sends only the batch's rows not yet sent.
 */
export const SEND_BATCH = 8;

type SendJob = {
  name: typeof REMINDER_JOBS.send;
  data: ReminderJobPayloads[typeof REMINDER_JOBS.send];
  opts: JobOptions;
};

/**
 * The one way to queue the sending of delivery rows: the planner (digests, alerts) and the API
 * (chases and immediate notices) both use it, so every email has the same job ids and retries.
 * Rows are batched in the order given; give them in a stable order (the planner sorts by id) so
 * that queueing the same rows twice names the same jobs.
 */
export function sendJobs(deliveries: DeliveryKey[], retry: SendRetry): SendJob[] {
  const jobs: SendJob[] = [];
  for (let i = 0; i < deliveries.length; i += SEND_BATCH) {
    const batch = deliveries.slice(i, i + SEND_BATCH);
    jobs.push({
      name: REMINDER_JOBS.send,
      data: { deliveryIds: batch.map((d) => d.id) },
      opts: {
        jobId: jobIds.send(batch),
        attempts: retry.mailAttempts,
        backoff: { type: 'exponential', delay: retry.mailBackoffMs },
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
  }
  return jobs;
}

/**
 * The deliveries that jobs of the queue (as Bull lists them: a job that finished meanwhile is
 * null) still hold, whichever version of the send job queued them.
 */
export function deliveriesHeldBy(jobs: Array<Pick<Job, 'name' | 'data'> | null>): Set<string> {
  const ids = new Set<string>();
  for (const job of jobs) {
    if (job?.name === REMINDER_JOBS.send) {
      for (const id of (job.data as ReminderJobPayloads[typeof REMINDER_JOBS.send]).deliveryIds) {
        ids.add(id);
      }
    } else if (job?.name === REMINDER_JOBS.sendOne) {
      ids.add((job.data as ReminderJobPayloads[typeof REMINDER_JOBS.sendOne]).deliveryId);
    }
  }
  return ids;
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
