import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, importSeedPlan, shareOf, tableCounts, TestApp } from '../support/test-app';

/** Every file under the evidence folder, to prove a refused upload stored nothing. */
function storedFiles(dir = process.env.STORAGE_DIR ?? 'var/files'): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? storedFiles(path) : [path];
    });
  } catch {
    return [];
  }
}

describe('progress: reports, review, evidence, targets, history', () => {
  let t: TestApp;
  let planId: string;
  const limit = process.env.UPLOAD_MAX_BYTES;

  beforeAll(async () => {
    // A small limit keeps the over-limit upload small; put back for the other test files.
    process.env.UPLOAD_MAX_BYTES = String(256 * 1024);
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕71号');
  });
  afterAll(async () => {
    if (limit === undefined) delete process.env.UPLOAD_MAX_BYTES;
    else process.env.UPLOAD_MAX_BYTES = limit;
    await t.close();
  });

  const as = async (login: string) => t.as(login);

  it('runs the full cycle: file → submit → return → resubmit → accept → item completed', async () => {
    const lead = await shareOf(t, planId, 7, '区行政服务中心');
    const clerk = await as('xingzhengfuwu');
    const leader = await as('leader');

    const draft = await t
      .http()
      .post(`/assignments/${lead.id}/reports`)
      .set(clerk)
      .send({
        periodDate: '2025-02-14',
        workDone: '政务服务事项全部进驻大厅',
        figures: [{ name: '进驻事项', value: 312, unit: '项' }],
        percent: 60,
      });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      status: 'draft',
      periodKind: 'month',
      periodStart: '2025-02-01',
      periodLabel: '2025年2月',
    });

    const submitted = await t
      .http()
      .post(`/reports/${draft.body.id}/submit`)
      .set(clerk)
      .send({ version: draft.body.version });
    expect(submitted.body.status).toBe('submitted');
    const editAfterSubmit = await t
      .http()
      .patch(`/reports/${draft.body.id}`)
      .set(clerk)
      .send({ version: submitted.body.version, percent: 70 });
    expect(editAfterSubmit.status).toBe(409);

    const noReason = await t
      .http()
      .post(`/reports/${draft.body.id}/return`)
      .set(leader)
      .send({ version: submitted.body.version });
    expect(noReason.status).toBe(400);
    const returned = await t
      .http()
      .post(`/reports/${draft.body.id}/return`)
      .set(leader)
      .send({ version: submitted.body.version, comment: '请补充数据来源' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '请补充数据来源' });

    const corrected = await t.http().patch(`/reports/${draft.body.id}`).set(clerk).send({
      version: returned.body.version,
      workDone: '政务服务事项全部进驻大厅（数据来自一体化平台）',
      percent: 65,
    });
    expect(corrected.status).toBe(200);
    const again = await t
      .http()
      .post(`/reports/${draft.body.id}/submit`)
      .set(clerk)
      .send({ version: corrected.body.version });
    const accepted = await t
      .http()
      .post(`/reports/${draft.body.id}/accept`)
      .set(leader)
      .send({ version: again.body.version, comment: '同意' });
    expect(accepted.body.status).toBe('accepted');
    expect((await t.http().get(`/assignments/${lead.id}`).set(clerk)).body.progressPercent).toBe(
      65,
    );

    let version = (await t.http().get(`/assignments/${lead.id}`).set(clerk)).body.version;
    const done = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(clerk)
      .send({ version, status: 'submitted' });
    version = done.body.version;
    const sentBack = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(leader)
      .send({ version, status: 'returned' });
    expect(sentBack.status).toBe(400);
    const back = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(leader)
      .send({ version, status: 'returned', reason: '缺少验收材料' });
    expect(back.body).toMatchObject({ status: 'returned', returnReason: '缺少验收材料' });
    const resubmitted = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(clerk)
      .send({ version: back.body.version, status: 'submitted' });
    t.clock.set('2025-03-20');
    const completed = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(leader)
      .send({ version: resubmitted.body.version, status: 'completed' });
    expect(completed.body).toMatchObject({
      status: 'completed',
      completedOn: '2025-03-20',
      completedLate: true,
      returnReason: null,
    });
    t.clock.set('2025-03-10');

    const item = await t.http().get(`/items/${lead.itemId}/progress`).set(leader);
    expect(item.body).toMatchObject({
      status: 'completed',
      percent: 100,
      completedOn: '2025-03-20',
    });
    expect(item.body.lead.map((s: { unitName: string }) => s.unitName)).toEqual(['区行政服务中心']);
    expect(item.body.co.length).toBeGreaterThan(0);
    expect(item.body.co.every((s: { status: string }) => s.status === 'not_started')).toBe(true);
    const plan = await t.http().get(`/plans/${planId}/progress`).set(leader);
    expect(plan.body).toMatchObject({ items: 34, completed: 1 });

    const timeline = await t.http().get(`/assignments/${lead.id}/timeline`).set(clerk);
    expect(timeline.status).toBe(200);
    const steps = timeline.body.map((e: { summary: string }) => e.summary);
    const expected = [
      /^分配任务（牵头）/,
      /填报.*（草稿）/,
      /已报送$/,
      /已退回：请补充数据来源/,
      /^修改/,
      /已报送$/,
      /审核通过/,
      /进度：0% → 65%/,
      /状态：未开始 → 已报完成/,
      /状态：已报完成 → 已退回；退回原因：缺少验收材料/,
      /状态：已退回 → 已报完成/,
      /状态：已报完成 → 已办结/,
    ];
    expect(steps).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(steps[i]).toMatch(pattern));
    expect(timeline.body[1]).toMatchObject({
      username: 'xingzhengfuwu',
      entityType: 'ProgressReport',
    });
    const times = timeline.body.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort());

    const itemTimeline = await t.http().get(`/items/${lead.itemId}/timeline`).set(leader);
    expect(itemTimeline.body.length).toBeGreaterThan(steps.length);
    const townView = await t
      .http()
      .get(`/items/${lead.itemId}/timeline`)
      .set(await as('houxie'));
    expect(
      townView.body.every((e: { username: string | null }) => e.username !== 'xingzhengfuwu'),
    ).toBe(true);
  });

  it('lets a co-unit file only on its own assignment and never review', async () => {
    const lead = await shareOf(t, planId, 5, '区人劳局');
    const co = await shareOf(t, planId, 5, '区建设局');
    const coClerk = await as('jiansheju');
    const forLead = await t
      .http()
      .post(`/assignments/${lead.id}/reports`)
      .set(coClerk)
      .send({ periodDate: '2025-03-01', workDone: '代报' });
    expect(forLead.status).toBe(404);
    const own = await t
      .http()
      .post(`/assignments/${co.id}/reports`)
      .set(coClerk)
      .send({ periodDate: '2025-03-01', workDone: '配合推进' });
    expect(own.status).toBe(201);
    const submitted = await t
      .http()
      .post(`/reports/${own.body.id}/submit`)
      .set(coClerk)
      .send({ version: own.body.version });
    const accept = await t
      .http()
      .post(`/reports/${own.body.id}/accept`)
      .set(coClerk)
      .send({ version: submitted.body.version });
    expect(accept.status).toBe(403);
    const leadFiles = await t
      .http()
      .post(`/assignments/${lead.id}/reports`)
      .set(await as('leader'))
      .send({ periodDate: '2025-03-01', workDone: 'x' });
    expect(leadFiles.status).toBe(403);
    const twice = await t
      .http()
      .post(`/assignments/${co.id}/reports`)
      .set(coClerk)
      .send({ periodDate: '2025-03-20', workDone: '同月再报' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('2025年3月已有报送');
  });

  it('takes the reporting period from the item, then the plan', async () => {
    const share = await shareOf(t, planId, 11, '区党工委办公室');
    const leader = await as('leader');
    const clerk = await as('dgwbgs');
    await t
      .http()
      .patch(`/plans/${planId}`)
      .set(leader)
      .send({ reportFrequency: 'half' })
      .expect(200);
    const half = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(clerk)
      .send({ periodDate: '2025-05-05', workDone: '半年报' });
    expect(half.body).toMatchObject({
      periodKind: 'half',
      periodStart: '2025-01-01',
      periodLabel: '2025年上半年',
    });
    const item = await t
      .http()
      .patch(`/items/${share.itemId}`)
      .set(leader)
      .send({ reportFrequency: 'quarter' });
    expect(item.body.reportFrequency).toBe('quarter');
    const quarter = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(clerk)
      .send({ periodDate: '2025-08-08', workDone: '季报' });
    expect(quarter.body).toMatchObject({ periodKind: 'quarter', periodLabel: '2025年第三季度' });
    await t
      .http()
      .patch(`/plans/${planId}`)
      .set(leader)
      .send({ reportFrequency: 'month' })
      .expect(200);
  });

  it('hides one unit’s reports and files from another unit', async () => {
    const share = await shareOf(t, planId, 9, '区社会事业服务中心');
    const owner = await as('shehuishiye');
    const report = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(owner)
      .send({ periodDate: '2025-03-01', workDone: '规范性文件清理' });
    const file = await t
      .http()
      .post(`/reports/${report.body.id}/files`)
      .set(owner)
      .attach('file', Buffer.from('%PDF-1.7\n…'), '清理台账.pdf');
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({
      fileName: '清理台账.pdf',
      contentType: 'application/pdf',
      size: Buffer.byteLength('%PDF-1.7\n…'),
    });
    expect(file.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await t
      .http()
      .get(`/files/${file.body.id}`)
      .set(await as('supervisor'));
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('清理台账.pdf'));

    const other = await as('jingfaju');
    for (const path of [
      `/reports/${report.body.id}`,
      `/files/${file.body.id}`,
      `/assignments/${share.id}/reports`,
      `/assignments/${share.id}/timeline`,
      `/assignments/${share.id}/targets`,
    ]) {
      expect((await t.http().get(path).set(other)).status).toBe(404);
    }
    const edit = await t
      .http()
      .patch(`/reports/${report.body.id}`)
      .set(other)
      .send({ version: 1, workDone: '改' });
    expect(edit.status).toBe(404);
    const upload = await t
      .http()
      .post(`/reports/${report.body.id}/files`)
      .set(other)
      .attach('file', Buffer.from('hello'), 'x.txt');
    expect(upload.status).toBe(404);
    expect((await t.http().delete(`/files/${file.body.id}`).set(other)).status).toBe(404);
  });

  it.each([
    ['a file over the limit', Buffer.alloc(256 * 1024 + 1, 0x61), 'big.txt', 413],
    ['a refused type', Buffer.from('MZ\x90\x00'), 'tool.exe', 415],
    ['a PDF that is not one', Buffer.from('<html>'), 'fake.pdf', 415],
    ['binary named .txt', Buffer.from([0x00, 0x01, 0x02]), 'data.txt', 415],
  ])('refuses %s and stores nothing', async (_, content, name, status) => {
    const share = await shareOf(t, planId, 16, '区社会事业服务中心');
    const owner = await as('shehuishiye');
    const list = await t.http().get(`/assignments/${share.id}/reports`).set(owner);
    const report =
      list.body[0] ??
      (
        await t
          .http()
          .post(`/assignments/${share.id}/reports`)
          .set(owner)
          .send({ periodDate: '2025-03-01', workDone: '执法' })
      ).body;
    const files = storedFiles();
    const counts = await t.db.query('SELECT count(*)::int AS n FROM evidence_files');
    const res = await t
      .http()
      .post(`/reports/${report.id}/files`)
      .set(owner)
      .attach('file', content, name);
    expect(res.status).toBe(status);
    expect(String(res.body.message)).toMatch(/[\u4e00-\u9fff]/);
    expect(storedFiles()).toEqual(files);
    expect(await t.db.query('SELECT count(*)::int AS n FROM evidence_files')).toEqual(counts);
  });

  it('moves a recurring target from behind to met as tagged reports are accepted', async () => {
    const share = await shareOf(t, planId, 37, '区党办');
    const clerk = await as('dangban');
    const leader = await as('leader');
    const targets = await t.http().get(`/assignments/${share.id}/targets?year=2025`).set(clerk);
    const study = targets.body.find((x: { text: string }) => x.text.includes('不少于4次'));
    expect(study).toMatchObject({ required: 4, achieved: 0, standing: 'not_started', year: 2025 });

    const fileAndAccept = async (periodDate: string, value: number) => {
      const report = await t
        .http()
        .post(`/assignments/${share.id}/reports`)
        .set(clerk)
        .send({
          periodDate,
          workDone: '区政府常务会议学法',
          figures: [{ name: '常务会议学法', value, unit: '次', targetId: study.targetId }],
        });
      const submitted = await t
        .http()
        .post(`/reports/${report.body.id}/submit`)
        .set(clerk)
        .send({ version: report.body.version });
      return { report, submitted };
    };
    const first = await fileAndAccept('2025-01-10', 2);
    const standing = async () =>
      (await t.http().get(`/assignments/${share.id}/targets?year=2025`).set(clerk)).body.find(
        (x: { targetId: string }) => x.targetId === study.targetId,
      );
    expect((await standing()).standing).toBe('not_started'); // submitted, not yet accepted
    await t
      .http()
      .post(`/reports/${first.report.body.id}/accept`)
      .set(leader)
      .send({ version: first.submitted.body.version })
      .expect(200);
    expect(await standing()).toMatchObject({ achieved: 2, standing: 'behind' });
    const second = await fileAndAccept('2025-02-10', 2);
    await t
      .http()
      .post(`/reports/${second.report.body.id}/accept`)
      .set(leader)
      .send({ version: second.submitted.body.version })
      .expect(200);
    expect(await standing()).toMatchObject({ achieved: 4, standing: 'met' });
    const nextYear = (
      await t.http().get(`/assignments/${share.id}/targets?year=2026`).set(clerk)
    ).body.find((x: { targetId: string }) => x.targetId === study.targetId);
    expect(nextYear).toMatchObject({ achieved: 0, standing: 'not_started' });

    const wrongTarget = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(clerk)
      .send({
        periodDate: '2025-03-01',
        figures: [
          { name: 'x', value: 1, unit: '次', targetId: '00000000-0000-4000-8000-000000000000' },
        ],
      });
    expect(wrongTarget.status).toBe(400);
  });

  it('applies exactly one of many simultaneous updates and answers the rest 409', async () => {
    const share = await shareOf(t, planId, 30, '区行政服务中心');
    const clerk = await as('xingzhengfuwu');
    const before = await tableCounts(t.db);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .http()
          .patch(`/assignments/${share.id}`)
          .set(clerk)
          .send({ version: share.version, progressPercent: i + 1 }),
      ),
    );
    const ok = attempts.filter((r) => r.status === 200);
    const conflicts = attempts.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const [row] = await t.db.query(
      'SELECT version, progress_percent FROM assignments WHERE id = $1',
      [share.id],
    );
    expect(row).toEqual({
      version: share.version + 1,
      progress_percent: ok[0].body.progressPercent,
    });
    expect((await tableCounts(t.db)).audit_log).toBe(before.audit_log + 1);
  });

  it.each([
    ['GET', 'assignments/:id/reports', ['admin', 'leader', 'supervisor', 'xingzhengfuwu'], []],
    ['POST', 'assignments/:id/reports', ['xingzhengfuwu'], ['admin', 'leader', 'supervisor']],
    ['GET', 'assignments/:id/timeline', ['admin', 'leader', 'supervisor', 'xingzhengfuwu'], []],
    ['GET', 'assignments/:id/targets', ['admin', 'leader', 'supervisor', 'xingzhengfuwu'], []],
    ['GET', 'items/:item/progress', ['admin', 'leader', 'supervisor', 'xingzhengfuwu'], []],
    ['GET', 'items/:item/timeline', ['admin', 'leader', 'supervisor', 'xingzhengfuwu'], []],
    ['GET', 'plans/:plan/progress', ['admin', 'leader', 'supervisor', 'xingzhengfuwu'], []],
  ])('%s /%s: allowed for %j, 403 for %j', async (method, template, allowed, forbidden) => {
    const share = await shareOf(t, planId, 31, '区行政服务中心');
    const path =
      '/' +
      template.replace(':id', share.id).replace(':item', share.itemId).replace(':plan', planId);
    let n = 0;
    for (const login of [...allowed, ...forbidden]) {
      const headers = await as(login);
      const res =
        method === 'GET'
          ? await t.http().get(path).set(headers)
          : await t
              .http()
              .post(path)
              .set(headers)
              .send({ periodDate: `2024-0${++n}-01`, workDone: 'x' });
      expect([login, res.status]).toEqual([
        login,
        allowed.includes(login) ? (method === 'GET' ? 200 : 201) : 403,
      ]);
    }
  });
});
