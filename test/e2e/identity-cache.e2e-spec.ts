import type { EventEmitter } from 'node:events';
import { IDENTITY_LISTENER_NAME, IdentityChannel } from '@app/database';
import { UserQueries } from '../../apps/api/src/users/user.queries';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/worker';

/**
 * The auth guard's identity cache (apps/api/src/auth/identity-cache.ts) with two API instances
 * on one database, as two API processes or hosts run: a user known to an instance costs no
 * read, and every change to the user made through one instance takes effect on the very next
 * request to the other. Users of this test's own, so the demo accounts stay as they are.
 */
describe('identity without a database read per request', () => {
  let a: TestApp;
  let b: TestApp;
  let unitA: string;
  let unitB: string;
  const TEMPORARY = 'Idc-temp-2025x';
  const PASSWORD = 'Idc-pass-2025z';
  const RESET = 'Idc-reset-2025w';

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    [{ unitId: unitA }, { unitId: unitB }] = await a.db.query(
      `SELECT unit_id AS "unitId" FROM assignments GROUP BY unit_id ORDER BY count(*) DESC LIMIT 2`,
    );
    await waitFor('both identity channels', async () =>
      [a, b].every((t) => t.app.get(IdentityChannel).up),
    );
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const admin = () => a.as('admin');
  /** A unit clerk of the test's own, past the first-sign-in password change; its session. */
  async function newUser(username: string) {
    const res = await a
      .http()
      .post('/users')
      .set(await admin())
      .send({
        username,
        displayName: '缓存测试',
        password: TEMPORARY,
        role: 'unit',
        unitId: unitA,
      });
    expect(res.status).toBe(201);
    const first = await login(a, username, TEMPORARY);
    const changed = await a
      .http()
      .post('/me/password')
      .set(first)
      .send({ currentPassword: TEMPORARY, newPassword: PASSWORD });
    expect(changed.status).toBe(200);
    return {
      id: res.body.id as string,
      auth: { Authorization: `Bearer ${changed.body.accessToken}` },
    };
  }
  async function login(t: TestApp, username: string, password = PASSWORD) {
    const res = await t.http().post('/auth/login').send({ username, password });
    expect(res.status).toBe(200);
    return { Authorization: `Bearer ${res.body.accessToken}` };
  }
  async function change(id: string, body: object) {
    const res = await a
      .http()
      .patch(`/users/${id}`)
      .set(await admin())
      .send(body);
    expect(res.status).toBe(200);
  }
  const overdue = (t: TestApp, auth: { Authorization: string }) =>
    t
      .http()
      .get('/supervision/overdue')
      .set(auth)
      .then((r) => r.status);
  const unitsSeen = async (t: TestApp, auth: { Authorization: string }) => {
    const res = await t.http().get('/assignments').query({ pageSize: 100 }).set(auth);
    expect(res.status).toBe(200);
    return [...new Set((res.body.items as Array<{ unitId: string }>).map((r) => r.unitId))];
  };

  it('reads a known user once per process, then not again', async () => {
    const { auth } = await newUser('idc-reads');
    const reads = jest.spyOn(b.app.get(UserQueries), 'findActiveById');
    try {
      for (let i = 0; i < 3; i++) expect((await b.http().get('/me').set(auth)).status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('a role change, a unit change and a deactivation on one instance hold on the next request to the other', async () => {
    const { id, auth } = await newUser('idc-roles');
    expect(await overdue(b, auth)).toBe(403);
    expect(await unitsSeen(b, auth)).toEqual([unitA]);

    await change(id, { role: 'supervisor' });
    expect(await overdue(b, auth)).toBe(200);
    expect(await overdue(a, auth)).toBe(200);

    await change(id, { role: 'unit', unitId: unitB });
    expect(await overdue(b, auth)).toBe(403);
    expect(await unitsSeen(b, auth)).toEqual([unitB]);

    await change(id, { active: false });
    expect((await b.http().get('/me').set(auth)).status).toBe(401);
    expect((await a.http().get('/me').set(auth)).status).toBe(401);
  });

  it('holds the answer to a change until a process that hears it late has dropped the user', async () => {
    const { id, auth } = await newUser('idc-late');
    expect(await overdue(b, auth)).toBe(403);
    // B's LISTEN connection passes on what it hears 300 ms late, as a busy process would.
    const client = (b.app.get(IdentityChannel) as unknown as { client: EventEmitter }).client;
    const emit = client.emit.bind(client);
    client.emit = (event: string | symbol, ...args: unknown[]) => {
      if (event !== 'notification') return emit(event, ...args);
      setTimeout(() => emit(event, ...args), 300);
      return true;
    };
    // A waits up to 5 s here instead of its 1 s, so a busy test machine cannot run out the wait
    // and pass for an answer heard: what ends the hold well before 5 s is B's answer.
    const channel = a.app.get(IdentityChannel);
    let longWaits = 0;
    const expectAnswers = channel.expect.bind(channel);
    channel.expect = (...args: Parameters<IdentityChannel['expect']>) => {
      const answers = expectAnswers(...args);
      return {
        ...answers,
        heard: () => {
          longWaits++;
          return answers.heard(5000);
        },
      };
    };
    try {
      const started = Date.now();
      await change(id, { role: 'supervisor' });
      // Held for B's answer, and not for the whole wait a missing answer would cost.
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeLessThan(4000);
      expect(longWaits).toBe(1);
      expect(await overdue(b, auth)).toBe(200);
    } finally {
      client.emit = emit;
      channel.expect = expectAnswers;
    }
  });

  it('a password reset by the admin and a change by the user end older sessions at once', async () => {
    const { id, auth: old } = await newUser('idc-password');
    expect((await b.http().get('/me').set(old)).status).toBe(200);
    expect((await a.http().get('/me').set(old)).status).toBe(200);

    const reset = await a
      .http()
      .post(`/users/${id}/password-reset`)
      .set(await admin())
      .send({ temporaryPassword: RESET });
    expect(reset.status).toBe(200);
    expect((await b.http().get('/me').set(old)).status).toBe(401);

    // The user signs in with the temporary password on A and changes it on B.
    const fresh = await login(a, 'idc-password', RESET);
    // Signed in with a temporary password: nothing but the password change is open.
    expect((await b.http().get('/assignments').set(fresh)).status).toBe(403);
    const changed = await b
      .http()
      .post('/me/password')
      .set(fresh)
      .send({ currentPassword: RESET, newPassword: 'Idc-own-2025y' });
    expect(changed.status).toBe(200);
    expect((await a.http().get('/me').set(fresh)).status).toBe(401);
    const now = { Authorization: `Bearer ${changed.body.accessToken}` };
    expect((await a.http().get('/assignments').set(now)).status).toBe(200);
  });

  it('reads the user on every request while the channel is down, and caches again once it is back', async () => {
    const { id, auth } = await newUser('idc-outage');
    expect((await b.http().get('/me').set(auth)).status).toBe(200);
    // Cut every LISTEN connection from the server side, as a failover or a restart would.
    await a.db.query(
      // This database's only: the other Jest worker's apps listen on the same server.
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [IDENTITY_LISTENER_NAME],
    );
    await waitFor('the channels to notice', async () =>
      [a, b].every((t) => !t.app.get(IdentityChannel).up),
    );
    const reads = jest.spyOn(b.app.get(UserQueries), 'findActiveById');
    try {
      expect((await b.http().get('/me').set(auth)).status).toBe(200);
      expect((await b.http().get('/me').set(auth)).status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(2);
      // A change while nobody hears it still holds on the next request.
      await b.app.get(IdentityChannel).onModuleDestroy();
      await change(id, { active: false });
      expect((await b.http().get('/me').set(auth)).status).toBe(401);
    } finally {
      reads.mockRestore();
    }
    await waitFor('A to listen again', async () => a.app.get(IdentityChannel).up);
    const again = await newUser('idc-back');
    const readsA = jest.spyOn(a.app.get(UserQueries), 'findActiveById');
    try {
      for (let i = 0; i < 3; i++)
        expect((await a.http().get('/me').set(again.auth)).status).toBe(200);
      expect(readsA).toHaveBeenCalledTimes(1);
    } finally {
      readsA.mockRestore();
    }
  });
});
