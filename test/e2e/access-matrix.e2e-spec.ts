import { randomUUID } from 'node:crypto';
import { createTestApp, demoIds, TestApp } from '../support/test-app';

type RoleName = 'admin' | 'leadership' | 'supervisor' | 'unit';
const LOGIN: Record<RoleName, string> = {
  admin: 'admin',
  leadership: 'leader',
  supervisor: 'supervisor',
  unit: 'jingfaju',
};
const ALL: RoleName[] = ['admin', 'leadership', 'supervisor', 'unit'];

interface Call {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  body?: object;
}

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const uniq = () => randomUUID().slice(0, 8);

async function make(path: string, login: string, body: object): Promise<string> {
  const res = await t
    .http()
    .post(path)
    .set(await t.as(login))
    .send(body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body.id;
}
const newUnit = () => make('/units', 'admin', { name: `测试单位${uniq()}`, kind: 'department' });
const newPlan = () =>
  make('/plans', 'leader', { title: `测试方案${uniq()}`, defaultDueOn: '2026-12-31' });
async function newSection(planId?: string) {
  const plan = planId ?? (await newPlan());
  return make(`/plans/${plan}/sections`, 'leader', {
    number: 1,
    numberText: '一',
    title: '测试章',
  });
}
async function newItem() {
  const plan = await newPlan();
  const sectionId = await newSection(plan);
  return make(`/plans/${plan}/items`, 'leader', {
    sectionId,
    number: 1,
    numberText: '一',
    title: '测试条目',
  });
}
async function assignmentOf(unitName: string) {
  const id = await ids.assignment(4, unitName);
  const version = (await t.db.query('SELECT version FROM assignments WHERE id = $1', [id]))[0]
    .version;
  return { id, version };
}

/** Each row builds a fresh target, so an allowed call succeeds whatever ran before it. */
const rows: Array<[string, RoleName[], () => Promise<Call>]> = [
  ['GET /me', ALL, async () => ({ method: 'get', path: '/me' })],
  ['GET /units', ALL, async () => ({ method: 'get', path: '/units' })],
  [
    'GET /units/:id',
    ALL,
    async () => ({ method: 'get', path: `/units/${await ids.unit('区经发局')}` }),
  ],
  [
    'POST /units',
    ['admin'],
    async () => ({
      method: 'post',
      path: '/units',
      body: { name: `新单位${uniq()}`, kind: 'town' },
    }),
  ],
  [
    'PATCH /units/:id',
    ['admin'],
    async () => ({
      method: 'patch',
      path: `/units/${await newUnit()}`,
      body: { shortName: '简称' },
    }),
  ],
  [
    'DELETE /units/:id',
    ['admin'],
    async () => ({ method: 'delete', path: `/units/${await newUnit()}` }),
  ],
  ['GET /groups', ALL, async () => ({ method: 'get', path: '/groups' })],
  [
    'POST /groups',
    ['admin'],
    async () => ({
      method: 'post',
      path: '/groups',
      body: { name: `组${uniq()}`, memberIds: [await newUnit()] },
    }),
  ],
  [
    'PATCH /groups/:id',
    ['admin'],
    async () => ({
      method: 'patch',
      path: `/groups/${await make('/groups', 'admin', { name: `组${uniq()}`, memberIds: [] })}`,
      body: { aliases: ['别名'] },
    }),
  ],
  [
    'DELETE /groups/:id',
    ['admin'],
    async () => ({
      method: 'delete',
      path: `/groups/${await make('/groups', 'admin', { name: `组${uniq()}`, memberIds: [] })}`,
    }),
  ],
  ['GET /users', ['admin'], async () => ({ method: 'get', path: '/users' })],
  [
    'POST /users',
    ['admin'],
    async () => ({
      method: 'post',
      path: '/users',
      body: {
        username: `u${uniq()}`,
        displayName: '测试',
        password: 'password-123',
        role: 'unit',
        unitId: await newUnit(),
      },
    }),
  ],
  [
    'PATCH /users/:id',
    ['admin'],
    async () => ({
      method: 'patch',
      path: `/users/${await make('/users', 'admin', { username: `u${uniq()}`, displayName: '测试', password: 'password-123', role: 'unit', unitId: await newUnit() })}`,
      body: { displayName: '改名' },
    }),
  ],
  [
    'DELETE /users/:id',
    ['admin'],
    async () => ({
      method: 'delete',
      path: `/users/${await make('/users', 'admin', { username: `u${uniq()}`, displayName: '测试', password: 'password-123', role: 'unit', unitId: await newUnit() })}`,
    }),
  ],
  ['GET /plans', ALL, async () => ({ method: 'get', path: '/plans' })],
  ['GET /plans/:id', ALL, async () => ({ method: 'get', path: `/plans/${ids.plan}` })],
  [
    'POST /plans',
    ['leadership'],
    async () => ({ method: 'post', path: '/plans', body: { title: `方案${uniq()}` } }),
  ],
  [
    'PATCH /plans/:id',
    ['leadership'],
    async () => ({
      method: 'patch',
      path: `/plans/${await newPlan()}`,
      body: { status: 'active' },
    }),
  ],
  [
    'DELETE /plans/:id',
    ['leadership'],
    async () => ({ method: 'delete', path: `/plans/${await newPlan()}` }),
  ],
  [
    'GET /plans/:id/sections',
    ALL,
    async () => ({ method: 'get', path: `/plans/${ids.plan}/sections` }),
  ],
  [
    'POST /plans/:id/sections',
    ['leadership'],
    async () => ({
      method: 'post',
      path: `/plans/${await newPlan()}/sections`,
      body: { number: 1, numberText: '一', title: '章' },
    }),
  ],
  [
    'PATCH /sections/:id',
    ['leadership'],
    async () => ({
      method: 'patch',
      path: `/sections/${await newSection()}`,
      body: { title: '新章名' },
    }),
  ],
  [
    'DELETE /sections/:id',
    ['leadership'],
    async () => ({ method: 'delete', path: `/sections/${await newSection()}` }),
  ],
  ['GET /plans/:id/items', ALL, async () => ({ method: 'get', path: `/plans/${ids.plan}/items` })],
  [
    'POST /plans/:id/items',
    ['leadership'],
    async () => {
      const plan = await newPlan();
      return {
        method: 'post',
        path: `/plans/${plan}/items`,
        body: { sectionId: await newSection(plan), number: 1, numberText: '一', title: '条目' },
      };
    },
  ],
  ['GET /items/:id', ALL, async () => ({ method: 'get', path: `/items/${await ids.item(4)}` })],
  [
    'PATCH /items/:id',
    ['leadership'],
    async () => ({
      method: 'patch',
      path: `/items/${await newItem()}`,
      body: { dueOn: '2026-06-30' },
    }),
  ],
  [
    'DELETE /items/:id',
    ['leadership'],
    async () => ({ method: 'delete', path: `/items/${await newItem()}` }),
  ],
  ['GET /assignments', ALL, async () => ({ method: 'get', path: '/assignments' })],
  [
    'GET /assignments/:id',
    ALL,
    async () => ({ method: 'get', path: `/assignments/${(await assignmentOf('区经发局')).id}` }),
  ],
  [
    'POST /assignments',
    ['leadership'],
    async () => ({
      method: 'post',
      path: '/assignments',
      body: { itemId: await newItem(), unitId: await ids.unit('区经发局'), role: 'lead' },
    }),
  ],
  [
    'PATCH /assignments/:id',
    ['leadership', 'unit'],
    async () => {
      const { id, version } = await assignmentOf('区经发局');
      return {
        method: 'patch',
        path: `/assignments/${id}`,
        body: { version, progressPercent: 10 + (version % 50) },
      };
    },
  ],
  [
    'DELETE /assignments/:id',
    ['leadership'],
    async () => {
      const created = await t
        .http()
        .post('/assignments')
        .set(await t.as('leader'))
        .send({ itemId: await newItem(), unitId: await ids.unit('区经发局'), role: 'lead' });
      return { method: 'delete', path: `/assignments/${created.body.created[0].id}` };
    },
  ],
];

describe('access rules: every endpoint × every role', () => {
  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t.db);
  });
  afterAll(() => t.close());

  const cases = rows.flatMap(([name, allowed, build]) =>
    ALL.map((role) => [name, role, allowed.includes(role), build] as const),
  );

  it.each(cases)('%s as %s: allowed=%s', async (_, role, allowed, build) => {
    const call = await build();
    const req = t
      .http()
      [call.method](call.path)
      .set(await t.as(LOGIN[role]));
    const res = await (call.body ? req.send(call.body) : req);
    if (allowed) {
      expect([200, 201, 204]).toContain(res.status);
    } else {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ statusCode: 403, error: 'Forbidden', message: '无权执行此操作' });
    }
  });

  it('refuses every endpoint but login and health without a token', async () => {
    for (const [, , build] of rows) {
      const call = await build();
      const res = await t.http()[call.method](call.path).send(call.body);
      expect(res.status).toBe(401);
    }
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
