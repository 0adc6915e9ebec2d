import { createTestApp, demoIds, tableCounts, TestApp } from '../support/test-app';

describe('bad input gets a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t.db);
  });
  afterAll(() => t.close());

  const cases: Array<
    [string, 'admin' | 'leader' | 'jingfaju', 'post' | 'patch', string, unknown, RegExp]
  > = [
    [
      'an unknown field',
      'admin',
      'post',
      '/units',
      { name: '某局', kind: 'department', colour: 'red' },
      /colour：不是可接受的字段/,
    ],
    ['a missing required field', 'admin', 'post', '/units', { kind: 'department' }, /name：/],
    [
      'a wrong enum value',
      'admin',
      'post',
      '/units',
      { name: '某局', kind: 'ministry' },
      /kind：取值无效/,
    ],
    [
      'a malformed email',
      'admin',
      'post',
      '/units',
      { name: '某局', kind: 'department', emails: ['not-an-email'] },
      /emails：应为有效的邮箱地址/,
    ],
    [
      'an impossible date',
      'leader',
      'post',
      '/plans',
      { title: '方案', defaultDueOn: '2025-02-30' },
      /defaultDueOn：应为 YYYY-MM-DD/,
    ],
    [
      'a period that ends before it starts',
      'leader',
      'post',
      '/plans',
      { title: '方案', periodStart: '2025-01-01', periodEnd: '2024-01-01' },
      /periodEnd/,
    ],
    [
      'a percent over 100',
      'jingfaju',
      'patch',
      'OWN',
      { version: 1, progressPercent: 120 },
      /progressPercent：太大/,
    ],
    [
      'a percent as text',
      'jingfaju',
      'patch',
      'OWN',
      { version: 1, progressPercent: 'half' },
      /progressPercent：应为整数/,
    ],
    ['no version', 'jingfaju', 'patch', 'OWN', { progressPercent: 20 }, /version：/],
    [
      'a group and a unit at once',
      'leader',
      'post',
      '/assignments',
      { itemId: 'ITEM', unitId: 'UNIT', groupId: 'UNIT', role: 'lead' },
      /二选一/,
    ],
    ['a body that is an array', 'admin', 'post', '/units', [{ name: 'x' }], /./],
  ];

  it.each(cases)('refuses %s with 400', async (_, login, method, rawPath, rawBody, message) => {
    const own = await ids.assignment(4, '区经发局');
    const unit = await ids.unit('区经发局');
    const item = await ids.item(4);
    const path = rawPath === 'OWN' ? `/assignments/${own}` : rawPath;
    const body = JSON.parse(
      JSON.stringify(rawBody)
        .replace(/"ITEM"/g, `"${item}"`)
        .replace(/"UNIT"/g, `"${unit}"`),
    );
    // Signed in first: a sign-in is itself an audit row.
    const bearer = await t.as(login);
    const counts = await tableCounts(t.db);
    const res = await t.http()[method](path).set(bearer).send(body);
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect([res.body.message].flat().join('\n')).toMatch(message);
    expect(await tableCounts(t.db)).toEqual(counts);
  });

  it('refuses malformed JSON with 400 in plain words', async () => {
    const res = await t
      .http()
      .post('/units')
      .set(await t.as('admin'))
      .set('Content-Type', 'application/json')
      .send('{"name": "某局",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '请求内容不是有效的 JSON',
      requestId: res.headers['x-request-id'],
    });
  });

  it('refuses a malformed id with 400 and a missing one with 404', async () => {
    const bad = await t
      .http()
      .get('/assignments/123')
      .set(await t.as('leader'));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/id：应为有效的 ID/);
    const missing = await t
      .http()
      .get('/plans/00000000-0000-4000-8000-000000000000')
      .set(await t.as('leader'));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: '未找到该方案',
      requestId: missing.headers['x-request-id'],
    });
  });

  it('refuses a duplicate unit name with 409', async () => {
    const admin = await t.as('admin');
    const counts = await tableCounts(t.db);
    const res = await t
      .http()
      .post('/units')
      .set(admin)
      .send({ name: '区经发局', kind: 'department' });
    expect(res.status).toBe(409);
    expect(await tableCounts(t.db)).toEqual(counts);
  });

  it('refuses an illegal status change with 409 naming the allowed ones', async () => {
    const own = await ids.assignment(5, '区经发局');
    const [{ version, status }] = await t.db.query(
      'SELECT version, status FROM assignments WHERE id = $1',
      [own],
    );
    expect(status).toBe('not_started');
    const res = await t
      .http()
      .patch(`/assignments/${own}`)
      .set(await t.as('jingfaju'))
      .send({ version, status: 'completed' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/可改为：推进中（in_progress）、已报完成（submitted）/);
  });
});
