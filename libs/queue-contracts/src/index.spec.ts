import { deliveriesHeldBy, REMINDER_JOBS, ReminderQueue, SEND_BATCH, sendJobs } from './index';

describe('ReminderQueue: producers are checked against the job contract', () => {
  it('passes the name, payload and options through to Bull', async () => {
    const calls: unknown[][] = [];
    const queue = {
      add: async (...args: unknown[]) => calls.push(args),
    } as unknown as ReminderQueue;
    await queue.add(REMINDER_JOBS.send, { deliveryIds: ['d1'] }, { attempts: 3 });
    expect(calls).toEqual([['send-deliveries', { deliveryIds: ['d1'] }, { attempts: 3 }]]);
    // `tsc` (npm test) refuses these; the lines only compile, they never run.
    const wrong = () => {
      // @ts-expect-error the send job carries deliveryIds, nothing else
      void queue.add(REMINDER_JOBS.send, { deliveryId: 'd1' });
      // @ts-expect-error not a job of the reminders queue
      void queue.add('send-mail', {});
    };
    expect(typeof wrong).toBe('function');
  });
});

describe('sendJobs: deliveries go out in batches', () => {
  const retry = { mailAttempts: 5, mailBackoffMs: 30_000 };
  const rows = Array.from({ length: 2 * SEND_BATCH + 3 }, (_, i) => ({
    id: `d${String(i).padStart(2, '0')}`,
    unitId: `u${i}`,
    kind: 'digest',
    period: '2025-03-10',
  }));

  it('puts at most SEND_BATCH deliveries in a job, in the order given, each once', () => {
    const jobs = sendJobs(rows, retry);
    expect(jobs.map((j) => j.data.deliveryIds.length)).toEqual([SEND_BATCH, SEND_BATCH, 3]);
    expect(jobs.flatMap((j) => j.data.deliveryIds)).toEqual(rows.map((r) => r.id));
    expect(jobs.every((j) => j.name === REMINDER_JOBS.send)).toBe(true);
    expect(jobs[0].opts).toMatchObject({
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: true,
      removeOnFail: true,
    });
  });

  it('names a batch by its rows: the same rows give the same job ids, others other ids', () => {
    const ids = sendJobs(rows, retry).map((j) => j.opts.jobId);
    expect(sendJobs(rows, retry).map((j) => j.opts.jobId)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(new RegExp(`^send:u0:digest:2025-03-10\\+${SEND_BATCH}:[0-9a-f]{16}$`));
    // The same first and last rows around another one: another job, not one Bull would drop.
    const swapped = [...rows.slice(0, SEND_BATCH)];
    swapped[1] = { ...rows[2 * SEND_BATCH], unitId: 'u1' };
    expect(sendJobs(swapped, retry)[0].opts.jobId).not.toBe(ids[0]);
    // A lone delivery (an immediate email from the API) keeps the name it had before batches.
    expect(sendJobs([rows[0]], retry)[0].opts.jobId).toBe('send:u0:digest:2025-03-10');
    expect(sendJobs([], retry)).toEqual([]);
  });
});

describe('deliveriesHeldBy: the rows still waiting in the queue', () => {
  it('reads both versions of the send job and skips other jobs and vanished ones', () => {
    const held = deliveriesHeldBy([
      { name: REMINDER_JOBS.send, data: { deliveryIds: ['a', 'b'] } },
      { name: REMINDER_JOBS.sendOne, data: { deliveryId: 'c' } },
      { name: REMINDER_JOBS.planDigest, data: { period: '2025-03-10', asOf: '2025-03-10' } },
      null,
    ]);
    expect([...held].sort()).toEqual(['a', 'b', 'c']);
  });
});
