import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { confirmations, createTestApp, tableCounts, TestApp } from '../support/test-app';
import { encodeGb18030 } from '../support/gb18030';

const SEED = readFileSync(join(__dirname, '../fixtures/plan-003.txt'), 'utf8');

/** The seed plan under another doc number, so these tests import a plan of their own. */
function variant(docNumber: string, edit: (text: string) => string = (t) => t): string {
  return edit(SEED.replace('漯开文〔202257', docNumber));
}

describe('plan import: preview → commit → re-import', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const preview = async (body: object) =>
    t
      .http()
      .post('/plans/import')
      .set(await t.as('leader'))
      .send(body);
  const commit = async (body: object) =>
    t
      .http()
      .post('/plans/import/commit')
      .set(await t.as('leader'))
      .send(body);

  /** Preview, confirm every guess, commit. */
  const commitAll = async (text: string) => {
    const shown = await preview({ text });
    return commit({ previewId: shown.body.id, decisions: confirmations(shown.body) });
  };

  it('previews the seed plan: every unit matched to the directory, the plan already there', async () => {
    // A confirmed fuzzy match becomes an alias (another suite's import may have confirmed this
    // one): start from the directory as the demo data makes it.
    await t.db.query("UPDATE units SET aliases = array_remove(aliases, '区政党工委办公室')");
    const res = await preview({ text: SEED, sourceName: 'seed.txt' });
    expect(res.status).toBe(201);
    expect(res.body.plan.docNumber).toBe('漯开文〔2022〕57号');
    expect(res.body.existingPlanId).toEqual(expect.any(String));
    expect(res.body.sections).toHaveLength(10);
    expect(res.body.sections.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(37);
    // Nothing unknown; the fuzzy match and the groups of many units wait for a confirmation.
    expect(res.body.needsDecision).toEqual([
      '区政党工委办公室',
      '区直各相关部门',
      '区直各行政执法部门',
    ]);
    expect(res.body.gaps).toEqual([]);
    const byName = Object.fromEntries(res.body.units.map((u: { name: string }) => [u.name, u]));
    expect(byName['区直各相关部门']).toMatchObject({
      decision: 'confirm-group',
      memberCount: expect.any(Number),
    });
    expect(byName['区直各相关部门'].memberCount).toBeGreaterThan(3);
    expect(byName['区直各相关部门'].assignments).toBeGreaterThanOrEqual(
      byName['区直各相关部门'].memberCount,
    );
    expect(byName['区政党工委办公室'].decision).toBe('confirm-fuzzy');
    // The plan is there already: the outcome says every row would stay as it is.
    expect(res.body.outcome).toMatchObject({
      dryRun: true,
      planOutcome: 'unchanged',
      items: { created: 0, updated: 0, unchanged: 37 },
      assignments: { created: 0, updated: 0 },
    });
    expect(byName['经发局']).toMatchObject({ matchedName: '区经发局', unitId: expect.any(String) });
    expect(byName['区政党工委办公室']).toMatchObject({
      match: 'fuzzy',
      matchedName: '区党工委办公室',
    });
    expect(byName['各镇(街道)']).toMatchObject({ group: true, groupId: expect.any(String) });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toContain('DOC_NUMBER_REPAIRED');
  });

  it('asks for a decision on an unknown unit, writes nothing until it has one, then imports', async () => {
    const text = variant('漯开文〔2023〕11号', (s) =>
      s.replace('〔责任单位:区督查室,各镇()〕', '〔责任单位:区督查室、区测试局,各镇()〕'),
    );
    const shown = await preview({ text });
    expect(shown.body.needsDecision).toContain('区测试局');
    expect(shown.body.units.find((u: { name: string }) => u.name === '区测试局').decision).toBe(
      'choose',
    );
    expect(shown.body.existingPlanId).toBeNull();

    const before = await tableCounts(t.db);
    const refused = await commit({
      previewId: shown.body.id,
      decisions: confirmations(shown.body),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message.join('')).toContain('区测试局');
    expect(await tableCounts(t.db)).toEqual(before);

    const done = await commit({
      previewId: shown.body.id,
      decisions: [
        ...confirmations(shown.body),
        { name: '区测试局', action: 'create', kind: 'department' },
      ],
      status: 'active',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      planOutcome: 'created',
      sections: { created: 10 },
      items: { created: 37 },
      createdUnits: ['区测试局'],
    });
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1',
      [done.body.planId],
    );
    expect(n).toBe(done.body.assignments.created);
    const lead = await t.db.query(
      `SELECT u.name, a.role, a.due_on FROM assignments a JOIN units u ON u.id = a.unit_id
       JOIN items i ON i.id = a.item_id WHERE i.plan_id = $1 AND i.number = 7 AND a.role = 'lead'`,
      [done.body.planId],
    );
    expect(lead).toEqual([{ name: '区行政服务中心', role: 'lead', due_on: '2022-12-31' }]);

    const again = await commit({ previewId: shown.body.id });
    expect(again.status).toBe(409);
  });

  it('offers the unit a short name (简称) stands for, and remembers it once confirmed', async () => {
    const naming = (docNumber: string) =>
      variant(docNumber, (s) =>
        s.replace('〔责任单位:区督查室,各镇()〕', '〔责任单位:区督查室、区自然资源分局,各镇()〕'),
      );
    const forget = "UPDATE units SET aliases = array_remove(aliases, '区自然资源分局')";
    await t.db.query(forget);
    const shown = await preview({ text: naming('漯开文〔2023〕12号') });
    const short = shown.body.units.find((u: { name: string }) => u.name === '区自然资源分局');
    expect(short).toMatchObject({
      match: 'fuzzy',
      matchedName: '区自然资源和规划分局',
      decision: 'confirm-fuzzy',
    });
    const done = await commit({
      previewId: shown.body.id,
      decisions: confirmations(shown.body),
      status: 'active',
    });
    expect(done.status).toBe(200);
    expect(done.body.aliasesAdded).toContainEqual({
      name: '区自然资源分局',
      unitName: '区自然资源和规划分局',
    });
    // The next plan matches it as the unit's alias, without asking.
    const next = await preview({ text: naming('漯开文〔2023〕13号') });
    expect(
      next.body.units.find((u: { name: string }) => u.name === '区自然资源分局'),
    ).toMatchObject({ match: 'alias', matchedName: '区自然资源和规划分局' });
    await t.db.query(forget);
  });

  it('re-imports in place: nothing written when nothing changed, status kept, due dates follow the text', async () => {
    const text = variant('漯开文〔2023〕12号');
    const first = await commitAll(text);
    expect(first.status).toBe(200);
    const planId = first.body.planId;
    const [assignment] = await t.db.query(
      `SELECT a.id, a.version FROM assignments a JOIN items i ON i.id = a.item_id
       WHERE i.plan_id = $1 AND i.number = 26 AND a.role = 'lead'`,
      [planId],
    );
    await t
      .http()
      .patch(`/assignments/${assignment.id}`)
      .set(await t.as('leader'))
      .send({ version: assignment.version, status: 'in_progress', progressPercent: 40 })
      .expect(200);

    const rows = async () =>
      t.db.query(
        `SELECT a.id, a.status, a.progress_percent, a.due_on, a.version, a.role FROM assignments a
         WHERE a.plan_id = $1 ORDER BY a.id`,
        [planId],
      );
    const audits = async () =>
      (
        await t.db.query(
          "SELECT count(*)::int AS n FROM audit_log WHERE entity_type <> 'PlanImport'",
        )
      )[0].n;
    const beforeRows = await rows();
    const beforeAudits = await audits();
    const same = await commitAll(text);
    expect(same.body).toMatchObject({
      planId,
      planOutcome: 'unchanged',
      items: { created: 0, updated: 0, unchanged: 37 },
      assignments: { created: 0, updated: 0 },
    });
    expect(await rows()).toEqual(beforeRows);
    expect(await audits()).toBe(beforeAudits);

    // The text moves item (二十六) from 2023 to 2024: the item and its shares follow, work is kept.
    const moved = variant('漯开文〔2023〕12号', (s) =>
      s.replace(
        '2023年年底前基本建成全区基层政务公开标准体系',
        '2024年年底前基本建成全区基层政务公开标准体系',
      ),
    );
    const changed = await commitAll(moved);
    expect(changed.body).toMatchObject({ planOutcome: 'unchanged', items: { updated: 1 } });
    const [after] = await t.db.query(
      'SELECT status, progress_percent, due_on FROM assignments WHERE id = $1',
      [assignment.id],
    );
    expect(after).toEqual({ status: 'in_progress', progress_percent: 40, due_on: '2024-12-31' });
    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM items WHERE plan_id = $1',
      [planId],
    );
    expect(count).toBe(37);
  });

  it('reads an uploaded .txt in UTF-8 or GB18030 and an uploaded .docx', async () => {
    const leader = await t.as('leader');
    const utf8 = await t
      .http()
      .post('/plans/import')
      .set(leader)
      .attach('file', Buffer.from(SEED, 'utf8'), '实施方案.txt');
    expect(utf8.status).toBe(201);
    expect(utf8.body.sourceName).toBe('实施方案.txt');

    const gbk = encodeGb18030(SEED.slice(0, 4000));
    const fromGbk = await t.http().post('/plans/import').set(leader).attach('file', gbk, 'gbk.txt');
    expect(fromGbk.status).toBe(201);
    expect(fromGbk.body.plan.docNumber).toBe('漯开文〔2022〕57号');

    const doc = new Document({
      sections: [{ children: SEED.split('\n').map((line) => new Paragraph(line)) }],
    });
    const docx = await Packer.toBuffer(doc);
    const fromDocx = await t
      .http()
      .post('/plans/import')
      .set(leader)
      .attach('file', docx, 'plan.docx');
    expect(fromDocx.status).toBe(201);
    expect(fromDocx.body.sections.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(37);
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7 …'), 'plan.pdf', 415],
    ['an old .doc', Buffer.from('ÐÏ\u0011à'), 'plan.doc', 415],
    ['a .docx that is not a Word file', Buffer.from('plain words'), 'plan.docx', 415],
    [
      'binary noise as .txt',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
      'x.txt',
      400,
    ],
    ['an empty .txt', Buffer.alloc(0), 'empty.txt', 422],
    [
      'a report, not a plan',
      readFileSync(join(__dirname, '../fixtures/report-000_e08b2b13115da112.txt')),
      'report.txt',
      422,
    ],
    ['a file over 10 MB', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'big.txt', 413],
  ])('refuses %s and stores nothing', async (_, content, name, status) => {
    const before = await tableCounts(t.db);
    const [{ n: previews }] = await t.db.query('SELECT count(*)::int AS n FROM plan_imports');
    const res = await t
      .http()
      .post('/plans/import')
      .set(await t.as('leader'))
      .attach('file', content, name);
    expect(res.status).toBe(status);
    expect(typeof [res.body.message].flat()[0]).toBe('string');
    expect([res.body.message].flat().join('')).toMatch(/[\u4e00-\u9fff]/);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await t.db.query('SELECT count(*)::int AS n FROM plan_imports'))[0].n).toBe(previews);
  });

  it.each([
    ['both text and a file', true, { text: SEED }],
    ['neither text nor a file', false, {}],
  ])('refuses %s with 400', async (_, withFile, fields) => {
    let req = t
      .http()
      .post('/plans/import')
      .set(await t.as('leader'));
    for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
    const res = await (withFile
      ? req.attach('file', Buffer.from(SEED), 'a.txt')
      : req.send(fields));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('二选一');
  });

  it.each(['admin', 'supervisor', 'jingfaju'])(
    'lets only the leadership office import (%s gets 403 on every step)',
    async (login) => {
      const headers = await t.as(login);
      const shown = await preview({ text: variant('漯开文〔2023〕13号') });
      expect((await t.http().post('/plans/import').set(headers).send({ text: SEED })).status).toBe(
        403,
      );
      expect((await t.http().get(`/plans/import/${shown.body.id}`).set(headers)).status).toBe(403);
      const res = await t
        .http()
        .post('/plans/import/commit')
        .set(headers)
        .send({ previewId: shown.body.id });
      expect(res.status).toBe(403);
      expect(
        (
          await t
            .http()
            .get(`/plans/import/${shown.body.id}`)
            .set(await t.as('leader'))
        ).body.committedAt,
      ).toBeNull();
    },
  );
});
