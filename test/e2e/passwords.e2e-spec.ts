import { createTestApp, tableCounts, TestApp, withoutRequestId } from '../support/test-app';

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

  const login = (username: string, password: string) =>
    t.http().post('/auth/login').send({ username, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const mustChange = {
    statusCode: 403,
    error: 'Forbidden',
    message: '管理员已重置您的密码，请先修改密码后再继续操作',
  };

  describe('a new account and its own password change', () => {
    it('opens only /me and the change until the first password is changed, then ends older sessions', async () => {
      const created = await newUser('pw-change-1', 'First-Pass-11');
      expect(created.body.mustChangePassword).toBe(true);
      const first = await login('pw-change-1', 'First-Pass-11');
      expect(first.status).toBe(200);
      expect(first.body.mustChangePassword).toBe(true);
      const old = bearer(first.body.accessToken);

      const refused = await t.http().get('/assignments').set(old);
      expect([refused.status, withoutRequestId(refused.body)]).toEqual([403, mustChange]);
      expect((await t.http().get('/me').set(old)).body.mustChangePassword).toBe(true);

      const wrong = await t
        .http()
        .post('/me/password')
        .set(old)
        .send({ currentPassword: 'not-it', newPassword: 'Second-Pass-22' });
      expect([wrong.status, wrong.body.message]).toEqual([400, 'currentPassword：当前密码不正确']);
      const weak = await t
        .http()
        .post('/me/password')
        .set(old)
        .send({ currentPassword: 'First-Pass-11', newPassword: 'woaini1314' });
      expect(weak.status).toBe(400);
      expect(weak.body.message.join('')).toContain('newPassword：密码');
      const same = await t
        .http()
        .post('/me/password')
        .set(old)
        .send({ currentPassword: 'First-Pass-11', newPassword: 'First-Pass-11' });
      expect([same.status, same.body.message]).toEqual([
        400,
        'newPassword：新密码不能与当前密码相同',
      ]);

      const changed = await t
        .http()
        .post('/me/password')
        .set(old)
        .send({ currentPassword: 'First-Pass-11', newPassword: 'Second-Pass-22' });
      expect(changed.status).toBe(200);
      expect(changed.body.mustChangePassword).toBe(false);
      // The token the change was made with is over; the one it answered with works everywhere.
      expect((await t.http().get('/me').set(old)).status).toBe(401);
      const fresh = bearer(changed.body.accessToken);
      expect((await t.http().get('/assignments').set(fresh)).status).toBe(200);
      expect((await login('pw-change-1', 'First-Pass-11')).status).toBe(401);
      const again = await login('pw-change-1', 'Second-Pass-22');
      expect([again.status, again.body.mustChangePassword]).toEqual([200, false]);

      const [audit] = await t.db.query(
        `SELECT actor_user_id, before, after FROM audit_log
          WHERE entity_type = 'User' AND entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
        [created.body.id],
      );
      expect(audit.actor_user_id).toBe(created.body.id);
      expect(audit.before).toMatchObject({ tokenVersion: 0, mustChangePassword: true });
      expect(audit.after).toMatchObject({ tokenVersion: 1, mustChangePassword: false });
      expect(JSON.stringify(audit)).not.toContain('$2');
    });
  });

  describe("an administrator's reset", () => {
    it('ends every session of the user at once and forces a change at the next sign-in', async () => {
      const created = await newUser('pw-reset-1', 'Own-Pass-33');
      const a = await login('pw-reset-1', 'Own-Pass-33');
      const changed = await t
        .http()
        .post('/me/password')
        .set(bearer(a.body.accessToken))
        .send({ currentPassword: 'Own-Pass-33', newPassword: 'Own-Pass-44' });
      const sessions = [
        bearer(changed.body.accessToken),
        bearer((await login('pw-reset-1', 'Own-Pass-44')).body.accessToken),
      ];
      for (const session of sessions) {
        expect((await t.http().get('/assignments').set(session)).status).toBe(200);
      }

      const reset = await t
        .http()
        .post(`/users/${created.body.id}/password-reset`)
        .set(await t.as('admin'))
        .send({ temporaryPassword: 'Temp-Pass-55' });
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ username: 'pw-reset-1', mustChangePassword: true });
      for (const session of sessions) {
        expect((await t.http().get('/me').set(session)).status).toBe(401);
      }
      expect((await login('pw-reset-1', 'Own-Pass-44')).status).toBe(401);
      const temp = await login('pw-reset-1', 'Temp-Pass-55');
      expect([temp.status, temp.body.mustChangePassword]).toEqual([200, true]);
      const refused = await t.http().get('/plans').set(bearer(temp.body.accessToken));
      expect([refused.status, withoutRequestId(refused.body)]).toEqual([403, mustChange]);
    });

    it('refuses a weak temporary password with 400 in Chinese and changes nothing', async () => {
      const created = await newUser('pw-reset-2', 'Own-Pass-66');
      const session = bearer((await login('pw-reset-2', 'Own-Pass-66')).body.accessToken);
      const res = await t
        .http()
        .post(`/users/${created.body.id}/password-reset`)
        .set(await t.as('admin'))
        .send({ temporaryPassword: '12345678' });
      expect(res.status).toBe(400);
      expect(res.body.message[0]).toMatch(/^temporaryPassword：密码/);
      expect((await t.http().get('/me').set(session)).status).toBe(200);
    });

    it('lifts the sign-in lock of the account', async () => {
      const created = await newUser('pw-reset-3', 'Own-Pass-77');
      for (let i = 0; i < 5; i++) await login('pw-reset-3', 'wrong');
      expect((await login('pw-reset-3', 'Own-Pass-77')).status).toBe(429);
      await t
        .http()
        .post(`/users/${created.body.id}/password-reset`)
        .set(await t.as('admin'))
        .send({ temporaryPassword: 'Temp-Pass-88' })
        .expect(200);
      expect((await login('pw-reset-3', 'Temp-Pass-88')).status).toBe(200);
    });

    it('treats a password in PATCH /users/:id as a reset', async () => {
      const created = await newUser('pw-reset-4', 'Own-Pass-99');
      const session = bearer((await login('pw-reset-4', 'Own-Pass-99')).body.accessToken);
      await t
        .http()
        .patch(`/users/${created.body.id}`)
        .set(await t.as('admin'))
        .send({ password: 'Temp-Pass-00' })
        .expect(200);
      expect((await t.http().get('/me').set(session)).status).toBe(401);
      expect((await login('pw-reset-4', 'Temp-Pass-00')).body.mustChangePassword).toBe(true);
    });

    it('is refused to everyone but an administrator, a unit user included', async () => {
      const created = await newUser('pw-reset-5', 'Own-Pass-12');
      for (const user of ['leader', 'supervisor', 'jingfaju']) {
        const res = await t
          .http()
          .post(`/users/${created.body.id}/password-reset`)
          .set(await t.as(user))
          .send({ temporaryPassword: 'Temp-Pass-13' });
        expect(res.status).toBe(403);
      }
      expect((await login('pw-reset-5', 'Own-Pass-12')).status).toBe(200);
    });
  });
});
