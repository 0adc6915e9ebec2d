import { loadConfig } from '@app/config';
import { createTestApp, TestApp, withoutRequestId } from '../support/test-app';

/**
 * Sign-in throttling (等保 身份鉴别: 登录失败处理): failures counted per account name and per
 * client address in PostgreSQL, the unlock time said in Beijing time, and every attempt in the
 * audit log. The app trusts X-Forwarded-For from loopback here so each test has an address of
 * its own, as it would behind a proxy.
 */
// bcrypt on every attempt and a second app: slower than Jest's 5 s default on a shared machine.
jest.setTimeout(60_000);

describe('sign-in throttling', () => {
  let t: TestApp;
  const password = 'Sign-in-Test-7';
  const rules = { ...loadConfig().login, maxFailures: 5, lockMinutes: 15, addressMaxFailures: 8 };

  beforeAll(async () => {
    t = await createTestApp('2025-03-10', { config: { trustProxy: 'loopback', login: rules } });
    const admin = await t.as('admin');
    const unitId = (await t.http().get('/units?q=区统计局').set(admin)).body.items[0].id;
    for (const username of ['lock-a', 'lock-b', 'lock-c', 'lock-d']) {
      await t
        .http()
        .post('/users')
        .set(admin)
        .send({ username, displayName: '锁定测试', password, role: 'unit', unitId })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  const login = (username: string, pw: string, address: string) =>
    t.http().post('/auth/login').set('X-Forwarded-For', address).send({ username, password: pw });

  const auditOf = (name: string) =>
    t.db.query(
      `SELECT action, actor_user_id, after FROM audit_log
        WHERE entity_type = 'Login' AND entity_id = $1 ORDER BY id`,
      [name],
    );

  const locked = (until: string) => ({
    statusCode: 429,
    error: 'Too Many Requests',
    message: `登录失败次数过多，该账号已锁定，请于 ${until}（北京时间）后再试，或请管理员重置密码`,
  });
  const wrong = { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' };

  it('locks an account after 5 failures, refuses the right password while locked, and unlocks after 15 minutes', async () => {
    t.clock.set('2025-03-10T09:00:00+08:00');
    for (let i = 1; i <= 4; i++) {
      const res = await login('lock-a', `wrong-${i}`, '198.51.100.1');
      expect([res.status, withoutRequestId(res.body)]).toEqual([401, wrong]);
    }
    const fifth = await login('lock-a', 'wrong-5', '198.51.100.1');
    expect([fifth.status, withoutRequestId(fifth.body)]).toEqual([429, locked('2025-03-10 09:15')]);

    // Locked: the right password is refused too, from any address, and by another API process.
    t.clock.set('2025-03-10T09:14:00+08:00');
    const right = await login('lock-a', password, '198.51.100.2');
    expect([right.status, withoutRequestId(right.body)]).toEqual([429, locked('2025-03-10 09:15')]);
    const other = await createTestApp('2025-03-10T09:14:00+08:00', {
      config: { trustProxy: 'loopback' },
    });
    try {
      const res = await other
        .http()
        .post('/auth/login')
        .set('X-Forwarded-For', '198.51.100.3')
        .send({ username: 'lock-a', password });
      expect(res.status).toBe(429);
    } finally {
      await other.close();
    }
    const [row] = await t.db.query(
      "SELECT failures, locked_until FROM login_throttle WHERE key = 'user:lock-a'",
    );
    expect(row.failures).toBe(5);
    expect(new Date(row.locked_until).toISOString()).toBe('2025-03-10T01:15:00.000Z');

    // The lock runs out: the right password works and the run starts again from nothing.
    t.clock.set('2025-03-10T09:15:01+08:00');
    expect((await login('lock-a', password, '198.51.100.2')).status).toBe(200);
    expect((await login('lock-a', 'wrong-again', '198.51.100.2')).status).toBe(401);
    expect((await login('lock-a', password, '198.51.100.2')).status).toBe(200);
  });

  it('forgets a run of failures 15 minutes after its last one, and a success ends a run', async () => {
    t.clock.set('2025-03-10T10:00:00+08:00');
    for (let i = 0; i < 4; i++) await login('lock-b', 'wrong', '198.51.100.10');
    expect((await login('lock-b', password, '198.51.100.10')).status).toBe(200);
    for (let i = 0; i < 4; i++) await login('lock-b', 'wrong', '198.51.100.10');
    t.clock.set('2025-03-10T10:16:00+08:00');
    // Four more after a quiet quarter hour: still not locked (a new run of 4).
    for (let i = 0; i < 4; i++) {
      expect((await login('lock-b', 'wrong', '198.51.100.11')).status).toBe(401);
    }
    expect((await login('lock-b', password, '198.51.100.11')).status).toBe(200);
  });

  it('answers an unknown name exactly as a real account, locks included', async () => {
    t.clock.set('2025-03-10T11:00:00+08:00');
    const real: Array<[number, unknown]> = [];
    const unknown: Array<[number, unknown]> = [];
    for (let i = 0; i < 6; i++) {
      const a = await login('lock-c', 'wrong', '198.51.100.20');
      const b = await login('no-such-user', 'wrong', '198.51.100.21');
      real.push([a.status, withoutRequestId(a.body)]);
      unknown.push([b.status, withoutRequestId(b.body)]);
    }
    expect(unknown).toEqual(real);
    expect(real.map(([status]) => status)).toEqual([401, 401, 401, 401, 429, 429]);
    // The right password of an existing account that is locked gets that same answer.
    const right = await login('lock-c', password, '198.51.100.22');
    expect([right.status, withoutRequestId(right.body)]).toEqual(real[5]);
  });

  it('blocks an address after 8 failures on any names with 429, other addresses unaffected', async () => {
    t.clock.set('2025-03-10T12:00:00+08:00');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await login(`guess-${i}`, 'wrong', '203.0.113.7')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
    const blocked = await login('lock-d', password, '203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toBe(
      '该地址登录失败次数过多，请于 2025-03-10 12:15（北京时间）后再试',
    );
    expect((await login('lock-d', password, '203.0.113.8')).status).toBe(200);
    t.clock.set('2025-03-10T12:15:00+08:00');
    expect((await login('lock-d', password, '203.0.113.7')).status).toBe(200);
  });

  it('records every sign-in, failure and refusal in the audit log with the address', async () => {
    t.clock.set('2025-03-10T13:00:00+08:00');
    const [user] = await t.db.query("SELECT id, unit_id FROM users WHERE username = 'lock-d'");
    const before = (await auditOf('lock-d')).length;
    await login('LOCK-D', 'wrong', '192.0.2.1').expect(401);
    await login('lock-d', password, '192.0.2.2').expect(200);
    const rows = (await auditOf('lock-d')).slice(before);
    expect(rows).toEqual([
      {
        action: 'login_failed',
        actor_user_id: null,
        after: { username: 'lock-d', address: '192.0.2.1', userId: user.id, lockedUntil: null },
      },
      {
        action: 'login',
        actor_user_id: user.id,
        after: { username: 'lock-d', address: '192.0.2.2' },
      },
    ]);
    const refused = await auditOf('lock-c');
    expect(refused.map((r: { action: string }) => r.action)).toEqual([
      ...Array(5).fill('login_failed'),
      'login_refused',
      'login_refused',
    ]);
    expect(refused[5].after).toEqual({
      username: 'lock-c',
      address: '198.51.100.20',
      reason: 'account',
    });
  });
});
