import {
  confirmations,
  createTestApp,
  importSeedPlan,
  SEED_PLAN,
  TestApp,
} from '../support/test-app';

const DOC = '漯开文〔2025〕161号';

interface Share {
  id: string;
  version: number;
}

describe('writes that race: a plan re-import against many PATCHes loses nothing', () => {
  let t: TestApp;
  let planId: string;

  beforeAll(async () => {
    // The PATCHes queue for a connection behind the import's row locks; on a busy machine that
    // commit can outlast the pool's 5 s wait, and a 503 would say nothing about lost writes.
    t = await createTestApp('2025-03-10', { database: { connectTimeoutMs: 60_000 } });
    planId = await importSeedPlan(t, DOC);
  });
  afterAll(() => t.close());

  it('keeps every PATCH that answered 200 and every due date the import moved', async () => {
    const leader = await t.as('leader');
    const shares: Share[] = await t.db.query(
      'SELECT id, version FROM assignments WHERE plan_id = $1 ORDER BY id',
      [planId],
    );
    expect(shares.length).toBeGreaterThan(20);
    // The re-import moves the plan's closing deadline, so it rewrites most shares' due dates.
    const text = SEED_PLAN.replace('漯开文〔202257', DOC).replace(
      '确保2025年年底前',
      '确保2026年年底前',
    );
    const preview = await t.http().post('/plans/import').set(leader).send({ text });
    expect(preview.status).toBe(201);
    const [{ last }] = await t.db.query(
      'SELECT coalesce(max(id), 0)::bigint AS last FROM audit_log',
    );

    const percent = (i: number) => (i % 97) + 1;
    const [commit, ...patches] = await Promise.all([
      t
        .http()
        .post('/plans/import/commit')
        .set(leader)
        .send({ previewId: preview.body.id, decisions: confirmations(preview.body) }),
      ...shares.map((s, i) =>
        t
          .http()
          .patch(`/assignments/${s.id}`)
          .set(leader)
          .send({ version: s.version, progressPercent: percent(i) }),
      ),
    ]);
    expect(commit.status).toBe(200);
    expect(patches.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);

    const final: Array<{ id: string; progress_percent: number; due_on: string }> = await t.db.query(
      `SELECT id, progress_percent, to_char(due_on, 'YYYY-MM-DD') AS due_on
         FROM assignments WHERE plan_id = $1 ORDER BY id`,
      [planId],
    );
    const byId = new Map(final.map((r) => [r.id, r]));
    const won = shares.filter((_, i) => patches[i].status === 200);
    shares.forEach((s, i) => {
      const row = byId.get(s.id)!;
      // A 200 is in the row; a 409 left the row as the import wrote it.
      expect(row.progress_percent).toBe(patches[i].status === 200 ? percent(i) : 0);
    });
    // No PATCH undid the import: every share that followed the plan's deadline follows it still.
    const [{ behind }] = await t.db.query(
      `SELECT count(*)::int AS behind FROM assignments a JOIN items i ON i.id = a.item_id
       JOIN plans p ON p.id = a.plan_id
       WHERE a.plan_id = $1 AND i.due_on IS NULL AND a.due_on <> p.default_due_on`,
      [planId],
    );
    expect(behind).toBe(0);
    const [{ moved }] = await t.db.query(
      "SELECT count(*)::int AS moved FROM assignments WHERE plan_id = $1 AND due_on = '2026-12-31'",
      [planId],
    );
    expect(moved).toBeGreaterThan(0);
    // One audit row per successful PATCH, each recording the percent the row now holds.
    const audits: Array<{ entity_id: string; after_percent: number }> = await t.db.query(
      `SELECT l.entity_id, (l.after->>'progressPercent')::int AS after_percent
       FROM audit_log l JOIN assignments a ON a.id::text = l.entity_id
       WHERE l.id > $1 AND l.entity_type = 'Assignment' AND l.action = 'update'
         AND a.plan_id = $2 AND l.before->>'progressPercent' <> l.after->>'progressPercent'
       ORDER BY l.id`,
      [last, planId],
    );
    expect(audits.map((a) => a.entity_id).sort()).toEqual(won.map((s) => s.id).sort());
    for (const a of audits) expect(a.after_percent).toBe(byId.get(a.entity_id)!.progress_percent);
  });
});
