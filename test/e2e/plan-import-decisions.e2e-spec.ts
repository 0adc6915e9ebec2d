import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confirmations, createTestApp, tableCounts, TestApp } from '../support/test-app';

/** A …工作安排 in the manner of the corpus: no 文号, no period, no closing deadline. */
const ANPAI = readFileSync(join(__dirname, '../fixtures/plans/gongzuo-anpai.txt'), 'utf8');

interface Gap {
  field: string;
  required: boolean;
  itemNumber?: number;
  message: string;
}

describe('plan import that never dead-ends: gaps, hand edits kept, aliases remembered', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const preview = async (text: string) =>
    t
      .http()
      .post('/plans/import')
      .set(await t.as('leader'))
      .send({ text, sourceName: '工作安排.txt' });
  const commit = async (body: object) =>
    t
      .http()
      .post('/plans/import/commit')
      .set(await t.as('leader'))
      .send(body);
  const share = async (planId: string, number: number, unit: string) =>
    (
      await t.db.query(
        `SELECT a.id, a.version, a.role, a.due_on AS "dueOn", a.item_id AS "itemId" FROM assignments a
         JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
         WHERE a.plan_id = $1 AND i.number = $2 AND u.name = $3`,
        [planId, number, unit],
      )
    )[0];

  it('a 工作安排 without period or closing date: preview lists the gaps, commit takes them, re-import keeps hand edits', async () => {
    const shown = await preview(ANPAI);
    expect(shown.status).toBe(201);
    const gaps: Gap[] = shown.body.gaps;
    const fields = gaps.map((g) => g.field);
    expect(fields).toEqual(expect.arrayContaining(['docNumber', 'period', 'defaultDueOn']));
    expect(gaps.find((g) => g.field === 'defaultDueOn')).toMatchObject({ required: true });
    // Every item that has no date of its own is listed with its number.
    const undated: number[] = gaps.filter((g) => g.field === 'itemDueOn').map((g) => g.itemNumber!);
    expect(undated).toEqual(expect.arrayContaining([1, 3, 5, 6, 7]));
    expect(shown.body.needsDecision).toContain('区经济发展局');

    // Refused, in Chinese, naming what is missing; nothing written.
    const before = await tableCounts(t.db);
    const refused = await commit({
      previewId: shown.body.id,
      decisions: confirmations(shown.body),
    });
    expect(refused.status).toBe(422);
    const problems: string = refused.body.message.join('；');
    expect(problems).toContain('区经济发展局');
    expect(problems).toMatch(/完成时限/);
    expect(await tableCounts(t.db)).toEqual(before);

    const jingfaju = (await t.db.query("SELECT id FROM units WHERE name = '区经发局'"))[0].id;
    const done = await commit({
      previewId: shown.body.id,
      decisions: [
        ...confirmations(shown.body),
        { name: '区经济发展局', action: 'map', unitId: jingfaju },
      ],
      title: '经开区法治政府建设工作安排',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      defaultDueOn: '2025-12-31',
      itemDueDates: [{ number: 4, dueOn: '2025-06-30' }],
      issuers: ['漯河经济技术开发区管理委员会'],
      status: 'active',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      planOutcome: 'created',
      items: { created: 7 },
      aliasesAdded: [{ name: '区经济发展局', unitName: '区经发局' }],
      kept: [],
    });
    const planId: string = done.body.planId;
    const [plan] = await t.db.query(
      `SELECT title, period_start AS "periodStart", period_end AS "periodEnd",
              default_due_on AS "defaultDueOn", issuers FROM plans WHERE id = $1`,
      [planId],
    );
    expect(plan).toEqual({
      title: '经开区法治政府建设工作安排',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      defaultDueOn: '2025-12-31',
      issuers: ['漯河经济技术开发区管理委员会'],
    });
    expect(await share(planId, 4, '区市场监管分局')).toMatchObject({ dueOn: '2025-06-30' });
    expect(await share(planId, 2, '区经发局')).toMatchObject({ role: 'co', dueOn: '2025-12-31' });

    // The alias is remembered, with an audit row, and the next preview matches the name by it.
    const [unit] = await t.db.query("SELECT aliases FROM units WHERE name = '区经发局'");
    expect(unit.aliases).toContain('区经济发展局');
    const [{ n: audits }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Unit' AND entity_id = $1
       AND action = 'update' AND after->'aliases' ? '区经济发展局'`,
      [jingfaju],
    );
    expect(audits).toBe(1);

    // The office edits by hand: a share's due date and role, an item's due date, a unit added.
    const leader = await t.as('leader');
    const monitor = await share(planId, 3, '区人劳局');
    await t
      .http()
      .patch(`/assignments/${monitor.id}`)
      .set(leader)
      .send({ version: monitor.version, dueOn: '2025-09-30', role: 'lead' })
      .expect(200);
    const item6 = (await share(planId, 6, '区法院')).itemId;
    await t.http().patch(`/items/${item6}`).set(leader).send({ dueOn: '2025-08-31' }).expect(200);
    const tongjiju = (await t.db.query("SELECT id FROM units WHERE name = '区统计局'"))[0].id;
    await t
      .http()
      .post('/assignments')
      .set(leader)
      .send({ itemId: item6, unitId: tongjiju, role: 'co', dueOn: '2025-08-31' })
      .expect(201);

    // Re-import of the same text (the office names the plan: the text has no 文号).
    const again = await preview(ANPAI);
    expect(again.body.needsDecision).not.toContain('区经济发展局');
    expect(again.body.units.find((u: { name: string }) => u.name === '区经济发展局')).toMatchObject(
      { match: 'alias', matchedName: '区经发局' },
    );
    const reimport = await commit({
      previewId: again.body.id,
      planId,
      decisions: confirmations(again.body),
    });
    expect(reimport.status).toBe(200);
    expect(reimport.body).toMatchObject({
      planId,
      planOutcome: 'unchanged',
      items: { created: 0 },
    });
    expect(reimport.body.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: 'assignment',
          itemNumber: 3,
          unitName: '区人劳局',
          field: 'dueOn',
          kept: '2025-09-30',
        }),
        expect.objectContaining({
          entity: 'assignment',
          itemNumber: 3,
          field: 'role',
          kept: 'lead',
        }),
        expect.objectContaining({
          entity: 'item',
          itemNumber: 6,
          field: 'dueOn',
          kept: '2025-08-31',
        }),
      ]),
    );
    expect(reimport.body.assignmentsNoLongerListed).toBe(1);
    expect(await share(planId, 3, '区人劳局')).toMatchObject({ role: 'lead', dueOn: '2025-09-30' });
    expect(await share(planId, 6, '区统计局')).toMatchObject({ dueOn: '2025-08-31' });
    // What the office decided because the text was silent stays, too.
    expect(await share(planId, 4, '区市场监管分局')).toMatchObject({ dueOn: '2025-06-30' });
    const [after] = await t.db.query(
      'SELECT default_due_on AS d, period_end AS e, title FROM plans WHERE id = $1',
      [planId],
    );
    expect(after).toEqual({
      d: '2025-12-31',
      e: '2025-12-31',
      title: '经开区法治政府建设工作安排',
    });
  });

  it('refuses malformed decisions with 400 in Chinese and writes nothing', async () => {
    const shown = await preview(
      ANPAI.replace('法治政府建设工作安排', '法治政府建设工作安排（二）'),
    );
    const before = await tableCounts(t.db);
    for (const body of [
      { previewId: shown.body.id, defaultDueOn: '2025-02-30' },
      { previewId: shown.body.id, itemDueDates: [{ number: 'x', dueOn: '2025-01-01' }] },
      { previewId: shown.body.id, decisions: [{ name: '区经发局', action: 'adopt' }] },
      { previewId: shown.body.id, columnMapping: [{ index: 0, kind: 'lead' }] },
      { previewId: shown.body.id, planId: 'not-a-uuid' },
    ]) {
      const res = await commit(body);
      expect(res.status).toBe(400);
      expect([res.body.message].flat().join('')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
