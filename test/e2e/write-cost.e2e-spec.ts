import type { Logger } from 'typeorm';
import { Assignment } from '@app/database';
import { createTestApp, importSeedPlan, TestApp } from '../support/test-app';

interface Captured {
  query: string;
  parameters: unknown[];
}

interface PlanNode {
  Alias?: string;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** How many times the plan ran a scan of the table under `alias`. */
const loopsOf = (node: PlanNode, alias: string): number =>
  (node.Alias === alias ? node['Actual Loops'] : 0) +
  (node.Plans ?? []).reduce((sum, child) => sum + loopsOf(child, alias), 0);

/**
 * What one status update and one list page cost in SQL statements (issue 17.1/17.2: "queries
 * per request", counted with a TypeORM logger on the API's own data source). The counts are the
 * contract: a new statement on the hot path shows here first. Speed itself is bench:load's.
 */
describe('statements per request on the hot paths', () => {
  let t: TestApp;
  let seen: string[] | undefined;
  /** The statistics statement of the request being counted, with its parameters. */
  let judged: Captured | undefined;
  let restore: () => void;

  beforeAll(async () => {
    t = await createTestApp();
    const logger = t.db.logger as Logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      seen?.push(query.replace(/\s+/g, ' ').trim());
      if (seen && query.includes('targets AS MATERIALIZED')) {
        judged = { query, parameters: Array.isArray(parameters) ? parameters : [] };
      }
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

  it('PATCH /assignments/:id: one statement that updates at the version, in the scope, writes the audit row and answers with the names', async () => {
    const clerk = await t.as('jingfaju');
    const list = await t.http().get('/assignments').set(clerk);
    const [own] = list.body.items as Array<{ id: string; version: number }>;
    // Acknowledged, so the audit row holds a timestamp of the request's making, not only the row's.
    const acknowledged = await t.http().post(`/assignments/${own.id}/acknowledge`).set(clerk);
    const version = acknowledged.body.version as number;
    const patch = (at: number, progressPercent: number) => () =>
      t.http().patch(`/assignments/${own.id}`).set(clerk).send({ version: at, progressPercent });
    const sql = await statements(patch(version, 37));
    expect(sql.map((q) => q.split(' ').slice(0, 2).join(' '))).toEqual(['WITH written']);
    expect(sql[0]).toMatch(
      /UPDATE "assignments" AS written .* WHERE written.id = \$1 AND written."version" = \$2 .* AND written."unit_id" = \$\d+/,
    );
    expect(sql[0]).toContain('INSERT INTO audit_log');
    expect(sql[0]).toContain('JOIN items item ON item.id = written.item_id');
    // The answer built from the returned row is the view a read gives.
    const read = await t.http().get(`/assignments/${own.id}`).set(clerk);
    expect(answer).toEqual(read.body);
    expect(answer).toMatchObject({ progressPercent: 37, version: version + 1 });

    // One audit row, whose before and after are the JSON the transaction path writes from the
    // entity (the timeline compares them field by field): here, the entity read back.
    const audits = await t.db.query(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 AND id > (
         SELECT max(id) FROM audit_log WHERE entity_id = $1 AND after->>'version' = $2)`,
      [own.id, String(version)],
    );
    expect(audits).toHaveLength(1);
    const stored = await t.db.getRepository(Assignment).findOneByOrFail({ id: own.id });
    expect(audits[0].after).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(audits[0].after.acknowledgedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(audits[0].before).toEqual({
      ...audits[0].after,
      version,
      progressPercent: (audits[0].before as { progressPercent: number }).progressPercent,
      updatedAt: audits[0].before.updatedAt,
    });
    expect(audits[0].before.progressPercent).not.toBe(37);
    // A stale version writes nothing, and the row read says why.
    const stale = await statements(patch(version, 38), 409);
    expect(stale.map((q) => q.split(' ').slice(0, 2).join(' '))).toEqual([
      'WITH written',
      'SELECT a.id,',
    ]);
    expect((answer as { message: string }).message).toMatch(/已被他人修改/);
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

  it('GET /assignments: the page alone when it is the last, and its count when it is full; no read of the user', async () => {
    const clerk = await t.as('jingfaju');
    await t.http().get('/me').set(clerk);
    // Other suites of this worker may give the unit more work: the sizes follow its total.
    const full = await statements(() => t.http().get('/assignments?pageSize=1').set(clerk));
    expect(full).toHaveLength(2);
    expect(full[1]).toMatch(/^SELECT count\(\*\)/);
    const { total } = answer as { total: number };
    expect(total).toBeGreaterThan(1);
    // The last page of a size that does not divide the total is not full.
    let size = 2;
    while (total % size === 0) size++;
    const page = Math.ceil(total / size);
    const last = await statements(() =>
      t.http().get(`/assignments?pageSize=${size}&page=${page}`).set(clerk),
    );
    expect(last).toHaveLength(1);
    expect(answer).toMatchObject({ total, page, pageSize: size });
    expect((answer as { items: unknown[] }).items).toHaveLength(total % size);
    const sql = [...last, ...full];
    expect(sql.some((q) => q.includes('distinctAlias'))).toBe(false);
    expect(sql.some((q) => q.includes('FROM "users"'))).toBe(false);
    // The unit's rows by its index: its id is a condition of the text, not `$n IS NULL OR`.
    expect(sql.every((q) => q.includes('a.unit_id = $1') && !q.includes('IS NULL OR'))).toBe(true);
  });

  it("GET /supervision/statistics: each recurring target of the asked plan is judged once, and no other plan's", async () => {
    // Another plan with targets of its own, imported first: its rows must cost the answer nothing.
    const other = await importSeedPlan(t, '统计范围测试〔2025〕1号');
    const planId = await importSeedPlan(t, '统计范围测试〔2025〕2号');
    const supervisor = await t.as('supervisor');
    judged = undefined;
    await statements(() =>
      t.http().get(`/supervision/statistics?planId=${planId}&groupBy=unit`).set(supervisor),
    );
    // Assigned by the logger during the request: read it through a cast TS cannot narrow away.
    const statement = judged as Captured | undefined;
    expect(statement?.query).toContain('FROM progress_reports tr');
    expect((answer as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    const [{ 'QUERY PLAN': explained }] = await t.db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement!.query}`,
      statement!.parameters,
    );
    const pairs = async (plan: string) =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM assignments a
           JOIN recurring_targets rt ON rt.item_id = a.item_id WHERE a.plan_id = $1`,
          [plan],
        )
      )[0].n as number;
    expect(await pairs(other)).toBeGreaterThan(0);
    expect(await pairs(planId)).toBeGreaterThan(0);
    // One read of a target's accepted figures per assignment and target of the plan.
    expect(loopsOf((explained as Array<{ Plan: PlanNode }>)[0].Plan, 'tr')).toBe(
      await pairs(planId),
    );
  });

  it('runs every session of the API in UTC and without JIT, which cost the statistics more than it saved', async () => {
    const [session] = await t.db.query(
      `SELECT current_setting('jit') AS jit, current_setting('TimeZone') AS zone`,
    );
    expect(session).toEqual({ jit: 'off', zone: 'UTC' });
  });
});
