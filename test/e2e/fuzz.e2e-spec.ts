import Ajv, { ValidateFunction } from 'ajv';
import { Rng, seededRandom } from '../support/seeded-random';
import { useSuiteDatabase } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A schema-driven fuzzer: every operation of the OpenAPI document the API serves, as each role,
 * with inputs made from the document's own schemas, valid and hostile (wrong types, unknown
 * keys, NUL, boundary strings, huge numbers, ids of real rows, random and malformed ids).
 * It fails on any 5xx, on a status the operation does not declare, and on a 2xx body that
 * breaks the declared schema. Seeded, so every run sends the same requests; bounded in count.
 * It runs on a database of its own, so deleting and overwriting cannot disturb other suites.
 */
const SEED = 20261201;
const CASES_PER_ROLE = 4;
const ROLES = ['admin', 'leader', 'supervisor', 'jingfaju'] as const;
/** Side effects outside the database (a digest run queues email in the shared Redis). */
const INVALID_ONLY = new Set(['post /api/reminders/digest-runs']);

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
};
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  summary?: string;
}
interface Finding {
  request: string;
  role: string;
  status: number;
  problem: string;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  'x'.repeat(10_000),
  "'; DROP TABLE units; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '\ud800',
  '𠀀😀',
  '../../etc/passwd',
  '0',
  '-1',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  1e20,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  {},
  [null],
  { nested: { deeper: [1, 2, 3] } },
];
const HOSTILE_QUERY = [
  '99999999999999999999',
  '-1',
  '0',
  '1.5',
  'abc',
  '',
  'a\u0000b',
  '1e400',
  'x'.repeat(3000),
  '2025-02-30',
  'true',
];

/** OpenAPI 3.0 → JSON Schema for ajv: `nullable` becomes a null type, refs point at the doc. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = `openapi${value}`;
    else if (key !== 'nullable' && key !== 'example') out[key] = toJsonSchema(value);
  }
  const s = schema as Schema;
  if (s.nullable) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

describe('schema-driven fuzzing of every operation as every role', () => {
  let t: TestApp;
  let leave: (() => Promise<void>) | undefined;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  let ajv: Ajv;
  const ids = new Map<string, string[]>();

  beforeAll(async () => {
    leave = await useSuiteDatabase('luoshi_fuzz');
    t = await createTestApp('2025-03-10');
    doc = (await t.http().get('/docs/json')).body;
    ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
    ajv.addSchema(
      { components: { schemas: toJsonSchema(doc.components.schemas) } } as object,
      'openapi',
    );
    // Rows to aim at: every resource a path names by id, from this database.
    const tables: Record<string, string> = {
      users:
        "SELECT id FROM users WHERE username NOT IN ('admin','leader','supervisor','jingfaju')",
      units: 'SELECT id FROM units',
      groups: 'SELECT id FROM unit_groups',
      plans: 'SELECT id FROM plans',
      sections: 'SELECT id FROM sections',
      items: 'SELECT id FROM items',
      assignments: 'SELECT id FROM assignments',
      reports: 'SELECT id FROM progress_reports',
      files: 'SELECT id FROM evidence_files',
      notices: 'SELECT id FROM supervision_notices',
      import: 'SELECT id FROM plan_imports',
    };
    for (const [name, sql] of Object.entries(tables)) {
      const rows: Array<{ id: string }> = await t.db
        .query(`${sql} ORDER BY id LIMIT 50`)
        .catch(() => []);
      ids.set(
        name,
        rows.map((r) => r.id),
      );
    }
    // A few rows the demo data lacks: a report (with its assignment's own unit) and a notice.
    const [own] = await t.db.query(
      `SELECT a.id FROM assignments a JOIN units u ON u.id = a.unit_id WHERE u.name = '区经发局' ORDER BY a.id LIMIT 1`,
    );
    const report = await t
      .http()
      .post(`/assignments/${own.id}/reports`)
      .set(await t.as('jingfaju'))
      .send({ periodDate: '2025-02-14', workDone: '开展学法活动', percent: 10 });
    if (report.status === 201) ids.set('reports', [report.body.id, ...(ids.get('reports') ?? [])]);
    const [unit] = await t.db.query(`SELECT id FROM units WHERE name = '区经发局'`);
    const notice = await t
      .http()
      .post('/supervision/notices')
      .set(await t.as('supervisor'))
      .send({
        unitId: unit.id,
        assignmentIds: [own.id],
        reason: '进度滞后',
        replyBy: '2025-03-20',
      });
    if (notice.status === 201) ids.set('notices', [notice.body.id]);
  });
  afterAll(async () => {
    await t?.close();
    await leave?.();
  });

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    let s = schema;
    for (let i = 0; s?.$ref && i < 10; i++) {
      s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')];
    }
    if (s?.allOf?.length === 1) return resolve(s.allOf[0]);
    return s;
  };

  function valid(schema: Schema | undefined, rng: Rng, field = '', depth = 0): unknown {
    const s = resolve(schema);
    if (!s || depth > 4) return 'x';
    if (s.enum) return rng.pick(s.enum);
    if (s.oneOf) return valid(rng.pick(s.oneOf), rng, field, depth + 1);
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid' || /Id$/.test(field)) return anId(field, rng);
        if (
          s.format === 'date' ||
          /On$|Date$|^asOf$|Before$|After$|replyBy|periodStart|periodEnd/.test(field)
        ) {
          return `2025-0${1 + rng.int(9)}-1${rng.int(9)}`;
        }
        return rng.pick(['落实', '区经发局', '模糊测试文本', 'abc', '2025']);
      case 'integer':
      case 'number': {
        const min = s.minimum ?? 0;
        const max = Math.min(s.maximum ?? min + 100, min + 1000);
        return min + rng.int(max - min + 1);
      }
      case 'boolean':
        return rng.chance(0.5);
      case 'array':
        return Array.from({ length: rng.int(3) }, () =>
          valid(s.items, rng, field.replace(/s$/, ''), depth + 1),
        );
      case 'object':
      default: {
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries(s.properties ?? {})) {
          if (s.required?.includes(key) || rng.chance(0.5))
            out[key] = valid(prop, rng, key, depth + 1);
        }
        return out;
      }
    }
  }

  function anId(field: string, rng: Rng): string {
    const name = field.replace(/Ids?$/, '').toLowerCase();
    const pool =
      ids.get(`${name}s`) ??
      ids.get(name) ??
      (name === 'parent' || name === 'member' ? ids.get('units') : undefined) ??
      (name === 'preview' ? ids.get('import') : undefined) ??
      [];
    return pool.length && rng.chance(0.8) ? rng.pick(pool) : randomUuid(rng);
  }

  const randomUuid = (rng: Rng) =>
    'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => rng.int(16).toString(16));

  /** One body: valid, or valid with one thing broken. */
  function body(schema: Schema | undefined, rng: Rng, hostile: boolean): unknown {
    const value = valid(schema, rng);
    if (!hostile) return value;
    const kind = rng.int(5);
    if (kind === 0) return rng.pick(HOSTILE_VALUES);
    const object = (
      value && typeof value === 'object' && !Array.isArray(value) ? value : {}
    ) as Record<string, unknown>;
    const keys = Object.keys(resolve(schema)?.properties ?? {});
    if (kind === 1 || !keys.length) return { ...object, [`unknown${rng.int(100)}`]: 1 };
    const key = rng.pick(keys);
    if (kind === 2) return { ...object, [key]: rng.pick(HOSTILE_STRINGS) };
    if (kind === 3) return { ...object, [key]: rng.pick(HOSTILE_VALUES) };
    return { ...object, [key]: [rng.pick(HOSTILE_STRINGS)] };
  }

  function pathFor(path: string, rng: Rng, hostile: boolean): string {
    return path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const resource = path.split(`/{${name}}`)[0].split('/').pop() ?? '';
      const pool = ids.get(resource) ?? [];
      if (hostile && rng.chance(0.5)) {
        return encodeURIComponent(
          rng.pick(['abc', '0', 'a\u0000b', '99999999999999999999', 'x'.repeat(300)]),
        );
      }
      return pool.length && rng.chance(0.8) ? rng.pick(pool) : randomUuid(rng);
    });
  }

  function queryFor(op: Operation, rng: Rng, hostile: boolean): Record<string, string> {
    const query: Record<string, string> = {};
    for (const p of op.parameters ?? []) {
      if (p.in !== 'query') continue;
      if (hostile && rng.chance(0.4)) query[p.name] = rng.pick(HOSTILE_QUERY);
      else if (p.required || rng.chance(0.5)) query[p.name] = String(valid(p.schema, rng, p.name));
    }
    if (hostile && rng.chance(0.2)) query[`unknown${rng.int(10)}`] = '1';
    return query;
  }

  it('has a response check with teeth (a wrong body fails it, a right one passes)', () => {
    const check = ajv.compile(toJsonSchema({ $ref: '#/components/schemas/UnitView' }) as object);
    const unit = {
      id: '00000000-0000-4000-8000-000000000000',
      name: '区经发局',
      shortName: null,
      kind: 'department',
      parentId: null,
      aliases: [],
      emails: [],
      active: true,
      sortOrder: 1,
      version: 1,
    };
    expect(check(unit)).toBe(true);
    expect(check({ ...unit, name: 5 })).toBe(false);
    expect(check({ ...unit, aliases: 'a' })).toBe(false);
  });

  it('answers every list in one shape: a page of items with its total, asked by page and pageSize', () => {
    const schemaOf = (ref: Schema): Schema =>
      ref.$ref ? doc.components.schemas[ref.$ref.split('/').pop()!] : ref;
    const lists: string[] = [];
    const arrays: string[] = [];
    const unpaged: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get;
      const json = op?.responses['200']?.content?.['application/json']?.schema;
      if (!json) continue;
      const schema = schemaOf(json);
      if (schema.type === 'array') arrays.push(path);
      if (!schema.properties?.items || !schema.properties?.total) continue;
      lists.push(path);
      expect(schema.required).toEqual(
        expect.arrayContaining(['items', 'total', 'page', 'pageSize']),
      );
      const query = (op.parameters ?? []).filter((q) => q.in === 'query').map((q) => q.name);
      if (!query.includes('page') || !query.includes('pageSize')) unpaged.push(path);
    }
    expect(arrays).toEqual([]);
    expect(unpaged).toEqual([]);
    // The lists that were arrays before, now pages like every other.
    expect(lists).toEqual(
      expect.arrayContaining([
        '/api/plans/{id}/sections',
        '/api/plans/{id}/items',
        '/api/assignments/{id}/reports',
        '/api/assignments/{id}/timeline',
        '/api/items/{id}/timeline',
        '/api/assignments/{id}/targets',
        '/api/groups',
        '/api/units',
        '/api/assignments',
      ]),
    );
  });

  it('answers every operation as every role without a 5xx, with declared statuses and schemas', async () => {
    const findings: Finding[] = [];
    const rng = seededRandom(SEED);
    let sent = 0;
    const operations = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })))
      .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
    expect(operations.length).toBeGreaterThanOrEqual(70);
    // DELETEs last, so the rows other operations aim at exist while they run.
    operations.sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));

    for (const { path, method, op } of operations) {
      const jsonBody = op.requestBody?.content['application/json']?.schema;
      const takesBody = Boolean(op.requestBody);
      for (const role of ROLES) {
        const auth = await t.as(role);
        for (let n = 0; n < CASES_PER_ROLE; n++) {
          const hostile = INVALID_ONLY.has(`${method} ${path}`) || n % 2 === 1;
          const url = pathFor(path, rng, hostile).replace(/^\/api/, '');
          const query = queryFor(op, rng, hostile);
          let req = t.http()[method as 'get'](url).set(auth).query(query);
          if (takesBody) {
            // Raw JSON text, so a body that is a bare number, null or string is sent as is.
            const value = jsonBody ? body(jsonBody, rng, hostile) : { x: 1 };
            req = req.set('content-type', 'application/json').send(JSON.stringify(value) ?? 'null');
          }
          const res = await req;
          sent++;
          const label = `${method.toUpperCase()} ${url}?${new URLSearchParams(query)}`;
          const declared = op.responses[String(res.status)];
          if (res.status >= 500) {
            findings.push({
              request: label,
              role,
              status: res.status,
              problem: res.text.slice(0, 300),
            });
          } else if (!declared) {
            findings.push({
              request: label,
              role,
              status: res.status,
              problem: `status not declared: ${res.text.slice(0, 200)}`,
            });
          } else if (res.status < 300) {
            const schema = declared.content?.['application/json']?.schema;
            if (schema && res.type === 'application/json') {
              const check: ValidateFunction = ajv.compile(toJsonSchema(schema) as object);
              if (!check(res.body)) {
                findings.push({
                  request: label,
                  role,
                  status: res.status,
                  problem: `breaks its schema: ${ajv.errorsText(check.errors)}`,
                });
              }
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    process.stdout.write(`fuzz: ${sent} requests, ${findings.length} findings\n`);
    // Every operation declares a summary, what it answers on success and its errors.
    const undocumented = operations
      .filter(({ op }) => !op.summary)
      .map(({ path, method }) => `${method} ${path}`);
    expect(undocumented).toEqual([]);
    const unique = new Map(
      findings.map((f) => [
        `${f.request.split('?')[0].replace(/[0-9a-f-]{36}/g, '{id}')} ${f.status} ${f.problem.slice(0, 80)}`,
        f,
      ]),
    );
    expect([...unique.values()]).toEqual([]);
    // Bounded by count (operations × roles × cases), not by a clock; this only caps a hang.
  }, 900_000);
});
