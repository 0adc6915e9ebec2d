/**
 * The weekly digest for the province-scale data set (test/bench/digest.sh prepares it), sent the
 * real way: the digest is triggered through the queue contract as POST /reminders/digest-runs
 * does, real worker processes plan it and send every email with nodemailer to the local mail
 * catcher, and the clock runs until every delivery row of the period is settled (the workers'
 * second run: the first warms them, see viaWorkers). Then a plain
 * nodemailer loop (the worker's transport options) sends the same messages to the same server.
 * Prints emails per second for both; asserts nothing. Re-runnable: the period's delivery and run
 * rows are deleted before each run.
 *
 *   BENCH_DIGEST_DATE  the digest's date (default 2024-06-03, a Monday in the plans' period)
 *   BENCH_WORKERS      worker counts to measure, one run each (default "1,2")
 */
import 'reflect-metadata';
import Queue from 'bull';
import nodemailer from 'nodemailer';
import { Pool } from 'pg';
import { SESSION_OPTIONS } from '@app/database';
import { loadConfig } from '@app/config';
import { jobIds, QUEUES, REMINDER_JOBS } from '@app/queue-contracts';
import {
  mailMessage,
  SMTP_TRANSPORT_OPTIONS,
} from '../../apps/worker/src/reminders/mailer.service';
import { startWorker, WorkerProcess } from '../support/worker';

const DATE = process.env.BENCH_DIGEST_DATE ?? '2024-06-03';
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const POLL_MS = 50;
/** Gives up (and says so) if the period is not settled by then. */
const DEADLINE_MS = 10 * 60_000;

const config = loadConfig();
const pool = new Pool({ connectionString: config.databaseUrl, max: 2, options: SESSION_OPTIONS });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (from: bigint, to: bigint) => Number(to - from) / 1e9;

interface Settled {
  total: number;
  sent: number;
  failed: number;
  open: number;
}

async function settled(): Promise<Settled> {
  const [row] = (
    await pool.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS open
       FROM reminder_deliveries WHERE kind = 'digest' AND period = $1`,
      [DATE],
    )
  ).rows;
  return row;
}

/** Forget the period (rows and queued jobs), so every run plans and sends it from scratch. */
async function reset(queue: Queue.Queue): Promise<void> {
  await pool.query(`DELETE FROM reminder_deliveries WHERE kind = 'digest' AND period = $1`, [DATE]);
  await pool.query(`DELETE FROM reminder_runs WHERE kind = 'digest' AND period = $1`, [DATE]);
  await queue.obliterate({ force: true });
}

/**
 * `count` worker processes plan and send the digest twice, and the second time is measured: the
 * first warms them (V8's compiled code, the pools and their prepared statements), as a worker
 * that has been up for a while, which is how a province's Monday finds it.
 */
async function viaWorkers(queue: Queue.Queue, count: number) {
  // No tick during the run: it would plan today's digest and alerts on the same data.
  const env = { LOG_LEVEL: 'info', REMINDER_TICK_CRON: '0 0 1 1 *' };
  const workers: WorkerProcess[] = Array.from({ length: count }, () => startWorker(env));
  try {
    await Promise.all(workers.map((w) => w.ready()));
    const warm = await digestOnce(queue, workers);
    return { ...(await digestOnce(queue, workers)), warm };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** The period forgotten, then planned and sent from the trigger until every row is settled. */
async function digestOnce(queue: Queue.Queue, workers: WorkerProcess[]) {
  await reset(queue);
  const start = process.hrtime.bigint();
  // What the API's POST /reminders/digest-runs adds.
  await queue.add(
    REMINDER_JOBS.planDigest,
    { period: DATE, asOf: DATE },
    {
      jobId: jobIds.planDigest(DATE),
      removeOnComplete: true,
      removeOnFail: true,
      timeout: 600_000,
    },
  );
  let planned: bigint | undefined;
  let state: Settled;
  for (;;) {
    await sleep(POLL_MS);
    const dead = workers.find((w) => w.child.exitCode !== null);
    if (dead) throw new Error(`a worker exited:\n${dead.output()}`);
    if (Number(process.hrtime.bigint() - start) / 1e6 > DEADLINE_MS) {
      throw new Error(`the ${DATE} digest was not settled in ${DEADLINE_MS / 60_000} minutes`);
    }
    if (!planned) {
      const run = await pool.query(
        `SELECT 1 FROM reminder_runs WHERE kind = 'digest' AND period = $1`,
        [DATE],
      );
      if (run.rowCount) planned = process.hrtime.bigint();
      else continue;
    }
    state = await settled();
    if (state.open === 0) break;
  }
  const done = process.hrtime.bigint();
  return {
    deliveries: state.total,
    sent: state.sent,
    failed: state.failed,
    planning: seconds(start, planned),
    sending: seconds(planned, done),
    elapsed: seconds(start, done),
  };
}

/**
 * The same messages the workers just sent, handed to one pooled nodemailer transport at once;
 * twice, as the workers, and the second time is measured.
 */
async function viaLoop() {
  const rows: Array<{
    id: string;
    recipients: string[];
    cc: string[];
    subject: string;
    text: string;
    html: string;
  }> = (
    await pool.query(
      `SELECT id, recipients, cc, subject, text_body AS text, html_body AS html
       FROM reminder_deliveries WHERE kind = 'digest' AND period = $1 AND status = 'sent'`,
      [DATE],
    )
  ).rows;
  const transport = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TRANSPORT_OPTIONS });
  const sendAll = (round: number) =>
    Promise.all(
      rows.map((r) =>
        transport.sendMail(
          mailMessage(
            { ...r, to: r.recipients, messageId: `<${r.id}.baseline${round}@luoshi.reminders>` },
            config.mailFrom,
          ),
        ),
      ),
    );
  await sendAll(1);
  const start = process.hrtime.bigint();
  await sendAll(2);
  const elapsed = seconds(start, process.hrtime.bigint());
  transport.close();
  return { sent: rows.length, elapsed };
}

async function main(): Promise<void> {
  const queue = new Queue(QUEUES.reminders, config.redisUrl, { prefix: 'luoshi' });
  const [data] = (
    await pool.query(
      `SELECT (SELECT count(*) FROM units WHERE active)::int AS units,
              (SELECT count(*) FROM assignments)::int AS assignments,
              (SELECT count(*) FROM progress_reports)::int AS reports`,
    )
  ).rows;
  console.log(
    `digest benchmark: ${data.units} units, ${data.assignments} assignments, ` +
      `${data.reports} progress reports; digest of ${DATE}; SMTP ${config.smtpUrl}`,
  );
  const f = (x: number, d = 1) => x.toFixed(d);
  const lines: string[] = [];
  const failures: string[] = [];
  const warmups: string[] = [];
  let last: Awaited<ReturnType<typeof viaWorkers>> | undefined;
  for (const count of WORKERS) {
    const run = await viaWorkers(queue, count);
    last = run;
    lines.push(
      `| worker path (plan + queue + send) | ${count} | ${run.sent} | ${f(run.planning, 2)} | ` +
        `${f(run.sending, 2)} | ${f(run.sent / run.sending)} | ${f(run.sent / run.elapsed)} |`,
    );
    if (run.failed)
      failures.push(`${count} worker(s): ${run.failed} deliveries failed (last_error)`);
    warmups.push(
      `${count} worker(s), first run after the start (not counted above): planning ` +
        `${f(run.warm.planning, 2)} s, ${f(run.warm.sent / run.warm.sending)} emails/s sending`,
    );
  }
  const [size] = (
    await pool.query(
      `SELECT avg(octet_length(text_body) + octet_length(html_body))::int AS bytes,
              avg(item_count)::int AS items
       FROM reminder_deliveries WHERE kind = 'digest' AND period = $1 AND status = 'sent'`,
      [DATE],
    )
  ).rows;
  const loop = await viaLoop();
  lines.push(
    `| plain nodemailer loop (pool of ${SMTP_TRANSPORT_OPTIONS.maxConnections}) | – | ${loop.sent} | – | ` +
      `${f(loop.elapsed, 2)} | ${f(loop.sent / loop.elapsed)} | – |`,
  );
  console.log(
    `${last?.deliveries ?? 0} deliveries, on average ${size.items} lines and ` +
      `${f(size.bytes / 1024)} KB of text + HTML each`,
  );
  console.log(
    '| path | workers | emails | planning s | sending s | emails/s (sending) | emails/s (trigger to last sent) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const line of lines) console.log(line);
  for (const failure of failures) console.log(failure);
  for (const warmup of warmups) console.log(warmup);
  await queue.close();
  await pool.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
