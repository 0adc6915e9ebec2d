import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedLiveDemo } from '../../apps/cli/src/commands/seed-live';
import { createOwnDatabase, dropOwnDatabase, migrateAndSeed } from '../support/databases';
import { createTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const root = join(__dirname, '../..');
/** A database of its own: seed:live adds a plan the other suites' demo data must not have. */
const DB = 'luoshi_seed_live';

/*
 * What `npm start` promises with seed:live: on any date, a plan of the current year that shows
 * every light as of that day (red overdue, yellow due soon or behind, green on track, done on
 * time and late), reports filed, returned and missing, and an open supervision notice. Judged
 * by the API itself on two dates: early January (the plan reaches back into last year so
 * reports are owed) and mid-year.
 */
describe('seed:live (the demo looks alive on any date)', () => {
  let t: TestApp;
  let cliOutput: string;

  beforeAll(async () => {
    const url = await createOwnDatabase(DB);
    await migrateAndSeed(url);
    // The command as `npm start` runs it, with the clock pinned to the first date.
    ({ stdout: cliOutput } = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'seed:live'],
      { cwd: root, env: { ...process.env, DATABASE_URL: url, LUOSHI_CLOCK: '2026-01-08' } },
    ));
    t = await createTestApp('2026-01-08', { databaseUrl: url });
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await dropOwnDatabase(DB);
  });

  /** The year's plan as the offices see it on `today`. */
  async function judge(today: string) {
    t.clock.set(today);
    const year = today.slice(0, 4);
    const [plan] = await t.db.query(
      `SELECT id, title, status, period_start AS "start", period_end AS "end" FROM plans
       WHERE doc_number = $1`,
      [`经开文〔${year}〕1号`],
    );
    expect(plan).toMatchObject({ title: `经开区${year}年法治政府建设工作要点`, status: 'active' });
    expect(plan.start <= today && today <= plan.end).toBe(true);
    const supervisor = await t.as('supervisor');
    const get = async (path: string, query: object) => {
      const res = await t.http().get(path).query(query).set(supervisor);
      expect(res.status).toBe(200);
      return res.body;
    };
    const warnings = await get('/supervision/warnings', { planId: plan.id, pageSize: 500 });
    const shares = await get('/assignments', { planId: plan.id, pageSize: 500 });
    const [stats] = (await get('/supervision/statistics', { planId: plan.id, groupBy: 'plan' }))
      .rows;
    const notices = await get('/supervision/notices', { status: 'issued' });
    const warned = new Set(warnings.items.map((w: { assignmentId: string }) => w.assignmentId));
    const levels = new Set(warnings.items.map((w: { level: string }) => w.level));
    type Share = { id: string; status: string; dueOn: string; completedOn: string | null };
    const open: Share[] = shares.items.filter((a: Share) => a.status !== 'completed');
    const done: Share[] = shares.items.filter((a: Share) => a.status === 'completed');
    return { plan, warned, levels, open, done, stats, notices, shares: shares.items as Share[] };
  }

  it('early in January: every light, reports filed, returned and missing, a notice open', async () => {
    expect(cliOutput).toContain('2026 年工作要点');
    const seen = await judge('2026-01-08');
    expect([...seen.levels].sort()).toEqual(['red', 'yellow']);
    // Green: open work on track (neither red nor yellow), and work completed.
    expect(seen.open.some((a) => !seen.warned.has(a.id))).toBe(true);
    expect(seen.done.some((a) => a.completedOn! <= a.dueOn)).toBe(true);
    expect(seen.done.some((a) => a.completedOn! > a.dueOn)).toBe(true);
    expect(seen.stats.overdue).toBeGreaterThan(0);
    expect(seen.stats.reportsMissing).toBeGreaterThan(0);
    const reports = await t.db.query(
      `SELECT DISTINCT r.status FROM progress_reports r JOIN assignments a ON a.id = r.assignment_id
       WHERE a.plan_id = $1`,
      [seen.plan.id],
    );
    expect(reports.map((r: { status: string }) => r.status).sort()).toEqual([
      'accepted',
      'returned',
      'submitted',
    ]);
    const ids = new Set(seen.shares.map((a) => a.id));
    expect(
      seen.notices.items.some((n: { assignments: Array<{ id: string }> }) =>
        n.assignments.some((a) => ids.has(a.id)),
      ),
    ).toBe(true);
  });

  it('again on the same day changes nothing; on a mid-year day the new year looks alive too', async () => {
    expect(await seedLiveDemo(t.db, '2026-01-08')).toBe('2026 年工作要点已存在，未改动');
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM plans WHERE doc_number = '经开文〔2026〕1号'",
    );
    expect(n).toBe(1);

    await seedLiveDemo(t.db, '2027-06-15');
    const seen = await judge('2027-06-15');
    expect([...seen.levels].sort()).toEqual(['red', 'yellow']);
    expect(seen.open.some((a) => !seen.warned.has(a.id))).toBe(true);
    expect(seen.done.some((a) => a.completedOn! > a.dueOn)).toBe(true);
    expect(seen.stats.reportsMissing).toBeGreaterThan(0);
  });
});
