import { createTestApp, importSeedPlan, TestApp } from '../support/test-app';
import { seededRandom } from '../support/seeded-random';

jest.setTimeout(120_000);

/**
 * Each assignment carries its item's section, own report frequency and number (kept by the
 * database, see migrations AssignmentsCopyItem and AssignmentsItemNumber) so the supervision
 * counts need not join the items and the overdue list reads an index in its order. After a
 * random sequence of writes, through the API and straight in SQL, every copy equals a recount
 * from the items, and the statistics by section equal the same counts worked out from the items.
 */
describe('the item copies on assignments', () => {
  let t: TestApp;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp();
    planId = await importSeedPlan(t, '副本测试〔2025〕1号');
  });
  afterAll(() => t.close());

  const mismatches = () =>
    t.db.query(
      `SELECT a.id FROM assignments a JOIN items i ON i.id = a.item_id
       WHERE a.section_id IS DISTINCT FROM i.section_id
          OR a.item_report_frequency IS DISTINCT FROM i.report_frequency
          OR a.item_number IS DISTINCT FROM i.number`,
    );

  it('equal the items after 60 random writes', async () => {
    const leader = await t.as('leader');
    const sections: string[] = (
      await t.db.query('SELECT id FROM sections WHERE plan_id = $1 ORDER BY number', [planId])
    ).map((r: { id: string }) => r.id);
    const units: string[] = (
      await t.db.query(
        "SELECT id FROM units WHERE kind IN ('department', 'town') AND active ORDER BY name",
      )
    ).map((r: { id: string }) => r.id);
    expect(sections.length).toBeGreaterThan(1);
    const items = async (where = 'TRUE'): Promise<string[]> =>
      (
        await t.db.query(`SELECT id FROM items WHERE plan_id = $1 AND ${where} ORDER BY number`, [
          planId,
        ])
      ).map((r: { id: string }) => r.id);
    const frequencies = ['week', 'month', 'quarter', 'half', 'year', null] as const;
    const r = seededRandom(17);
    const done: string[] = [];
    for (let step = 0; step < 60; step++) {
      const itemId = r.pick(await items());
      const kind = r.pick([
        'move',
        'frequency',
        'renumber',
        'new item',
        'assign',
        'sql move',
        'sql renumber',
        'sql insert',
      ] as const);
      done.push(kind);
      if (kind === 'move' || kind === 'frequency' || kind === 'renumber') {
        // Numbers from 2000 on are free: the seed's run to 37, new items take 900 on.
        const body =
          kind === 'move'
            ? { sectionId: r.pick(sections) }
            : kind === 'renumber'
              ? { number: 2000 + step, numberText: String(2000 + step) }
              : { reportFrequency: r.pick(frequencies.filter((f) => f !== null)) };
        const res = await t.http().patch(`/items/${itemId}`).set(leader).send(body);
        expect(res.status).toBe(200);
      } else if (kind === 'new item') {
        const number = 900 + step;
        const res = await t
          .http()
          .post(`/plans/${planId}/items`)
          .set(leader)
          .send({
            sectionId: r.pick(sections),
            number,
            numberText: String(number),
            title: `随机写入条目${number}`,
            reportFrequency: r.pick(frequencies.filter((f) => f !== null)),
          });
        expect(res.status).toBe(201);
      } else if (kind === 'assign') {
        // Not a preamble (总体要求), which takes no units: the API refuses it with 400.
        const res = await t
          .http()
          .post('/assignments')
          .set(leader)
          .send({ itemId: r.pick(await items('NOT preamble')), unitId: r.pick(units), role: 'co' });
        // 409 when the unit already shares the item: nothing was written, which is a write too.
        expect([201, 409]).toContain(res.status);
      } else if (kind === 'sql renumber') {
        await t.db.query('UPDATE items SET number = $2 WHERE id = $1', [itemId, 3000 + step]);
      } else if (kind === 'sql move') {
        // Not through the API: the database keeps the copies whoever writes.
        await t.db.query('UPDATE items SET section_id = $2, report_frequency = $3 WHERE id = $1', [
          itemId,
          r.pick(sections),
          r.pick(frequencies),
        ]);
      } else {
        await t.db.query(
          `INSERT INTO assignments (plan_id, item_id, unit_id, role, due_on)
           SELECT $1, $2, u, 'co', '2025-12-31' FROM unnest($3::uuid[]) u
           ON CONFLICT DO NOTHING`,
          [planId, itemId, [r.pick(units), r.pick(units)]],
        );
      }
      // Checked after every write, so a failure names the write that broke it.
      expect({ step, kind, mismatches: await mismatches() }).toEqual({
        step,
        kind,
        mismatches: [],
      });
    }
    // The sequence did every kind of write.
    expect(new Set(done).size).toBe(8);
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1',
      [planId],
    );
    expect(n).toBeGreaterThan(0);
  });

  it('give the statistics by section the counts worked out from the items', async () => {
    const asOf = '2025-06-30';
    const res = await t
      .http()
      .get(`/supervision/statistics?planId=${planId}&asOf=${asOf}&groupBy=section`)
      .set(await t.as('supervisor'));
    expect(res.status).toBe(200);
    // The recount joins the items, as the statistics did before the copies existed.
    const truth: Array<{ id: string; assigned: number; reportsDue: number }> = await t.db.query(
      `SELECT i.section_id AS id, count(*)::int AS assigned,
         count(*) FILTER (WHERE (a.completed_on IS NULL OR a.completed_on > $2::date)
           AND COALESCE(p.period_start, DATE '1900-01-01') < (CASE COALESCE(i.report_frequency, p.report_frequency)
             WHEN 'week' THEN date_trunc('week', $2::timestamp) WHEN 'month' THEN date_trunc('month', $2::timestamp)
             WHEN 'quarter' THEN date_trunc('quarter', $2::timestamp)
             WHEN 'half' THEN date_trunc('year', $2::timestamp)
               + CASE WHEN extract(month FROM $2::timestamp) > 6 THEN interval '6 months' ELSE interval '0' END
             ELSE date_trunc('year', $2::timestamp) END)::date)::int AS "reportsDue"
       FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
       WHERE a.plan_id = $1 GROUP BY i.section_id`,
      [planId, asOf],
    );
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    const rows = res.body.rows as Array<{ id: string; assigned: number; reportsDue: number }>;
    expect(
      rows.map(({ id, assigned, reportsDue }) => ({ id, assigned, reportsDue })).sort(byId),
    ).toEqual(truth.sort(byId));
    expect(truth.some((s) => s.reportsDue > 0)).toBe(true);
  });
});
