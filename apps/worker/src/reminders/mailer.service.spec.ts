import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@app/config';
import { simpleParser } from 'mailparser';
import { Mailer } from './mailer.service';

describe('Mailer', () => {
  let server: SMTPServer;
  let connections = 0;
  let received = 0;
  const raw: Buffer[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received++;
          raw.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const mailerToServer = () =>
    new Mailer(
      loadConfig({
        DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
        REDIS_URL: 'redis://127.0.0.1:1',
        SMTP_URL: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
        JWT_SECRET: 'a-secret-that-is-long-enough-0123456789',
      }),
    );

  it('sends over its pool: a run of emails reuses at most four connections', async () => {
    const mailer = mailerToServer();
    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          mailer.send({
            to: [`unit${i}@luoshi.example`],
            cc: [],
            subject: `催办 ${i}`,
            text: '正文',
            html: '<p>正文</p>',
            messageId: `<m${i}@luoshi.reminders>`,
          }),
        ),
      );
    } finally {
      mailer.onModuleDestroy();
    }
    expect(received).toBe(12);
    expect(connections).toBeLessThanOrEqual(4);
  });

  it('sends Chinese bodies in base64, which decode to the same text and HTML', async () => {
    const mailer = mailerToServer();
    const text =
      '区人劳局：您有 3 项工作已逾期，请及时办理。\n1. 完善行政执法公示制度（逾期 12 天）';
    const html = `<table><tr><td>完善行政执法公示制度</td><td>逾期 12 天</td></tr></table>`;
    raw.length = 0;
    try {
      await mailer.send({
        to: ['renlaoju@luoshi.example'],
        cc: [],
        subject: '督办提醒',
        text,
        html,
        messageId: '<base64@luoshi.reminders>',
      });
    } finally {
      mailer.onModuleDestroy();
    }
    expect(raw).toHaveLength(1);
    const source = raw[0].toString('latin1');
    expect(source.match(/Content-Transfer-Encoding: base64/g)).toHaveLength(2);
    expect(source).not.toContain('quoted-printable');
    const parsed = await simpleParser(raw[0]);
    expect(parsed.text?.trim()).toBe(text);
    expect(parsed.html).toContain('完善行政执法公示制度');
    expect(parsed.subject).toBe('督办提醒');
  });
});
