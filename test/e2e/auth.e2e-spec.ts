import { JwtService } from '@nestjs/jwt';
import { createTestApp, PASSWORD, TestApp } from '../support/test-app';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('issues an expiring JWT for a demo user and /me names the user and unit', async () => {
    const login = await t
      .http()
      .post('/auth/login')
      .send({ username: 'jingfaju', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.expiresIn).toBeGreaterThan(0);
    const [, payload] = String(login.body.accessToken).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(login.body.expiresIn);

    const me = await t.http().get('/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    // With the server's today, which the console's date fields start from (the test clock's).
    expect(me.body).toMatchObject({
      username: 'jingfaju',
      role: 'unit',
      unitName: '区经发局',
      today: '2025-03-10',
    });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('signs with HS256 and accepts no other algorithm, not even with the right secret', async () => {
    const login = await t
      .http()
      .post('/auth/login')
      .send({ username: 'jingfaju', password: PASSWORD });
    const [header, payload] = String(login.body.accessToken).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
      alg: 'HS256',
    });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    // The API's own secret, with another HMAC: only the algorithm differs.
    const jwt = new JwtService({ secret: process.env.JWT_SECRET! });
    const forged = [
      jwt.sign(claims, { algorithm: 'HS512' }),
      jwt.sign(claims, { algorithm: 'HS384' }),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
    ];
    for (const token of forged) {
      const me = await t.http().get('/me').set('Authorization', `Bearer ${token}`);
      expect(me.status).toBe(401);
    }
    const same = jwt.sign(claims, { algorithm: 'HS256' });
    expect((await t.http().get('/me').set('Authorization', `Bearer ${same}`)).status).toBe(200);
  });

  it('accepts the username in any letter case', async () => {
    const res = await t.http().post('/auth/login').send({ username: 'Leader', password: PASSWORD });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong password', { username: 'leader', password: 'wrong-password' }],
    ['an unknown user', { username: 'nobody', password: PASSWORD }],
  ])('refuses %s with 401 and the same message', async (_, body) => {
    const res = await t.http().post('/auth/login').send(body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: '用户名或密码错误',
      requestId: res.headers['x-request-id'],
    });
  });

  it.each([
    ['no token', undefined],
    ['a garbage token', 'Bearer not.a.jwt'],
    [
      'a token signed with another secret',
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    ],
    ['another scheme', 'Basic bGVhZGVyOmx1b3NoaS1kZW1v'],
  ])('answers 401 to /me with %s', async (_, header) => {
    const req = t.http().get('/me');
    const res = await (header ? req.set('Authorization', header) : req);
    expect(res.status).toBe(401);
    expect(res.body.statusCode).toBe(401);
  });

  it('stops a deactivated user at once, even with a token issued before', async () => {
    const admin = await t.as('admin');
    const unit = (await t.http().get('/units?q=区统计局').set(admin)).body.items[0];
    const created = await t.http().post('/users').set(admin).send({
      username: 'temp-clerk',
      displayName: '临时',
      password: 'Temporary-Pass-1',
      role: 'unit',
      unitId: unit.id,
    });
    expect(created.status).toBe(201);
    const login = await t
      .http()
      .post('/auth/login')
      .send({ username: 'temp-clerk', password: 'Temporary-Pass-1' });
    const bearer = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http().get('/me').set(bearer)).status).toBe(200);

    await t
      .http()
      .patch(`/users/${created.body.id}`)
      .set(admin)
      .send({ active: false })
      .expect(200);
    expect((await t.http().get('/me').set(bearer)).status).toBe(401);
  });
});
