import ExcelJS from 'exceljs';
import { binary } from '../support/binary';
import { createTestApp, importSeedPlan, shareOf, TestApp } from '../support/test-app';

/*
 * Issue 15: the same question asked through every output that answers it gets one answer.
 * One app and one imported seed plan for the whole file.
 */

async function readWorkbook(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  return rows;
}

describe('one truth in every output (issue 15)', () => {
  let t: TestApp;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕88号');
  });
  afterAll(() => t.close());

  const get = async (path: string, login = 'leader') =>
    t
      .http()
      .get(path)
      .set(await t.as(login));
  const download = async (path: string, login = 'leader') =>
    t
      .http()
      .get(path)
      .set(await t.as(login))
      .buffer(true)
      .parse(binary as never);

  const breakdownRow = async (numberText: string) => {
    const res = await download(`/plans/${planId}/breakdown.xlsx`);
    expect(res.status).toBe(200);
    const rows = await readWorkbook(res.body);
    const header = rows[1];
    const row = rows.find((r) => r[1].startsWith(`(${numberText})`))!;
    return {
      status: row[header.indexOf('状态')],
      progress: row[header.indexOf('进展情况')],
    };
  };

  /** The item's status and percent as the API, the plan roll-up and the 任务分解表 give it. */
  const itemEverywhere = async (number: number, numberText: string) => {
    const lead = await shareOf(t, planId, number, '区行政服务中心').catch(() => undefined);
    const itemId =
      lead?.itemId ??
      (
        await t.db.query('SELECT id FROM items WHERE plan_id = $1 AND number = $2', [
          planId,
          number,
        ])
      )[0].id;
    const item = (await get(`/items/${itemId}/progress`)).body;
    const plan = (await get(`/plans/${planId}/progress`)).body.itemProgress.find(
      (p: { itemId: string }) => p.itemId === itemId,
    );
    return { item, plan, sheet: await breakdownRow(numberText) };
  };

  const LABEL: Record<string, string> = {
    not_started: '未开始',
    in_progress: '推进中',
    completed: '已办结',
  };

  it('1. an item whose lead unit completed is completed in the API, the roll-up and the xlsx', async () => {
    const lead = await shareOf(t, planId, 7, '区行政服务中心');
    await t.db.query(
      `UPDATE assignments SET status = 'completed', progress_percent = 100, completed_on = '2025-03-01'
       WHERE id = $1`,
      [lead.id],
    );
    const { item, plan, sheet } = await itemEverywhere(7, '七');
    expect(item).toMatchObject({ status: 'completed', percent: 100 });
    expect(item.co.length).toBeGreaterThan(0);
    expect(plan).toMatchObject({ status: item.status, percent: item.percent });
    expect(sheet.status).toBe(LABEL[item.status]);
    expect(sheet.progress).toContain(`进度 ${item.percent}%`);
  });

  it('1. a co-unit returned at 100 % does not start the item anywhere', async () => {
    const [row] = await t.db.query(
      `SELECT i.number, i.number_text AS "numberText", co.id AS "coId"
       FROM items i JOIN assignments co ON co.item_id = i.id AND co.role = 'co'
       WHERE i.plan_id = $1 AND EXISTS (SELECT 1 FROM assignments l WHERE l.item_id = i.id AND l.role = 'lead')
       ORDER BY i.number DESC LIMIT 1`,
      [planId],
    );
    await t.db.query(
      `UPDATE assignments SET status = 'returned', progress_percent = 100 WHERE id = $1`,
      [row.coId],
    );
    const { item, plan, sheet } = await itemEverywhere(row.number, row.numberText);
    expect(item).toMatchObject({ status: 'not_started', percent: 0 });
    expect(plan).toMatchObject({ status: 'not_started', percent: 0 });
    expect(sheet.status).toBe('未开始');
    expect(sheet.progress).toContain('进度 0%');
  });

  it('2. accepting a report with progress on work not started moves it to in progress everywhere', async () => {
    const lead = await shareOf(t, planId, 8, '区行政服务中心').catch(async () => {
      const [r] = await t.db.query(
        `SELECT a.id, a.item_id AS "itemId", u.name FROM assignments a JOIN items i ON i.id = a.item_id
         JOIN units u ON u.id = a.unit_id WHERE a.plan_id = $1 AND i.number = 8 AND a.role = 'lead'
         ORDER BY a.id LIMIT 1`,
        [planId],
      );
      return r;
    });
    const [{ username }] = await t.db.query(
      `SELECT us.username FROM users us JOIN assignments a ON a.unit_id = us.unit_id
       WHERE a.id = $1 AND us.active ORDER BY us.username LIMIT 1`,
      [lead.id],
    );
    const clerk = await t.as(username);
    const leader = await t.as('leader');
    const draft = await t.http().post(`/assignments/${lead.id}/reports`).set(clerk).send({
      periodDate: '2025-02-14',
      workDone: '完成第一阶段工作',
      percent: 80,
    });
    expect(draft.status).toBe(201);
    const submitted = await t
      .http()
      .post(`/reports/${draft.body.id}/submit`)
      .set(clerk)
      .send({ version: draft.body.version });
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    const accepted = await t
      .http()
      .post(`/reports/${draft.body.id}/accept`)
      .set(leader)
      .send({ version: submitted.body.version, comment: '同意' });
    expect(accepted.body).toMatchObject({ status: 'accepted' });

    const assignment = (await get(`/assignments/${lead.id}`)).body;
    expect(assignment).toMatchObject({ status: 'in_progress', progressPercent: 80 });
    const { item, plan, sheet } = await itemEverywhere(8, '八');
    expect(
      item.lead.find((s: { assignmentId: string }) => s.assignmentId === lead.id),
    ).toMatchObject({ status: 'in_progress', progressPercent: 80 });
    expect(item.status).toBe('in_progress');
    expect(plan.status).toBe('in_progress');
    expect(sheet.status).toBe('推进中');
  });

  it('3. recurring targets: one standing in the targets endpoint and the statistics, subject kept, term once', async () => {
    const unit = '区党办';
    const [{ unitId }] = await t.db.query('SELECT id AS "unitId" FROM units WHERE name = $1', [
      unit,
    ]);
    const shares: Array<{ id: string }> = await t.db.query(
      `SELECT a.id FROM assignments a WHERE a.plan_id = $1 AND a.unit_id = $2
         AND EXISTS (SELECT 1 FROM recurring_targets rt WHERE rt.item_id = a.item_id)`,
      [planId, unitId],
    );
    expect(shares.length).toBeGreaterThan(0);
    const counts = { met: 0, behind: 0, not_due: 0 } as Record<string, number>;
    const texts: string[] = [];
    for (const share of shares) {
      const res = await get(`/assignments/${share.id}/targets`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      for (const target of res.body.items) {
        counts[target.standing]++;
        texts.push(target.text);
        if (target.term) {
          expect(target.years).toHaveLength(1);
          expect(target.required).toBe(target.count);
        }
      }
    }
    expect(texts).toEqual(
      expect.arrayContaining([
        '区政府常务会议学法每年不少于4次',
        '区政府承担行政执法职能的部门负责人任期内至少接受1次法治专题脱产培训',
      ]),
    );
    const stats = (
      await get(`/supervision/statistics?planId=${planId}&unitId=${unitId}&groupBy=unit`)
    ).body.rows[0];
    expect({
      targets: stats.recurringTargets,
      met: stats.recurringTargetsMet,
      behind: stats.recurringTargetsBehind,
      notDue: stats.recurringTargetsNotDue,
    }).toEqual({
      targets: counts.met + counts.behind + counts.not_due,
      met: counts.met,
      behind: counts.behind,
      notDue: counts.not_due,
    });
  });

  it('8. units follow the office’s 排序号 in the directory, the item view and the 任务分解表', async () => {
    const admin = await t.as('admin');
    const item = (
      await get(`/items/${(await shareOf(t, planId, 7, '区行政服务中心')).itemId}/progress`)
    ).body;
    const co: string[] = item.co.map((c: { unitName: string }) => c.unitName);
    expect(co.length).toBeGreaterThan(1);
    // Without numbers: pinyin order (not code points).
    const pinyin = new Intl.Collator('zh-CN-u-co-pinyin').compare;
    expect(co).toEqual([...co].sort(pinyin));
    // The office numbers the last co-unit first.
    const last = co[co.length - 1];
    const [{ id: lastId }] = await t.db.query('SELECT id FROM units WHERE name = $1', [last]);
    const bad = await t.http().patch(`/units/${lastId}`).set(admin).send({ sortOrder: 'abc' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/sortOrder：应为整数/);
    const set = await t.http().patch(`/units/${lastId}`).set(admin).send({ sortOrder: 1 });
    expect(set.status).toBe(200);
    expect(set.body.sortOrder).toBe(1);

    const again = (await get(`/items/${item.itemId}/progress`)).body.co.map(
      (c: { unitName: string }) => c.unitName,
    );
    expect(again[0]).toBe(last);
    const res = await download(`/plans/${planId}/breakdown.xlsx`);
    const rows = await readWorkbook(res.body);
    const seventh = rows.find((r) => r[1].startsWith('(七)'))!;
    expect(seventh[3].split('、')).toEqual(again);
    const directory = (await get('/units?pageSize=500')).body.items.map(
      (u: { name: string }) => u.name,
    );
    expect(directory[0]).toBe(last);
  });

  it('10. GET /items/:id carries its units, tasks and targets, with the status of /progress', async () => {
    const lead = await shareOf(t, planId, 37, '区党办').catch(async () => {
      const [r] = await t.db.query(
        `SELECT a.item_id AS "itemId" FROM assignments a JOIN items i ON i.id = a.item_id
         WHERE a.plan_id = $1 AND i.number = 37 ORDER BY a.id LIMIT 1`,
        [planId],
      );
      return r as { itemId: string };
    });
    const view = await get(`/items/${lead.itemId}`);
    expect(view.status).toBe(200);
    const progress = (await get(`/items/${lead.itemId}/progress`)).body;
    expect(view.body).toMatchObject({ status: progress.status, percent: progress.percent });
    expect(view.body.units.length).toBe(progress.lead.length + progress.co.length);
    expect(Array.isArray(view.body.tasks)).toBe(true);
    expect(view.body.targets.map((x: { text: string }) => x.text)).toContain(
      '区政府常务会议学法每年不少于4次',
    );
    // A unit sees the item and only its own share of it.
    const own = await get(`/items/${lead.itemId}`, 'dangban');
    expect(own.status).toBe(200);
    expect(own.body.units.map((u: { unitName: string }) => u.unitName)).toEqual(['区党办']);
  });
});
