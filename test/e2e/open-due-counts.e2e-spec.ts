import { createTestApp, importSeedPlan, TestApp } from '../support/test-app';
import { ASSIGNMENTS_BY_CONTENT, Rng, seededRandom } from '../support/seeded-random';

jest.setTimeout(180_000);

/**
 * open_due_counts (changes to the open work of working plans per due date) is written by
 * database triggers in the transaction of every write (migration OpenDueCounts), and the overdue
 * list's count as of today sums it. After a seeded random sequence of writes, through the API and in raw SQL,
 * every row equals a recount from the assignments, and the list's total equals a count of its
 * rows.
 */
describe('the open work per due date', () => {
  let t: TestApp;
  const plans: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    plans.push(await importSeedPlan(t, '计数测试〔2025〕1号'));
    plans.push(await importSeedPlan(t, '计数测试〔2025〕2号'));
  });
  afterAll(() => t.close());

  const kept = () =>
    t.db.query(
      `SELECT due_on::text AS day, sum(open)::int AS open FROM open_due_counts
       GROUP BY due_on HAVING sum(open) <> 0 ORDER BY due_on`,
    );
  const recount = () =>
    t.db.query(
      `SELECT a.due_on::text AS day, count(*)::int AS open
       FROM assignments a JOIN plans p ON p.id = a.plan_id
       WHERE a.completed_on IS NULL AND p.status = 'active'
       GROUP BY a.due_on ORDER BY a.due_on`,
    );
  /** The rows after the worker's fold: one per date with open work. */
  const folded = async (): Promise<Array<{ day: string; open: number }>> => {
    await t.db.query('SELECT compact_open_due_counts()');
    return t.db.query(`SELECT due_on::text AS day, open FROM open_due_counts ORDER BY due_on`);
  };
  const pickRow = async (r: Rng, where: string) => {
    const rows: Array<{ id: string }> = await t.db.query(
      `SELECT a.id FROM assignments a WHERE a.plan_id = ANY($1) AND ${where}
       ORDER BY array_position($1::uuid[], a.plan_id), ${ASSIGNMENTS_BY_CONTENT}`,
      [plans],
    );
    return rows.length ? r.pick(rows).id : undefined;
  };

  it('equal a recount after 80 random writes', async () => {
    const leader = await t.as('leader');
    const units: string[] = (
      await t.db.query(
        "SELECT id FROM units WHERE kind IN ('department', 'town') AND active ORDER BY name",
      )
    ).map((u: { id: string }) => u.id);
    const r = seededRandom(2026);
    const kinds = [
      'complete',
      'reopen',
      'extend',
      'plan status',
      'assign',
      'delete item',
      'sql insert',
      'new plan',
      'delete plan',
    ] as const;
    const done = new Set<string>();
    expect(await kept()).toEqual(await recount());
    for (let step = 0; step < 80; step++) {
      const kind = r.pick(kinds);
      if (kind === 'complete') {
        const id = await pickRow(r, 'a.completed_on IS NULL');
        if (!id) continue;
        await t.db.query(
          `UPDATE assignments SET status = 'completed', completed_on = '2025-06-30' WHERE id = $1`,
          [id],
        );
      } else if (kind === 'reopen') {
        const id = await pickRow(r, 'a.completed_on IS NOT NULL');
        if (!id) continue;
        await t.db.query(
          `UPDATE assignments SET status = 'returned', completed_on = NULL WHERE id = $1`,
          [id],
        );
      } else if (kind === 'extend') {
        const id = await pickRow(r, 'TRUE');
        if (!id) continue;
        await t.db.query(
          `UPDATE assignments SET original_due_on = COALESCE(original_due_on, due_on),
             due_on = due_on + $2::int WHERE id = $1`,
          [id, 1 + Math.floor(r.next() * 60)],
        );
      } else if (kind === 'plan status') {
        const status = r.pick(['active', 'archived', 'draft'] as const);
        const res = await t
          .http()
          .patch(`/plans/${r.pick(plans)}`)
          .set(leader)
          .send({ status });
        // A change the plan's rules refuse writes nothing, which the counts must show too.
        expect([200, 400, 409]).toContain(res.status);
      } else if (kind === 'assign') {
        // Not a preamble (总体要求), which takes no units: the API refuses it with 400.
        const items: Array<{ id: string }> = await t.db.query(
          `SELECT id FROM items WHERE plan_id = ANY($1) AND NOT preamble
           ORDER BY array_position($1::uuid[], plan_id), number`,
          [plans],
        );
        const res = await t
          .http()
          .post('/assignments')
          .set(leader)
          .send({ itemId: r.pick(items).id, unitId: r.pick(units), role: 'co' });
        // 409 when the unit already shares the item: nothing written.
        expect([201, 409]).toContain(res.status);
      } else if (kind === 'delete item') {
        // Items whose shares hold no work can go, their assignments with them (the cascade);
        // one with work is refused (409), as src/common/removal.ts says.
        const items: Array<{ id: string }> = await t.db.query(
          `SELECT i.id FROM items i WHERE i.plan_id = ANY($1) AND NOT EXISTS (
             SELECT 1 FROM assignments a WHERE a.item_id = i.id
               AND (a.status <> 'not_started' OR a.progress_percent > 0
                 OR a.completed_on IS NOT NULL
                 OR EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = a.id)))
           ORDER BY array_position($1::uuid[], i.plan_id), i.number`,
          [plans],
        );
        if (!items.length) continue;
        const res = await t
          .http()
          .delete(`/items/${r.pick(items).id}`)
          .set(leader);
        expect([200, 204]).toContain(res.status);
      } else if (kind === 'sql insert') {
        const items: Array<{ id: string; plan_id: string }> = await t.db.query(
          `SELECT id, plan_id FROM items WHERE plan_id = ANY($1)
           ORDER BY array_position($1::uuid[], plan_id), number`,
          [plans],
        );
        const item = r.pick(items);
        await t.db.query(
          `INSERT INTO assignments (plan_id, item_id, unit_id, role, due_on)
           VALUES ($1, $2, $3, 'co', '2025-09-30') ON CONFLICT DO NOTHING`,
          [item.plan_id, item.id, r.pick(units)],
        );
      } else if (kind === 'new plan') {
        plans.push(await importSeedPlan(t, `计数测试〔2025〕${100 + step}号`));
      } else {
        if (plans.length < 2) continue;
        const planId = plans.splice(Math.floor(r.next() * plans.length), 1)[0];
        // Through SQL: the API refuses a plan with work, and the database's cascade is the case.
        await t.db.query('DELETE FROM plans WHERE id = $1', [planId]);
      }
      done.add(kind);
      // The worker's tick folds the rows now and then; the sums stay what they were.
      if (step % 20 === 19) await t.db.query('SELECT compact_open_due_counts()');
      expect({ step, kind, counts: await kept() }).toEqual({
        step,
        kind,
        counts: await recount(),
      });
    }
    expect(done.size).toBe(kinds.length);
    // Folded, one row per date with open work, and the same sums.
    expect(await folded()).toEqual(await recount());
  });

  /**
   * `write` runs in a transaction left open while `status` is given to the plan on another
   * connection; the write commits first, then the status change (which may have had to wait
   * for it) ends. Each side's trigger must see the other's row as it ends up.
   */
  const whilePlanBecomes = async (
    planId: string,
    status: 'active' | 'archived',
    write: (sql: (text: string, values: unknown[]) => Promise<unknown>) => Promise<unknown>,
  ) => {
    const writer = t.db.createQueryRunner();
    const planner = t.db.createQueryRunner();
    try {
      await writer.startTransaction();
      await write((text, values) => writer.query(text, values));
      const change = planner.query('UPDATE plans SET status = $2 WHERE id = $1', [planId, status]);
      // Long enough for the status change to either end or wait on the writer's lock.
      await new Promise((r) => setTimeout(r, 300));
      await writer.commitTransaction();
      await change;
    } finally {
      await writer.release();
      await planner.release();
    }
  };

  it.each([
    ['reopened', 'archived', 'active'],
    ['reopened', 'active', 'archived'],
    ['completed', 'archived', 'active'],
    ['completed', 'active', 'archived'],
  ] as const)(
    'count an assignment %s while its plan goes from %s to %s as it ends up',
    async (change, from, to) => {
      const planId = plans[0];
      await t.db.query(`UPDATE plans SET status = $2 WHERE id = $1`, [planId, from]);
      const [{ id }] = await t.db.query(
        `SELECT a.id FROM assignments a WHERE a.plan_id = $1
         ORDER BY ${ASSIGNMENTS_BY_CONTENT} LIMIT 1`,
        [planId],
      );
      await t.db.query(`UPDATE assignments SET completed_on = $2 WHERE id = $1`, [
        id,
        change === 'reopened' ? '2025-06-30' : null,
      ]);
      await whilePlanBecomes(planId, to, (sql) =>
        change === 'reopened'
          ? sql(`UPDATE assignments SET status = 'returned', completed_on = NULL WHERE id = $1`, [
              id,
            ])
          : sql(
              `UPDATE assignments SET status = 'completed', completed_on = '2025-06-30'
               WHERE id = $1`,
              [id],
            ),
      );
      expect(await kept()).toEqual(await recount());
    },
  );

  it('count an assignment added to a plan while it is brought back, once', async () => {
    const planId = plans[0];
    await t.db.query(`UPDATE plans SET status = 'archived' WHERE id = $1`, [planId]);
    // An item of the plan and a unit not yet on it.
    const [free] = await t.db.query(
      `SELECT i.id AS item, u.id AS unit FROM items i CROSS JOIN units u
       WHERE i.plan_id = $1 AND u.kind IN ('department', 'town') AND u.active
         AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.unit_id = u.id)
       ORDER BY i.number, u.name LIMIT 1`,
      [planId],
    );
    await whilePlanBecomes(planId, 'active', (sql) =>
      sql(
        `INSERT INTO assignments (plan_id, item_id, unit_id, role, due_on)
         VALUES ($1, $2, $3, 'co', '2025-10-31')`,
        [planId, free.item, free.unit],
      ),
    );
    expect(await kept()).toEqual(await recount());
  });

  it('equal a recount after writes made at the same time on eight connections', async () => {
    const leader = await t.as('leader');
    const ids: string[] = (
      await t.db.query(
        `SELECT a.id FROM assignments a WHERE a.plan_id = ANY($1)
         ORDER BY array_position($1::uuid[], a.plan_id), ${ASSIGNMENTS_BY_CONTENT}`,
        [plans],
      )
    ).map((a: { id: string }) => a.id);
    expect(ids.length).toBeGreaterThan(20);
    // PostgreSQL may end one of two transactions that wait on each other (40P01); the API
    // answers that 409, and the transaction it ended wrote nothing. Anything else fails.
    const ended = { deadlocks: 0, writes: 0 };
    const write = async (work: () => Promise<unknown>) => {
      try {
        await work();
        ended.writes++;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01') throw error;
        ended.deadlocks++;
      }
    };
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        const r = seededRandom(700 + lane);
        for (let i = 0; i < 15; i++) {
          const id = r.pick(ids);
          const kind = r.pick(['complete', 'reopen', 'extend', 'move', 'plan status'] as const);
          if (kind === 'complete') {
            await write(() =>
              t.db.query(
                `UPDATE assignments SET status = 'completed', completed_on = '2025-06-30'
                 WHERE id = $1 AND completed_on IS NULL`,
                [id],
              ),
            );
          } else if (kind === 'reopen') {
            await write(() =>
              t.db.query(
                `UPDATE assignments SET status = 'returned', completed_on = NULL WHERE id = $1`,
                [id],
              ),
            );
          } else if (kind === 'extend') {
            await write(() =>
              t.db.query(`UPDATE assignments SET due_on = due_on + $2::int WHERE id = $1`, [
                id,
                1 + Math.floor(r.next() * 30),
              ]),
            );
          } else if (kind === 'move') {
            // Several rows in one statement, in an order another lane may lock the other way.
            const some = [r.pick(ids), r.pick(ids), r.pick(ids)];
            await write(() =>
              t.db.query(
                `UPDATE assignments SET due_on = due_on - 1, completed_on = NULL
                 WHERE id = ANY($1::uuid[])`,
                [some],
              ),
            );
          } else {
            const res = await t
              .http()
              .patch(`/plans/${r.pick(plans)}`)
              .set(leader)
              .send({ status: r.pick(['active', 'archived', 'draft'] as const) });
            expect([200, 400, 409]).toContain(res.status);
            ended.writes++;
          }
        }
      }),
    );
    expect(ended.writes).toBeGreaterThan(100);
    expect(await kept()).toEqual(await recount());
    expect(await folded()).toEqual(await recount());
  });

  it('give the overdue list its total as of today, and counted rows when filtered', async () => {
    const supervisor = await t.as('supervisor');
    await t.db.query(`UPDATE plans SET status = 'active' WHERE id = ANY($1)`, [plans]);
    const today = (await t.http().get('/supervision/overdue').set(supervisor)).body;
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM assignments a JOIN plans p ON p.id = a.plan_id
       WHERE a.completed_on IS NULL AND p.status = 'active' AND a.due_on < $1::date`,
      [today.asOf],
    );
    expect(n).toBeGreaterThan(0);
    expect(today.total).toBe(n);
    const atLeast30 = await t.http().get('/supervision/overdue?minDaysOverdue=30').set(supervisor);
    const [{ m }] = await t.db.query(
      `SELECT count(*)::int AS m FROM assignments a JOIN plans p ON p.id = a.plan_id
       WHERE a.completed_on IS NULL AND p.status = 'active' AND a.due_on <= $1::date - 30`,
      [today.asOf],
    );
    expect(atLeast30.body.total).toBe(m);
    // A filter counts the rows themselves, and agrees.
    const onePlan = await t
      .http()
      .get(`/supervision/overdue?planId=${plans[0]}&pageSize=1`)
      .set(supervisor);
    const [{ k }] = await t.db.query(
      `SELECT count(*)::int AS k FROM assignments a
       WHERE a.plan_id = $1 AND a.completed_on IS NULL AND a.due_on < $2::date`,
      [plans[0], today.asOf],
    );
    expect(onePlan.body.total).toBe(k);
  });
});
