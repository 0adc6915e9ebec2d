import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { DestinationStream } from 'pino';
import { CLOCK, FixedClock } from '@app/calendar';
import { APP_CONFIG, AppConfig, LogLevel, loadConfig } from '@app/config';
import { AppLogger, LOG_DESTINATION } from '@app/logging';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/app.setup';
import { ApiHttpAdapter } from '../../apps/api/src/http-adapter';

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'luoshi-demo';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  clock: FixedClock;
  http: () => ReturnType<typeof request>;
  /** A bearer header for a demo user, cached per username. */
  as: (username: string) => Promise<{ Authorization: string }>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Another database than DATABASE_URL (a scratch PostgreSQL, a database of the test's own). */
  databaseUrl?: string;
  storageDir?: string;
  /** Bounds on waiting for PostgreSQL (the outage tests make them short). */
  database?: Partial<AppConfig['database']>;
  /** `warn` unless LOG_LEVEL is set, so test output stays readable. */
  logLevel?: LogLevel;
  /** Where log lines go (JSON then); stdout otherwise. */
  logStream?: DestinationStream;
  /** Settings an operator would change through the environment (sign-in rules, proxies…). */
  config?: Partial<AppConfig>;
}

/**
 * The real API module on the test services; only the clock is swapped so tests can move time,
 * and the configuration when a test asks for another database, storage folder or log level.
 */
export async function createTestApp(
  today = '2025-03-10',
  options: TestAppOptions = {},
): Promise<TestApp> {
  const clock = new FixedClock(today);
  const base = loadConfig();
  const databaseUrl = options.databaseUrl ?? base.databaseUrl;
  const config: AppConfig = {
    ...base,
    databaseUrl,
    database: { ...base.database, ...options.database, url: databaseUrl },
    storageDir: options.storageDir ?? base.storageDir,
    log: {
      ...base.log,
      level: options.logLevel ?? (process.env.LOG_LEVEL ? base.log.level : 'warn'),
      format: options.logStream ? 'json' : base.log.format,
    },
    ...options.config,
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(LOG_DESTINATION)
    .useValue(options.logStream)
    // A testing module makes its providers before the HTTP adapter exists, so serve-static
    // would pick its no-op loader; the console's files are served as in production.
    .overrideProvider(AbstractLoader)
    .useValue(new ExpressLoader())
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(new ApiHttpAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));
  configureApp(app);
  await app.init();
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    db: app.get(DataSource),
    clock,
    http: () => apiRequest(server),
    as: async (username) => {
      if (!tokens.has(username)) {
        const res = await apiRequest(server)
          .post('/auth/login')
          .send({ username, password: PASSWORD });
        if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
        tokens.set(username, res.body.accessToken);
      }
      return { Authorization: `Bearer ${tokens.get(username)}` };
    },
    close: () => app.close(),
  };
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * supertest against the API prefix: tests name REST paths as the OpenAPI document does
 * (`/plans`), and anything outside the API (the console's pages) with an explicit `//` start.
 */
export function apiRequest(server: Parameters<typeof request>[0]): ReturnType<typeof request> {
  const agent = request(server);
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !VERBS.has(prop) || typeof value !== 'function') return value;
      return (path: string, ...rest: unknown[]) => value.call(target, apiPath(path), ...rest);
    },
  });
}

/** `/plans` → `/api/plans`; `//items/1` → `/items/1` (a console path, outside the API). */
export function apiPath(path: string): string {
  if (path.startsWith('//')) return path.slice(1);
  return path.startsWith('/api/') || path === '/api' ? path : `/api${path}`;
}

/** Row counts of the tables a request could touch, to prove a refused request changed nothing. */
export async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const rows: Array<{ table: string; count: string }> = await db.query(`
    SELECT 'units' AS table, count(*) FROM units UNION ALL
    SELECT 'unit_groups', count(*) FROM unit_groups UNION ALL
    SELECT 'unit_group_members', count(*) FROM unit_group_members UNION ALL
    SELECT 'users', count(*) FROM users UNION ALL
    SELECT 'plans', count(*) FROM plans UNION ALL
    SELECT 'sections', count(*) FROM sections UNION ALL
    SELECT 'items', count(*) FROM items UNION ALL
    SELECT 'assignments', count(*) FROM assignments UNION ALL
    SELECT 'audit_log', count(*) FROM audit_log`);
  return Object.fromEntries(rows.map((r) => [r.table, Number(r.count)]));
}

/** Fixed ids from the demo seed, looked up by name. */
export async function demoIds(db: DataSource) {
  const unit = async (name: string): Promise<string> =>
    (await db.query('SELECT id FROM units WHERE name = $1', [name]))[0].id;
  const plan = (await db.query("SELECT id FROM plans WHERE doc_number = '漯开文〔2022〕57号'"))[0]
    .id as string;
  const item = async (number: number): Promise<string> =>
    (await db.query('SELECT id FROM items WHERE plan_id = $1 AND number = $2', [plan, number]))[0]
      .id;
  const assignment = async (itemNumber: number, unitName: string): Promise<string> =>
    (
      await db.query(
        `SELECT a.id FROM assignments a JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
         WHERE i.plan_id = $1 AND i.number = $2 AND u.name = $3`,
        [plan, itemNumber, unitName],
      )
    )[0].id as string;
  return { unit, plan, item, assignment };
}

export const SEED_PLAN = readFileSync(join(__dirname, '../fixtures/plan-003.txt'), 'utf8');

/** A plan of a test's own: the seed text imported (active) under another doc number. */
export async function importSeedPlan(t: TestApp, docNumber: string): Promise<string> {
  const leader = await t.as('leader');
  const preview = await t
    .http()
    .post('/plans/import')
    .set(leader)
    .send({ text: SEED_PLAN.replace('漯开文〔202257', docNumber) });
  const done = await t
    .http()
    .post('/plans/import/commit')
    .set(leader)
    .send({ previewId: preview.body.id, status: 'active', decisions: confirmations(preview.body) });
  if (done.status !== 200) throw new Error(`import: ${done.status} ${done.text}`);
  return done.body.planId;
}

/**
 * The office's confirmations of every guess a preview shows (fuzzy matches, large groups), the
 * way a person accepts them on the screen.
 */
export function confirmations(preview: {
  units: Array<{ name: string; decision?: string }>;
}): Array<{ name: string; action: 'confirm' }> {
  return preview.units
    .filter((u) => u.decision === 'confirm-fuzzy' || u.decision === 'confirm-group')
    .map((u) => ({ name: u.name, action: 'confirm' }));
}

/** The assignment of `unitName` on item `number` of a plan. */
export async function shareOf(t: TestApp, planId: string, number: number, unitName: string) {
  const [row] = await t.db.query(
    `SELECT a.id, a.version, a.item_id AS "itemId" FROM assignments a
     JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
     WHERE a.plan_id = $1 AND i.number = $2 AND u.name = $3`,
    [planId, number, unitName],
  );
  if (!row) throw new Error(`no share of ${unitName} on item ${number}`);
  return row as { id: string; version: number; itemId: string };
}

/**
 * An error body without its request id, which differs on every request by design: for tests
 * that compare two answers (an unknown user's and a real one's) or an answer with a literal.
 */
export function withoutRequestId<T>(body: T): Omit<T, 'requestId'> {
  if (!body || typeof body !== 'object') return body;
  const { requestId: _ignored, ...rest } = body as T & { requestId?: unknown };
  return rest;
}
