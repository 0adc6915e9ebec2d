/**
 * The one contract between producers (the API) and processors (the worker): queue names, job
 * names and a typed payload per job. Payloads carry ids only; the worker re-reads the database.
 */
export const QUEUES = {
  reminders: 'reminders',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const REMINDER_JOBS = {
  /** Heartbeat proving the worker is consuming; used by the health check and the tests. */
  ping: 'ping',
} as const;

export interface ReminderJobPayloads {
  [REMINDER_JOBS.ping]: { sentAt: string };
}

export type ReminderJobName = keyof ReminderJobPayloads;
