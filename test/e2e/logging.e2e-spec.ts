import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TestApp } from '../support/test-app';
import { LogCapture } from '../support/log-capture';
import { startWorker } from '../support/worker';

const run = promisify(execFile);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request logging and request ids', () => {
  let t: TestApp;
  const log = new LogCapture();
  beforeAll(async () => (t = await createTestApp(undefined, { logLevel: 'info', logStream: log })));
  afterAll(() => t.close());

  it('logs one line per request with method, path, status, ms, user and request id', async () => {
    const leader = await t.as('leader');
    const [me] = await t.db.query("SELECT id FROM users WHERE username = 'leader'");
    const res = await t
      .http()
      .get('/plans?page=1')
      .set(leader)
      .set('X-Request-Id', 'proxy-7f3a.42');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('proxy-7f3a.42');
    const lines = log.of('proxy-7f3a.42');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/api/plans',
      status: 200,
      userId: me.id,
      msg: expect.stringMatching(/^GET \/api\/plans 200 \d+ms$/),
    });
    expect(typeof lines[0].ms).toBe('number');
    expect(lines[0].time).toMatch(/\+08:00$/);
  });

  it('makes its own id when the caller sends none or an unusable one', async () => {
    const none = await t.http().get('/health');
    expect(none.headers['x-request-id']).toMatch(UUID);
    const odd = await t.http().get('/health').set('X-Request-Id', 'a b <script>');
    expect(odd.headers['x-request-id']).toMatch(UUID);
    expect(log.of(odd.headers['x-request-id'])).toHaveLength(1);
    expect(log.lines.some((line) => line.requestId === 'a b <script>')).toBe(false);
  });

  it('puts the request id in every error body, beside statusCode, error and message', async () => {
    const leader = await t.as('leader');
    const missing = await t.http().get('/plans/00000000-0000-4000-8000-000000000000').set(leader);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      requestId: missing.headers['x-request-id'],
    });
    expect(log.of(missing.headers['x-request-id'])).toEqual([
      expect.objectContaining({ status: 404, userId: expect.any(String) }),
    ]);
  });

  it('gives a body the parser refuses an id and a log line too', async () => {
    const res = await t
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .set('X-Request-Id', 'broken-json-1')
      .send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, requestId: 'broken-json-1' });
    expect(log.of('broken-json-1')).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/auth/login', status: 400 }),
    ]);
  });

  it('keeps Nest’s route mapping out of the info log', () => {
    const contexts = new Set(log.lines.map((line) => line.context));
    expect(log.lines.length).toBeGreaterThan(0);
    expect(contexts.has('RoutesResolver')).toBe(false);
    expect(contexts.has('RouterExplorer')).toBe(false);
    expect(log.lines.some((line) => /Mapped \{/.test(String(line.msg)))).toBe(false);
  });
});

describe('LOG_LEVEL and LOG_FORMAT in the worker and the CLI', () => {
  // Log lines only: Node's own warnings on stderr are not ours to format.
  const parse = (output: string) =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('the worker logs JSON at the level asked for', async () => {
    const worker = startWorker({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
    try {
      await worker.ready();
    } finally {
      await worker.stop();
    }
    const lines = parse(worker.output());
    expect(lines.find((line) => line.context === 'InstanceLoader')).toMatchObject({
      level: 'debug',
    });
    expect(lines.find((line) => /reminder tick every/.test(String(line.msg)))).toMatchObject({
      level: 'info',
      time: expect.stringMatching(/\+08:00$/),
    });
  }, 90_000);

  it('the CLI logs to stderr at the level asked for, and keeps stdout for its results', async () => {
    const cli = (level: string) =>
      run(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          'apps/cli/src/main.ts',
          'plan:parse',
          'test/fixtures/plan-003.txt',
        ],
        {
          cwd: join(__dirname, '../..'),
          env: { ...process.env, LOG_LEVEL: level, LOG_FORMAT: 'json' },
        },
      );
    const debug = await cli('debug');
    expect(parse(debug.stderr)).toEqual([
      expect.objectContaining({ level: 'debug', msg: '命令开始', command: 'plan:parse' }),
    ]);
    expect(debug.stdout).toContain('文号：漯开文〔2022〕57号');
    const quiet = await cli('warn');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(debug.stdout);
  }, 90_000);
});
