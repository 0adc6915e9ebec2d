import type { Logger } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * What one status update and one list page cost in SQL statements (issue 17.1/17.2: "queries
 * per request", counted with a TypeORM logger on the API's own data source). The counts are the
 * contract: a new statement on the hot path shows here first. Speed itself is bench:load's.
 */
describe('statements per request on the hot paths', () => {
  let t: TestApp;
  let seen: string[] | undefined;
  let restore: () => void;

  beforeAll(async () => {
    t = await createTestApp();
    const logger = t.db.logger as Logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      seen?.push(query.replace(/\s+/g, ' ').trim());
      return original(query, parameters, runner);
    };
    restore = () => (logger.logQuery = original);
  }, 120_000);
  afterAll(async () => {
    restore?.();
    await t?.close();
  });

  let answer: unknown;
  async function statements(
    request: () => Promise<{ status: number; body: unknown }>,
    status = 200,
  ) {
    seen = [];
    const res = await request();
    const done = seen;
    seen = undefined;
    expect(res.status).toBe(status);
    answer = res.body;
    return done;
  }

  it('PATCH /assignments/:id: lock (with the names the answer shows), update returning the row, one audit row', async () => {
    const clerk = await t.as('jingfaju');
    const list = await t.http().get('/assignments').set(clerk);
    const [own] = list.body.items as Array<{ id: string; version: number }>;
    const patch = (version: number, progressPercent: number) => () =>
      t.http().patch(`/assignments/${own.id}`).set(clerk).send({ version, progressPercent });
    const sql = await statements(patch(own.version, 37));
    expect(sql.map((q) => q.split(' ').slice(0, 2).join(' '))).toEqual([
      'START TRANSACTION',
      'SELECT "Assignment"."id"',
      'UPDATE "assignments"',
      'INSERT INTO',
      'COMMIT',
    ]);
    // Only the assignment is locked, not its item and unit read in the same statement.
    expect(sql[1]).toContain('FOR UPDATE OF "Assignment"');
    expect(sql[1]).toContain('"items"');
    // The answer built from the locked and returned rows is the view a read gives.
    const read = await t.http().get(`/assignments/${own.id}`).set(clerk);
    expect(answer).toEqual(read.body);
    expect(answer).toMatchObject({ progressPercent: 37, version: own.version + 1 });
    expect(sql[2]).toContain('RETURNING');
    expect(sql[3]).toContain('"audit_log"');

    // Still one audit row with the before and after, and the version check still refuses.
    const [audit] = await t.db.query(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [own.id],
    );
    expect(audit.before.version).toBe(own.version);
    expect(audit.after).toMatchObject({ version: own.version + 1, progressPercent: 37 });
    expect(typeof audit.after.updatedAt).toBe('string');
    expect(await statements(patch(own.version, 38), 409)).toHaveLength(3);
  });

  it('GET /me: one statement, the user with its unit', async () => {
    const clerk = await t.as('jingfaju');
    await t.http().get('/me').set(clerk);
    const sql = await statements(() => t.http().get('/me').set(clerk));
    expect(sql).toHaveLength(1);
    expect(sql[0]).toContain('FROM "users"');
    expect(sql[0]).toContain('"units"');
    expect(answer).toMatchObject({ username: 'jingfaju', unitName: '区经发局' });
  });

  it('GET /assignments: the page and its count, no read of the user', async () => {
    const clerk = await t.as('jingfaju');
    await t.http().get('/me').set(clerk);
    const sql = await statements(() => t.http().get('/assignments').set(clerk));
    expect(sql).toHaveLength(2);
    expect(sql.some((q) => q.includes('distinctAlias'))).toBe(false);
    expect(sql.some((q) => q.includes('FROM "users"'))).toBe(false);
  });
});
