import { AddressInfo } from 'node:net';
import { docx } from '../support/zip';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Hostile requests from the security sweep (issue 10): each is refused with a 4xx in Chinese,
 * and the API keeps answering other callers while it is in flight. The API listens on a real
 * ephemeral port so the hostile request and the /health probes are concurrent connections.
 */
interface ErrorAnswer {
  statusCode: number;
  error: string;
  message: string;
}

describe('no request stops the API', () => {
  let t: TestApp;
  let base: string;
  let leader: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api`;
    leader = await t.as('leader');
    admin = await t.as('admin');
    // Warm up the health check's connections so a probe measures the API, not a first connect.
    for (let i = 0; i < 3; i++) await (await fetch(`${base}/health`)).arrayBuffer();
  });
  afterAll(() => t.close());

  /**
   * Sends `hostile` and, while it has not answered, probes /health; returns the hostile answer
   * and the slowest probe. Probes start at once and continue until the hostile request is done
   * (at least three), so they overlap its reading, scanning and refusing.
   */
  async function duringHostile(hostile: () => Promise<Response>) {
    let done = false;
    const answer = hostile().finally(() => (done = true));
    const latencies: number[] = [];
    while (!done || latencies.length < 3) {
      const started = performance.now();
      const health = await fetch(`${base}/health`);
      latencies.push(performance.now() - started);
      expect(health.status).toBe(200);
      await health.arrayBuffer();
    }
    const res = await answer;
    return {
      res,
      body: (await res.json()) as ErrorAnswer,
      slowestHealthMs: Math.max(...latencies),
    };
  }

  const json = (headers: Record<string, string>, body: string | Buffer) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

  it('refuses a .docx that unzips to 100 MB with 413 before unzipping it', async () => {
    const bomb = docx({ bombBytes: 100 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(300 * 1024);
    const form = new FormData();
    form.append('file', new Blob([bomb]), '炸弹.docx');
    const { res, body, slowestHealthMs } = await duringHostile(() =>
      fetch(`${base}/plans/import`, { method: 'POST', headers: leader, body: form }),
    );
    expect(res.status).toBe(413);
    expect(body.message).toMatch(/解压后/);
    expect(slowestHealthMs).toBeLessThan(1000);
  });

  it('refuses a .docx that is not a zip with a 4xx', async () => {
    // Not a zip at all under a .docx name: refused as not a Word document before any unzip.
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('PK\u0003\u0004 not a zip')]), '方案.docx');
    const res = await fetch(`${base}/plans/import`, {
      method: 'POST',
      headers: leader,
      body: form,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(((await res.json()) as ErrorAnswer).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a 4.7 MB login of 400,000 keys at once (413), /health answering meanwhile', async () => {
    const flood = `{${Array.from({ length: 400_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(flood.length).toBeGreaterThan(4_500_000);
    const { res, body, slowestHealthMs } = await duringHostile(() =>
      fetch(`${base}/auth/login`, json({}, flood)),
    );
    expect(res.status).toBe(413);
    // Refused before parsing, and still named: the id the logging middleware gave the request.
    expect(body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: '请求内容太大',
      requestId: res.headers.get('x-request-id'),
    });
    expect(slowestHealthMs).toBeLessThan(1000);
  });

  it('refuses a key flood inside a route’s size limit by counting keys before parsing', async () => {
    const keys = (n: number) =>
      `{"text":"x",${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}`;
    // The plan-text route takes 12 MB: 400,000 keys fit, and are refused by the key cap.
    const { res, body, slowestHealthMs } = await duringHostile(() =>
      fetch(`${base}/plans/import`, json(leader, keys(400_000))),
    );
    expect(res.status).toBe(400);
    expect(body.message).toMatch(/字段太多/);
    expect(slowestHealthMs).toBeLessThan(1000);
  });

  it('refuses JSON nested 10,000 deep with 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const nestedObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const body of [deep, nestedObject]) {
      const {
        res,
        body: answer,
        slowestHealthMs,
      } = await duringHostile(() => fetch(`${base}/units`, json(admin, body)));
      expect(res.status).toBe(400);
      expect(answer.message).toMatch(/嵌套太深/);
      expect(slowestHealthMs).toBeLessThan(1000);
    }
  });

  it('bounds bodies per route: a login of a few KB, 100 KB elsewhere', async () => {
    const login = await fetch(
      `${base}/auth/login`,
      json({}, JSON.stringify({ username: 'leader', password: 'x'.repeat(5000) })),
    );
    expect(login.status).toBe(413);
    const unit = await fetch(
      `${base}/units`,
      json(admin, JSON.stringify({ name: '某局', kind: 'department', note: 'x'.repeat(200_000) })),
    );
    expect(unit.status).toBe(413);
    expect(((await unit.json()) as ErrorAnswer).message).toBe('请求内容太大');
  });

  it('takes JSON only where JSON is expected (415 otherwise)', async () => {
    const cases: Array<[string, string, string | FormData]> = [
      ['/units', 'text/plain', '{"name":"某局","kind":"department"}'],
      ['/auth/login', 'application/x-www-form-urlencoded', 'username=leader&password=luoshi-demo'],
      ['/units', 'application/xml', '<unit/>'],
    ];
    for (const [path, type, body] of cases) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...admin, 'content-type': type },
        body,
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as ErrorAnswer).message).toMatch(/JSON/);
    }
    const form = new FormData();
    form.append('name', '某局');
    const multipart = await fetch(`${base}/units`, { method: 'POST', headers: admin, body: form });
    expect(multipart.status).toBe(415);
    expect(((await multipart.json()) as ErrorAnswer).message).toMatch(/不接受文件上传/);
    // A compressed JSON body is refused rather than inflated.
    const gzip = await fetch(`${base}/units`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: Buffer.from([0x1f, 0x8b]),
    });
    expect(gzip.status).toBe(415);
  });

  it('still reads ordinary JSON and files on the routes that take them', async () => {
    const login = await fetch(
      `${base}/auth/login`,
      json(
        {},
        JSON.stringify({
          username: 'leader',
          password: process.env.DEMO_PASSWORD ?? 'luoshi-demo',
        }),
      ),
    );
    expect(login.status).toBe(200);
    const form = new FormData();
    form.append(
      'file',
      new Blob([docx({ paragraphs: ['一、总体要求', '（一）指导思想。坚持依法行政。'] })]),
      '方案.docx',
    );
    const preview = await fetch(`${base}/plans/import`, {
      method: 'POST',
      headers: leader,
      body: form,
    });
    // Not a full plan, so the parser may refuse it (422), but the archive itself was accepted.
    expect([200, 201, 422]).toContain(preview.status);
    expect(((await preview.json()) as ErrorAnswer).message ?? '').not.toMatch(/解压|压缩/);
  });
});
