import { loadConfig } from '@app/config';
import type { PreparedStatements } from '@app/database';
import type { Mailer } from './mailer.service';
import { DeliverySender } from './sender.service';

/**
 * A row counts its own tries, whatever attempt its batch's job is on: a row claimed for the
 * first time by a job's retry still gets every try MAIL_ATTEMPTS allows.
 */
describe('DeliverySender: each row of a batch on its own tries', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
    REDIS_URL: 'redis://127.0.0.1:1',
    SMTP_URL: 'smtp://127.0.0.1:1',
    JWT_SECRET: 'a-secret-that-is-long-enough-0123456789',
    MAIL_ATTEMPTS: '3',
  });
  const row = (id: string, attempts: number) => ({
    id,
    recipients: [`${id}@luoshi.example`],
    cc: [],
    subject: '催办',
    textBody: '正文',
    htmlBody: '<p>正文</p>',
    attempts,
  });

  function sender(claimed: ReturnType<typeof row>[], refused: string[]) {
    const marks: Array<{ id: string; status: string; error: string | null }> = [];
    const db = {
      query: async (sql: string, params: unknown[]) => {
        if (sql.includes("SET status = 'sending'")) return claimed;
        const [id, a, b] = params as [string, string, string | null];
        marks.push(
          sql.includes("status = 'sent'")
            ? { id, status: 'sent', error: b }
            : { id, status: a, error: b },
        );
        return [];
      },
    } as unknown as PreparedStatements;
    const mailer = {
      send: async (mail: { to: string[] }) => {
        if (refused.includes(mail.to[0])) throw new Error('550 refused');
        return { rejected: [] };
      },
    } as unknown as Mailer;
    return { send: new DeliverySender(mailer, db, config), marks };
  }

  it('puts a refused row back to pending until its own last try, and fails the job for it', async () => {
    const { send, marks } = sender([row('a', 1), row('b', 2)], ['b@luoshi.example']);
    await expect(send.send(['a', 'b'])).rejects.toThrow('1 of 2 messages to retry');
    expect(marks).toEqual([
      { id: 'a', status: 'sent', error: null },
      { id: 'b', status: 'pending', error: '第 2 次发送失败：550 refused' },
    ]);
  });

  it('marks a row failed at its own last try and lets the job end', async () => {
    const { send, marks } = sender([row('a', 1), row('b', 3)], ['b@luoshi.example']);
    await expect(send.send(['a', 'b'])).resolves.toBeUndefined();
    expect(marks).toContainEqual({
      id: 'b',
      status: 'failed',
      error: '第 3 次发送失败：550 refused',
    });
  });

  it('does nothing for rows it could not claim (sent already, or being sent elsewhere)', async () => {
    const { send, marks } = sender([], []);
    await expect(send.send(['a', 'b'])).resolves.toBeUndefined();
    expect(marks).toEqual([]);
  });
});
