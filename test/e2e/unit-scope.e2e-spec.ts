import { randomUUID } from 'node:crypto';
import {
  createTestApp,
  demoIds,
  tableCounts,
  TestApp,
  withoutRequestId,
} from '../support/test-app';

/** 区经发局's clerk (jingfaju) against 区行政服务中心's work (item 七, which 经发局 does not hold). */
describe('unit scope: a unit sees and changes only its own assignments', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let own: string;
  let others: string;
  let otherUnit: string;
  let otherItem: string;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t.db);
    own = await ids.assignment(4, '区经发局');
    others = await ids.assignment(7, '区行政服务中心');
    otherUnit = await ids.unit('区行政服务中心');
    otherItem = await ids.item(7);
  });
  afterAll(() => t.close());

  it('lists only its own unit’s assignments', async () => {
    const res = await t
      .http()
      .get('/assignments?pageSize=500')
      .set(await t.as('jingfaju'));
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((a: { unitName: string }) => a.unitName))).toEqual(
      new Set(['区经发局']),
    );
  });

  it('gets an empty list when it filters by another unit', async () => {
    const res = await t
      .http()
      .get(`/assignments?unitId=${otherUnit}`)
      .set(await t.as('jingfaju'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('gets 404, the same as for a missing id, for another unit’s assignment', async () => {
    const other = await t
      .http()
      .get(`/assignments/${others}`)
      .set(await t.as('jingfaju'));
    const missing = await t
      .http()
      .get(`/assignments/${randomUUID()}`)
      .set(await t.as('jingfaju'));
    expect(other.status).toBe(404);
    expect(withoutRequestId(other.body)).toEqual(withoutRequestId(missing.body));
    expect(
      (
        await t
          .http()
          .get(`/assignments/${own}`)
          .set(await t.as('jingfaju'))
      ).status,
    ).toBe(200);
  });

  it('cannot change another unit’s assignment and nothing changes', async () => {
    const before = await t.db.query('SELECT * FROM assignments WHERE id = $1', [others]);
    const counts = await tableCounts(t.db);
    const res = await t
      .http()
      .patch(`/assignments/${others}`)
      .set(await t.as('jingfaju'))
      .send({ version: before[0].version, status: 'in_progress', progressPercent: 50 });
    expect(res.status).toBe(404);
    expect(await t.db.query('SELECT * FROM assignments WHERE id = $1', [others])).toEqual(before);
    expect(await tableCounts(t.db)).toEqual(counts);
  });

  it('does not see items it holds no assignment in', async () => {
    const item = await t
      .http()
      .get(`/items/${otherItem}`)
      .set(await t.as('jingfaju'));
    expect(item.status).toBe(404);
    const items = await t
      .http()
      .get(`/plans/${ids.plan}/items`)
      .set(await t.as('jingfaju'));
    expect(items.status).toBe(200);
    const held: Array<{ number: number }> = await t.db.query(
      `SELECT DISTINCT i.number FROM items i JOIN assignments a ON a.item_id = i.id
       JOIN units u ON u.id = a.unit_id WHERE u.name = '区经发局' AND i.plan_id = $1 ORDER BY 1`,
      [ids.plan],
    );
    expect(held.length).toBeGreaterThan(3);
    expect(held.map((h) => h.number)).not.toContain(7);
    expect(items.body.total).toBe(held.length);
    expect(items.body.items.map((i: { number: number }) => i.number)).toEqual(
      held.map((h) => h.number),
    );
  });

  it('cannot guess its way in: random ids and sequential scans all answer 404', async () => {
    const all: string[] = (await t.db.query('SELECT id FROM assignments')).map(
      (r: { id: string }) => r.id,
    );
    const mine = new Set(
      (
        await t.db.query(
          'SELECT a.id FROM assignments a JOIN units u ON u.id = a.unit_id WHERE u.name = $1',
          ['区经发局'],
        )
      ).map((r: { id: string }) => r.id),
    );
    const headers = await t.as('jingfaju');
    for (const id of all.slice(0, 40)) {
      const res = await t.http().get(`/assignments/${id}`).set(headers);
      expect(res.status).toBe(mine.has(id) ? 200 : 404);
    }
  });

  it('cannot change its due date or role, which belong to the leadership office', async () => {
    const [{ version }] = await t.db.query('SELECT version FROM assignments WHERE id = $1', [own]);
    const res = await t
      .http()
      .patch(`/assignments/${own}`)
      .set(await t.as('jingfaju'))
      .send({ version, dueOn: '2030-01-01' });
    expect(res.status).toBe(403);
  });

  it('the supervision office reads every unit’s work but cannot change it', async () => {
    const list = await t
      .http()
      .get('/assignments?pageSize=500')
      .set(await t.as('supervisor'));
    expect(
      new Set(list.body.items.map((a: { unitName: string }) => a.unitName)).size,
    ).toBeGreaterThan(3);
    expect(
      (
        await t
          .http()
          .get(`/assignments/${others}`)
          .set(await t.as('supervisor'))
      ).status,
    ).toBe(200);
    const [{ version }] = await t.db.query('SELECT version FROM assignments WHERE id = $1', [
      others,
    ]);
    const res = await t
      .http()
      .patch(`/assignments/${others}`)
      .set(await t.as('supervisor'))
      .send({ version, progressPercent: 5 });
    expect(res.status).toBe(403);
  });
});
