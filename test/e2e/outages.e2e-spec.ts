import { migrateAndSeed } from '../support/databases';
import { LogCapture } from '../support/log-capture';
import { ScratchPostgres, startScratchPostgres } from '../support/scratch-postgres';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/worker';

/**
 * PostgreSQL stopped and frozen under a running API, on a PostgreSQL of this test's own (the
 * shared test instance keeps serving the other suites). The bounds are short here so the test
 * is quick; production reads DB_CONNECT_TIMEOUT_MS and DB_STATEMENT_TIMEOUT_MS.
 */
describe('PostgreSQL outages', () => {
  let pg: ScratchPostgres;
  let t: TestApp;
  const log = new LogCapture();

  beforeAll(async () => {
    pg = await startScratchPostgres();
    await migrateAndSeed(pg.url);
    t = await createTestApp(undefined, {
      databaseUrl: pg.url,
      database: { connectTimeoutMs: 1000, statementTimeoutMs: 1500 },
      logStream: log,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await pg?.destroy();
  });

  const plans = async () =>
    t
      .http()
      .get('/plans')
      .set(await t.as('leader'));
  const answersAgain = () =>
    waitFor('the API to answer from PostgreSQL again', async () => (await plans()).status === 200);

  it('answers 503 in Chinese while PostgreSQL is stopped, then recovers by itself', async () => {
    expect((await plans()).status).toBe(200);
    await pg.stop();
    try {
      const res = await plans();
      expect(res.status).toBe(503);
      // "Cannot connect", not "timed out": a stopped server is said at once.
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: '数据库暂时无法连接，请稍后再试',
        requestId: res.headers['x-request-id'],
      });
      expect(res.headers['retry-after']).toBe('5');
      expect(log.of(res.headers['x-request-id'])).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ level: 'warn', msg: 'PostgreSQL 不可用' }),
          expect.objectContaining({ level: 'error', status: 503 }),
        ]),
      );
      const login = await t
        .http()
        .post('/auth/login')
        .send({ username: 'leader', password: 'luoshi-demo' });
      expect(login.status).toBe(503);
    } finally {
      await pg.start();
    }
    await answersAgain();
  }, 120_000);

  it('gives up on a frozen PostgreSQL after its timeouts, then recovers by itself', async () => {
    expect((await plans()).status).toBe(200);
    const token = await t.as('leader');
    pg.freeze();
    try {
      const res = await t.http().get('/plans').set(token);
      expect(res.status).toBe(503);
      expect(res.body.message).toBe('数据库响应超时，请稍后再试');
      const fresh = await t.http().post('/auth/login').send({ username: 'x', password: 'y' });
      expect(fresh.status).toBe(503);
    } finally {
      pg.thaw();
    }
    await answersAgain();
  }, 120_000);
});
