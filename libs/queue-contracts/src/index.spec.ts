import { REMINDER_JOBS, ReminderQueue } from './index';

describe('ReminderQueue: producers are checked against the job contract', () => {
  it('passes the name, payload and options through to Bull', async () => {
    const calls: unknown[][] = [];
    const queue = {
      add: async (...args: unknown[]) => calls.push(args),
    } as unknown as ReminderQueue;
    await queue.add(REMINDER_JOBS.send, { deliveryId: 'd1' }, { attempts: 3 });
    expect(calls).toEqual([['send-delivery', { deliveryId: 'd1' }, { attempts: 3 }]]);
    // `tsc` (npm test) refuses these; the lines only compile, they never run.
    const wrong = () => {
      // @ts-expect-error the send job carries a deliveryId, nothing else
      void queue.add(REMINDER_JOBS.send, { id: 'd1' });
      // @ts-expect-error not a job of the reminders queue
      void queue.add('send-mail', {});
    };
    expect(typeof wrong).toBe('function');
  });
});
