import { createTestApp, tableCounts, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('passwords', () => {
  let t: TestApp;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as('admin');
    unitId = (await t.http().get('/units?q=区统计局').set(admin)).body.items[0].id;
  });
  afterAll(() => t.close());

  const newUser = async (username: string, password: string) =>
    t
      .http()
      .post('/users')
      .set(await t.as('admin'))
      .send({ username, displayName: '密码测试', password, role: 'unit', unitId });

  describe('policy on passwords set through the API', () => {
    it.each([
      ['a common one', 'Woaini1314', '密码过于常见'],
      ['one with two kinds only', 'qingshanlu2025', '至少三类'],
      ['one containing the username', 'Pw-policy-1-X', '不能包含用户名'],
      ['one over 72 bytes', `Aa1-${'法'.repeat(23)}`, '不能超过 72 个字节'],
    ])('refuses %s on creation with 400 in Chinese and creates nothing', async (_, pw, text) => {
      const before = await tableCounts(t.db);
      const res = await newUser('pw-policy-1', pw);
      expect(res.status).toBe(400);
      expect(res.body.message.join('')).toContain(text);
      expect(await tableCounts(t.db)).toEqual(before);
    });

    it('refuses a weak password in PATCH /users/:id and keeps the old one', async () => {
      const created = await newUser('pw-policy-2', 'Strong-Pass-2');
      expect(created.status).toBe(201);
      const res = await t
        .http()
        .patch(`/users/${created.body.id}`)
        .set(await t.as('admin'))
        .send({ password: 'Aa123456' });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['password：密码过于常见，容易被猜中，请换一个']);
      const login = await t
        .http()
        .post('/auth/login')
        .send({ username: 'pw-policy-2', password: 'Strong-Pass-2' });
      expect(login.status).toBe(200);
    });
  });
});
