import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@app/config';
import { Mailer } from './mailer.service';

describe('Mailer', () => {
  let server: SMTPServer;
  let connections = 0;
  let received = 0;

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
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received++;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends over its pool: a run of emails reuses at most four connections', async () => {
    const { port } = server.server.address() as AddressInfo;
    const mailer = new Mailer(
      loadConfig({
        DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
        REDIS_URL: 'redis://127.0.0.1:1',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        JWT_SECRET: 'a-secret-that-is-long-enough-0123456789',
      }),
    );
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
});
