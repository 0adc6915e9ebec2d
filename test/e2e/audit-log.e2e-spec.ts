import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** 安全审计: the administrator and the supervision office read who did what, when. */
describe('GET /audit-log', () => {
  let t: TestApp;
  let unitId: string;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as('admin');
    [{ id: adminId }] = await t.db.query("SELECT id FROM users WHERE username = 'admin'");
    const created = await t
      .http()
      .post('/units')
      .set(admin)
      .send({ name: '审计日志测试单位', kind: 'department' });
    unitId = created.body.id;
    await t.http().patch(`/units/${unitId}`).set(admin).send({ shortName: '审计测试' }).expect(200);
  });
  afterAll(() => t.close());

  const read = async (query: string, as = 'admin') =>
    t
      .http()
      .get(`/audit-log${query}`)
      .set(await t.as(as));

  it("lists an entity's history newest first with who did it", async () => {
    const res = await read(`?entityType=Unit&entityId=${unitId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(res.body.items.map((r: { action: string }) => r.action)).toEqual(['update', 'create']);
    expect(res.body.items[0]).toMatchObject({
      entityType: 'Unit',
      entityId: unitId,
      actorUserId: adminId,
      actorUsername: 'admin',
      actorUnitName: '区法治政府建设领导小组办公室',
      before: { shortName: null },
      after: { shortName: '审计测试' },
    });
  });

  it('filters by actor and action, and pages like the other lists', async () => {
    const logins = await read(`?actorUserId=${adminId}&action=login&pageSize=1`);
    expect(logins.status).toBe(200);
    expect(logins.body.total).toBeGreaterThanOrEqual(1);
    expect(logins.body.items).toHaveLength(1);
    expect(logins.body.items[0]).toMatchObject({
      action: 'login',
      entityType: 'Login',
      entityId: 'admin',
    });
    const all = await read(`?entityId=${unitId}&pageSize=1&page=2`);
    expect(all.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(all.body.items[0].action).toBe('create');
  });

  it('filters by calendar days in Beijing time, both ends included', async () => {
    const [{ day }] = await t.db.query(
      `SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM audit_log
        WHERE entity_id = $1 AND action = 'create'`,
      [unitId],
    );
    const shift = (days: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const count = async (query: string) =>
      (await read(`?entityId=${unitId}&action=create${query}`)).body.total;
    expect(await count(`&from=${day}&to=${day}`)).toBe(1);
    expect(await count(`&to=${shift(-1)}`)).toBe(0);
    expect(await count(`&from=${shift(1)}`)).toBe(0);
  });

  it.each([
    ['from after to', '?from=2025-03-02&to=2025-03-01', 'to：截止日期不能早于起始日期'],
    ['an unknown action', '?action=erase', 'action'],
    ['a malformed actor', '?actorUserId=admin', 'actorUserId'],
    ['an impossible date', '?from=2025-02-30', 'from'],
  ])('answers 400 in Chinese to %s', async (_, query, text) => {
    const res = await read(query);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain(text);
  });

  it('is for the administrator and the supervision office only', async () => {
    expect((await read('', 'supervisor')).status).toBe(200);
    for (const user of ['leader', 'jingfaju']) {
      const res = await read(`?entityId=${unitId}`, user);
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('无权执行此操作');
    }
  });
});
