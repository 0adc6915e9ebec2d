import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compoundFile } from '../support/ole2';
import { createTestApp, importSeedPlan, shareOf, tableCounts, TestApp } from '../support/test-app';
import { zip } from '../support/zip';

/** Every file under the evidence folder, to prove a refused upload stored nothing. */
function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? storedFiles(path) : [path];
    });
  } catch {
    return [];
  }
}

const LIMIT = 256 * 1024;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('progress: reports, review, evidence, targets, history', () => {
  let t: TestApp;
  let planId: string;
  let storage: string;
  const saved = {
    UPLOAD_MAX_BYTES: process.env.UPLOAD_MAX_BYTES,
    STORAGE_DIR: process.env.STORAGE_DIR,
  };

  beforeAll(async () => {
    // A small limit keeps the over-limit upload small, and a folder of our own shows exactly
    // what was stored; both are put back for the other test files.
    storage = mkdtempSync(join(tmpdir(), 'luoshi-evidence-'));
    process.env.UPLOAD_MAX_BYTES = String(LIMIT);
    process.env.STORAGE_DIR = storage;
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕71号');
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await t.close();
    rmSync(storage, { recursive: true, force: true });
  });

  const as = async (login: string) => t.as(login);
  const fileOn = async (clerk: string, assignmentId: string, body: object) =>
    t
      .http()
      .post(`/assignments/${assignmentId}/reports`)
      .set(await as(clerk))
      .send(body);

  it('runs the full cycle: file → submit → return → resubmit → accept → item completed', async () => {
    const lead = await shareOf(t, planId, 7, '区行政服务中心');
    const clerk = await as('xingzhengfuwu');
    const leader = await as('leader');

    const draft = await fileOn('xingzhengfuwu', lead.id, {
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
      periodEnd: '2025-02-28',
      periodLabel: '2025年2月',
      figures: [{ name: '进驻事项', value: 312, unit: '项' }],
      files: [],
    });
    const evidence = Buffer.from('进驻事项清单：312项\n');
    const upload = await t
      .http()
      .post(`/reports/${draft.body.id}/files`)
      .set(clerk)
      .attach('file', evidence, '进驻清单.txt');
    expect(upload.status).toBe(201);
    expect(upload.body.sha256).toBe(sha256(evidence));
    const withFile = await t.http().get(`/reports/${draft.body.id}`).set(clerk);
    expect(withFile.body.files).toEqual([upload.body]);

    const submitted = await t
      .http()
      .post(`/reports/${draft.body.id}/submit`)
      .set(clerk)
      .send({ version: withFile.body.version });
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    expect(submitted.body.submittedAt).toBeTruthy();
    const editAfterSubmit = await t
      .http()
      .patch(`/reports/${draft.body.id}`)
      .set(clerk)
      .send({ version: submitted.body.version, percent: 70 });
    expect(editAfterSubmit.status).toBe(409);
    const fileAfterSubmit = await t
      .http()
      .post(`/reports/${draft.body.id}/files`)
      .set(clerk)
      .attach('file', PDF, '补充.pdf');
    expect(fileAfterSubmit.status).toBe(409);

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
    const acceptReturned = await t
      .http()
      .post(`/reports/${draft.body.id}/accept`)
      .set(leader)
      .send({ version: returned.body.version });
    expect(acceptReturned.status).toBe(409);

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
    expect(accepted.body).toMatchObject({ status: 'accepted', reviewComment: '同意' });
    expect((await t.http().get(`/assignments/${lead.id}`).set(clerk)).body.progressPercent).toBe(
      65,
    );

    // The leadership office moves the due date; then the work itself goes round once more.
    let version = (await t.http().get(`/assignments/${lead.id}`).set(leader)).body.version;
    const moved = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(leader)
      .send({ version, dueOn: '2025-03-15' });
    expect(moved.body.dueOn).toBe('2025-03-15');
    const done = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(clerk)
      .send({ version: moved.body.version, status: 'submitted' });
    version = done.body.version;
    const sentBack = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(leader)
      .send({ version, status: 'returned' });
    expect(sentBack.status).toBe(400);
    const reasonWithoutReturn = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(leader)
      .send({ version, status: 'completed', reason: '同意' });
    expect(reasonWithoutReturn.status).toBe(400);
    const back = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(leader)
      .send({ version, status: 'returned', reason: '缺少验收材料' });
    expect(back.body).toMatchObject({ status: 'returned', returnReason: '缺少验收材料' });
    const unitCannotAccept = await t
      .http()
      .patch(`/assignments/${lead.id}`)
      .set(clerk)
      .send({ version: back.body.version, status: 'completed' });
    expect(unitCannotAccept.status).toBe(409);
    expect(unitCannotAccept.body.message).toMatch(
      /可改为：推进中（in_progress）、已报完成（submitted）/,
    );
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
      progressPercent: 100,
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
      completedLate: true,
    });
    expect(item.body.lead.map((s: { unitName: string }) => s.unitName)).toEqual(['区行政服务中心']);
    expect(item.body.co.length).toBeGreaterThan(0);
    expect(item.body.co.every((s: { status: string }) => s.status === 'not_started')).toBe(true);
    const plan = await t.http().get(`/plans/${planId}/progress`).set(leader);
    expect(plan.body).toMatchObject({ items: 34, completed: 1 });
    expect(
      plan.body.itemProgress.find((i: { itemId: string }) => i.itemId === lead.itemId).status,
    ).toBe('completed');

    const timeline = await t.http().get(`/assignments/${lead.id}/timeline`).set(clerk);
    expect(timeline.status).toBe(200);
    const steps = timeline.body.items.map((e: { summary: string }) => e.summary);
    const expected = [
      /^分配任务（牵头）/,
      /^填报2025年2月进展报送（草稿）$/,
      /^上传附件 进驻清单\.txt$/,
      /^2025年2月进展报送已报送$/,
      /^2025年2月进展报送已退回：请补充数据来源$/,
      /^修改2025年2月进展报送$/,
      /^2025年2月进展报送已报送$/,
      /^2025年2月进展报送审核通过：同意$/,
      /^状态：未开始 → 推进中；进度：0% → 65%$/,
      /^完成时限：\d{4}-\d{2}-\d{2} → 2025-03-15$/,
      /^状态：推进中 → 已报完成$/,
      /^状态：已报完成 → 已退回；退回原因：缺少验收材料$/,
      /^状态：已退回 → 已报完成$/,
      /^状态：已报完成 → 已办结；进度：65% → 100%$/,
    ];
    expect(steps).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(steps[i]).toMatch(pattern));
    const who = timeline.body.items.map((e: { username: string | null }) => e.username);
    expect(who.slice(1)).toEqual([
      'xingzhengfuwu',
      'xingzhengfuwu',
      'xingzhengfuwu',
      'leader',
      'xingzhengfuwu',
      'xingzhengfuwu',
      'leader',
      'leader',
      'leader',
      'xingzhengfuwu',
      'leader',
      'xingzhengfuwu',
      'leader',
    ]);
    expect(timeline.body.items[1]).toMatchObject({
      entityType: 'ProgressReport',
      action: 'create',
      assignmentId: lead.id,
      unitName: '区行政服务中心',
    });
    expect(timeline.body.items[1].displayName).toBeTruthy();
    expect(timeline.body.items[11].changes).toMatchObject({
      status: ['submitted', 'returned'],
      returnReason: [null, '缺少验收材料'],
    });
    const times = timeline.body.items.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a: number, b: number) => a - b));

    // The item's history holds every unit's share for the offices, only its own for a unit.
    const itemTimeline = await t.http().get(`/items/${lead.itemId}/timeline`).set(leader);
    expect(itemTimeline.body.items.length).toBeGreaterThan(steps.length);
    expect(itemTimeline.body.total).toBe(itemTimeline.body.items.length);
    expect(
      itemTimeline.body.items.filter((e: { assignmentId: string }) => e.assignmentId === lead.id),
    ).toHaveLength(steps.length);
    const townView = await t
      .http()
      .get(`/items/${lead.itemId}/timeline`)
      .set(await as('houxie'));
    expect(townView.status).toBe(200);
    expect(townView.body.items.length).toBeGreaterThan(0);
    const units = new Set(townView.body.items.map((e: { unitName: string | null }) => e.unitName));
    expect([...units].filter((name) => name !== null)).toEqual(['后谢镇']);
    expect(
      townView.body.items.some((e: { assignmentId: string }) => e.assignmentId === lead.id),
    ).toBe(false);

    // A page is a slice of the whole history and carries the whole count, a page past the end too.
    for (const [path, viewer] of [
      [`/assignments/${lead.id}/timeline`, leader],
      [`/items/${lead.itemId}/timeline`, leader],
      [`/items/${lead.itemId}/timeline`, await as('houxie')],
    ] as const) {
      const whole = (await t.http().get(path).set(viewer)).body;
      expect(whole.total).toBe(whole.items.length);
      for (const pageSize of [1, 5]) {
        for (let page = 1; page <= Math.ceil(whole.total / pageSize) + 1; page++) {
          const res = await t.http().get(path).query({ page, pageSize }).set(viewer);
          expect(res.body).toEqual({
            items: whole.items.slice((page - 1) * pageSize, page * pageSize),
            total: whole.total,
            page,
            pageSize,
          });
        }
      }
    }
  });

  it('lets a co-unit file only on its own assignment and never review', async () => {
    const lead = await shareOf(t, planId, 5, '区人劳局');
    const co = await shareOf(t, planId, 5, '区建设局');
    const forLead = await fileOn('jiansheju', lead.id, {
      periodDate: '2025-03-01',
      workDone: '代报',
    });
    expect(forLead.status).toBe(404);
    const own = await fileOn('jiansheju', co.id, {
      periodDate: '2025-03-01',
      workDone: '配合推进',
    });
    expect(own.status).toBe(201);
    const coClerk = await as('jiansheju');
    const submitted = await t
      .http()
      .post(`/reports/${own.body.id}/submit`)
      .set(coClerk)
      .send({ version: own.body.version });
    for (const step of ['accept', 'return']) {
      const review = await t
        .http()
        .post(`/reports/${own.body.id}/${step}`)
        .set(coClerk)
        .send({ version: submitted.body.version, comment: '自审' });
      expect(review.status).toBe(403);
    }
    // The lead unit cannot review its co-unit either, and cannot even see the report.
    const leadClerk = await as('renlaoju');
    const byLead = await t
      .http()
      .post(`/reports/${own.body.id}/accept`)
      .set(leadClerk)
      .send({ version: submitted.body.version });
    expect(byLead.status).toBe(403);
    expect((await t.http().get(`/reports/${own.body.id}`).set(leadClerk)).status).toBe(404);
    const leadFiles = await t
      .http()
      .post(`/assignments/${lead.id}/reports`)
      .set(await as('leader'))
      .send({ periodDate: '2025-03-01', workDone: 'x' });
    expect(leadFiles.status).toBe(403);
    const twice = await fileOn('jiansheju', co.id, {
      periodDate: '2025-03-20',
      workDone: '同月再报',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('2025年3月已有报送');
    const future = await fileOn('jiansheju', co.id, { periodDate: '2025-04-01', workDone: '预报' });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('2025年4月尚未开始');
    expect((await t.http().get(`/reports/${own.body.id}`).set(coClerk)).body.status).toBe(
      'submitted',
    );
  });

  it('shows a unit the item’s standing but only its own share of it', async () => {
    const co = await shareOf(t, planId, 5, '区建设局');
    const mine = await t
      .http()
      .get(`/items/${co.itemId}/progress`)
      .set(await as('jiansheju'));
    expect(mine.status).toBe(200);
    expect(mine.body.lead).toEqual([]);
    expect(mine.body.co.map((s: { unitName: string }) => s.unitName)).toEqual(['区建设局']);
    const all = await t
      .http()
      .get(`/items/${co.itemId}/progress`)
      .set(await as('supervisor'));
    expect(all.body.lead.map((s: { unitName: string }) => s.unitName)).toEqual(['区人劳局']);
    expect(all.body.co.length).toBeGreaterThan(1);
    expect({ status: mine.body.status, percent: mine.body.percent }).toEqual({
      status: all.body.status,
      percent: all.body.percent,
    });

    const plan = await t
      .http()
      .get(`/plans/${planId}/progress`)
      .set(await as('jiansheju'));
    const held = await t.db.query(
      `SELECT count(DISTINCT a.item_id)::int AS n FROM assignments a JOIN units u ON u.id = a.unit_id
       WHERE a.plan_id = $1 AND u.name = '区建设局'`,
      [planId],
    );
    expect(plan.body.items).toBe(held[0].n);
    const units = plan.body.itemProgress.flatMap((i: { lead: object[]; co: object[] }) =>
      [...i.lead, ...i.co].map((s) => (s as { unitName: string }).unitName),
    );
    expect(new Set(units)).toEqual(new Set(['区建设局']));
  });

  it('takes the reporting period from the item, then the plan', async () => {
    const share = await shareOf(t, planId, 11, '区党工委办公室');
    const leader = await as('leader');
    await t
      .http()
      .patch(`/plans/${planId}`)
      .set(leader)
      .send({ reportFrequency: 'half' })
      .expect(200);
    const half = await fileOn('dgwbgs', share.id, { periodDate: '2025-01-05', workDone: '半年报' });
    expect(half.body).toMatchObject({
      periodKind: 'half',
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      periodLabel: '2025年上半年',
    });
    const item = await t
      .http()
      .patch(`/items/${share.itemId}`)
      .set(leader)
      .send({ reportFrequency: 'quarter' });
    expect(item.body.reportFrequency).toBe('quarter');
    const quarter = await fileOn('dgwbgs', share.id, {
      periodDate: '2024-11-08',
      workDone: '季报',
    });
    expect(quarter.body).toMatchObject({ periodKind: 'quarter', periodLabel: '2024年第四季度' });
    const weekly = await fileOn('dgwbgs', share.id, {
      periodDate: '2025-03-05',
      periodKind: 'week',
      workDone: '周报',
    });
    expect(weekly.body).toMatchObject({ periodStart: '2025-03-03', periodLabel: '2025年第10周' });
    const list = await t
      .http()
      .get(`/assignments/${share.id}/reports`)
      .set(await as('dgwbgs'));
    expect(list.body.items.map((r: { periodLabel: string }) => r.periodLabel)).toEqual([
      '2025年第10周',
      '2025年上半年',
      '2024年第四季度',
    ]);
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
    const report = await fileOn('shehuishiye', share.id, {
      periodDate: '2025-03-01',
      workDone: '规范性文件清理',
    });
    const file = await t
      .http()
      .post(`/reports/${report.body.id}/files`)
      .set(owner)
      .attach('file', PDF, '清理台账.pdf');
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({
      fileName: '清理台账.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
    });
    // The bytes sit in the storage folder, outside the database, under a name of our own.
    const [row] = await t.db.query('SELECT storage_key FROM evidence_files WHERE id = $1', [
      file.body.id,
    ]);
    expect(readFileSync(join(storage, row.storage_key))).toEqual(PDF);

    for (const login of ['supervisor', 'leader', 'admin', 'shehuishiye']) {
      const download = await t
        .http()
        .get(`/files/${file.body.id}`)
        .set(await as(login))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(encodeURIComponent('清理台账.pdf'));
      expect(download.body).toEqual(PDF);
    }

    const other = await as('jingfaju');
    for (const path of [
      `/reports/${report.body.id}`,
      `/files/${file.body.id}`,
      `/assignments/${share.id}/reports`,
      `/assignments/${share.id}/timeline`,
      `/assignments/${share.id}/targets`,
      `/items/${share.itemId}/progress`,
      `/items/${share.itemId}/timeline`,
    ]) {
      const res = await t.http().get(path).set(other);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).not.toContain('规范性文件清理');
    }
    const edit = await t
      .http()
      .patch(`/reports/${report.body.id}`)
      .set(other)
      .send({ version: 1, workDone: '改' });
    expect(edit.status).toBe(404);
    const submit = await t
      .http()
      .post(`/reports/${report.body.id}/submit`)
      .set(other)
      .send({ version: 1 });
    expect(submit.status).toBe(404);
    const upload = await t
      .http()
      .post(`/reports/${report.body.id}/files`)
      .set(other)
      .attach('file', Buffer.from('hello'), 'x.txt');
    expect(upload.status).toBe(404);
    expect((await t.http().delete(`/files/${file.body.id}`).set(other)).status).toBe(404);

    // The owner may take the file away while the report is a draft: row and bytes both go.
    expect((await t.http().delete(`/files/${file.body.id}`).set(owner)).status).toBe(204);
    expect(storedFiles(storage)).not.toContain(join(storage, row.storage_key));
    expect((await t.http().get(`/files/${file.body.id}`).set(owner)).status).toBe(404);
  });

  it.each([
    ['a file just over the limit', Buffer.alloc(LIMIT + 1, 0x61), 'big.txt', 413],
    ['a file far over the limit', Buffer.alloc(LIMIT * 3, 0x61), 'huge.txt', 413],
    ['a refused type', Buffer.from('MZ\x90\x00'), 'tool.exe', 415],
    ['a PDF that is not one', Buffer.from('<html>'), 'fake.pdf', 415],
    ['binary named .txt', Buffer.from([0x00, 0x01, 0x02]), 'data.txt', 415],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 400],
    ['a workbook named .doc', compoundFile('Workbook'), '通知.doc', 415],
    ['a zip without OFD.xml named .ofd', zip([{ name: 'a.xml', content: PDF }]), 'x.ofd', 415],
    [
      'a zip bomb named .zip',
      zip([{ name: 'a.txt', content: Buffer.alloc(20_000_000) }]),
      'b.zip',
      422,
    ],
  ])('refuses %s and stores nothing', async (_, content, name, status) => {
    const share = await shareOf(t, planId, 16, '区社会事业服务中心');
    const owner = await as('shehuishiye');
    const list = await t.http().get(`/assignments/${share.id}/reports`).set(owner);
    const report =
      list.body.items[0] ??
      (await fileOn('shehuishiye', share.id, { periodDate: '2025-03-01', workDone: '执法' })).body;
    const files = storedFiles(storage);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM evidence_files');
    const audit = (await tableCounts(t.db)).audit_log;
    const res = await t
      .http()
      .post(`/reports/${report.id}/files`)
      .set(owner)
      .attach('file', content, name);
    expect(res.status).toBe(status);
    expect(String(res.body.message)).toMatch(/[\u4e00-\u9fff]/);
    expect(storedFiles(storage)).toEqual(files);
    expect(await t.db.query('SELECT count(*)::int AS n FROM evidence_files')).toEqual(rows);
    expect((await tableCounts(t.db)).audit_log).toBe(audit);
  });

  it('takes the files offices use daily (.doc .xls .wps .ofd .zip), checked by content', async () => {
    const share = await shareOf(t, planId, 12, '区社会事业服务中心');
    const owner = await as('shehuishiye');
    const report = await fileOn('shehuishiye', share.id, {
      periodDate: '2025-02-01',
      workDone: '公文和台账报送',
    });
    expect(report.status).toBe(201);
    const ofd = zip([
      {
        name: 'OFD.xml',
        content: Buffer.from('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'),
      },
      { name: 'Doc_0/Document.xml', content: Buffer.from('<ofd:Document/>') },
    ]);
    const files: Array<[string, Buffer, string]> = [
      ['通知.doc', compoundFile('WordDocument'), 'application/msword'],
      ['台账.xls', compoundFile('Workbook'), 'application/vnd.ms-excel'],
      ['讲话稿.wps', compoundFile('WordDocument'), 'application/vnd.ms-works'],
      ['批复.ofd', ofd, 'application/ofd'],
      [
        '现场材料.zip',
        zip([{ name: '照片说明.txt', content: Buffer.from('现场') }]),
        'application/zip',
      ],
    ];
    for (const [name, content, contentType] of files) {
      const res = await t
        .http()
        .post(`/reports/${report.body.id}/files`)
        .set(owner)
        .attach('file', content, name);
      expect([name, res.status, res.body.contentType]).toEqual([name, 201, contentType]);
      const download = await t
        .http()
        .get(`/files/${res.body.id}`)
        .set(await as('leader'))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe(contentType);
      expect(download.body).toEqual(content);
    }
  });

  it('refuses malformed report requests with 400 and a Chinese message', async () => {
    const share = await shareOf(t, planId, 16, '区社会事业服务中心');
    const owner = await as('shehuishiye');
    const cases: Array<[object, RegExp]> = [
      [{ periodDate: '2025-02-30', workDone: 'x' }, /periodDate/],
      [{ workDone: 'x' }, /periodDate/],
      [{ periodDate: '2025-01-01', percent: 120 }, /percent：太大/],
      [{ periodDate: '2025-01-01', periodKind: 'decade' }, /periodKind：取值无效/],
      [{ periodDate: '2025-01-01', figures: [{ name: 'x', value: 'five', unit: '次' }] }, /value/],
      [
        { periodDate: '2025-01-01', figures: [{ name: 'x', value: 1, unit: '次', targetId: 'a' }] },
        /targetId/,
      ],
      [{ periodDate: '2025-01-01', status: 'accepted' }, /status：不是可接受的字段/],
    ];
    for (const [body, message] of cases) {
      const res = await fileOn('shehuishiye', share.id, body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    const report = (await t.http().get(`/assignments/${share.id}/reports`).set(owner)).body
      .items[0];
    const noVersion = await t.http().patch(`/reports/${report.id}`).set(owner).send({ percent: 5 });
    expect(noVersion.status).toBe(400);
    const noFile = await t.http().post(`/reports/${report.id}/files`).set(owner).field('x', '1');
    expect(noFile.status).toBe(400);
    const wrongField = await t
      .http()
      .post(`/reports/${report.id}/files`)
      .set(owner)
      .attach('upload', PDF, 'a.pdf');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.message).toContain('字段名');
    const json = await t
      .http()
      .post(`/reports/${report.id}/files`)
      .set(owner)
      .send({ file: 'JVBERi0=' });
    expect(json.status).toBe(400);
    const broken = await t
      .http()
      .post(`/reports/${report.id}/files`)
      .set(owner)
      .set('content-type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/[\u4e00-\u9fff]/);
    const badYear = await t.http().get(`/assignments/${share.id}/targets?year=abc`).set(owner);
    expect(badYear.status).toBe(400);
    const badId = await t.http().get('/reports/not-a-uuid').set(owner);
    expect(badId.status).toBe(400);
  });

  it('moves a recurring target from behind to met as tagged reports are accepted', async () => {
    const share = await shareOf(t, planId, 37, '区党办');
    const clerk = await as('dangban');
    const leader = await as('leader');
    const targets = await t.http().get(`/assignments/${share.id}/targets?year=2025`).set(clerk);
    expect(targets.status).toBe(200);
    const study = targets.body.items.find((x: { text: string }) => x.text.includes('不少于4次'));
    expect(study).toMatchObject({
      required: 4,
      achieved: 0,
      standing: 'not_due',
      year: 2025,
      per: 'year',
      unit: '次',
    });
    // Every year of the plan's period (2022—2025) is tracked; a past year with nothing is behind.
    expect(study.years).toEqual([
      { year: 2022, required: 4, achieved: 0, standing: 'behind' },
      { year: 2023, required: 4, achieved: 0, standing: 'behind' },
      { year: 2024, required: 4, achieved: 0, standing: 'behind' },
      { year: 2025, required: 4, achieved: 0, standing: 'not_due' },
    ]);

    const file = async (periodDate: string, value: number) => {
      const report = await fileOn('dangban', share.id, {
        periodDate,
        workDone: '区政府常务会议学法',
        figures: [
          { name: '常务会议学法', value, unit: '次', targetId: study.targetId },
          { name: '参学人数', value: 40, unit: '人' },
        ],
      });
      expect(report.status).toBe(201);
      const submitted = await t
        .http()
        .post(`/reports/${report.body.id}/submit`)
        .set(clerk)
        .send({ version: report.body.version });
      return submitted.body as { id: string; version: number };
    };
    const standing = async (year = 2025) =>
      (
        await t.http().get(`/assignments/${share.id}/targets?year=${year}`).set(clerk)
      ).body.items.find((x: { targetId: string }) => x.targetId === study.targetId);
    const review = (report: { id: string; version: number }, step: string) =>
      t
        .http()
        .post(`/reports/${report.id}/${step}`)
        .set(leader)
        .send({ version: report.version, comment: '意见' })
        .expect(200);

    // A draft counts nothing.
    const draft = await fileOn('dangban', share.id, {
      periodDate: '2025-03-01',
      figures: [{ name: '常务会议学法', value: 9, unit: '次', targetId: study.targetId }],
    });
    expect(draft.status).toBe(201);
    const first = await file('2025-01-10', 2);
    expect((await standing()).standing).toBe('not_due'); // submitted, not yet accepted
    await review(first, 'accept');
    // 2 of 4 in March is ahead of the share due by then (pro rata): not behind.
    expect(await standing()).toMatchObject({ achieved: 2, standing: 'not_due' });
    const returned = await file('2025-02-10', 2);
    await review(returned, 'return');
    expect(await standing()).toMatchObject({ achieved: 2, standing: 'not_due' }); // returned: no
    const resubmitted = await t
      .http()
      .post(`/reports/${returned.id}/submit`)
      .set(clerk)
      .send({ version: returned.version + 1 });
    expect(resubmitted.status).toBe(200);
    await review(resubmitted.body, 'accept');
    expect(await standing()).toMatchObject({ achieved: 4, standing: 'met' });
    // Last year's reports count towards last year only.
    const lastYear = await file('2024-12-01', 1);
    await review(lastYear, 'accept');
    expect(await standing(2024)).toMatchObject({ achieved: 1, standing: 'behind' });
    expect(await standing()).toMatchObject({ achieved: 4, standing: 'met' });
    expect((await standing()).years.map((y: { standing: string }) => y.standing)).toEqual([
      'behind',
      'behind',
      'behind',
      'met',
    ]);
    expect(await standing(2026)).toMatchObject({ achieved: 0, standing: 'not_due' });

    // A term target (任期内至少接受1次) counts once over the whole plan, not once a year.
    const term = targets.body.items.find((x: { per: string }) => x.per === 'term');
    expect(term).toMatchObject({ required: 1, achieved: 0, standing: 'not_due', term: true });
    expect(term.years).toHaveLength(1);
    expect(term.text).toContain('任期内至少接受1次');

    const wrongTarget = await fileOn('dangban', share.id, {
      periodDate: '2024-10-01',
      figures: [
        { name: 'x', value: 1, unit: '次', targetId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(wrongTarget.status).toBe(400);
    // Another unit cannot see this unit's standing at all.
    expect(
      (
        await t
          .http()
          .get(`/assignments/${share.id}/targets`)
          .set(await as('jingfaju'))
      ).status,
    ).toBe(404);
  });

  it('applies exactly one of many simultaneous updates and answers the rest 409', async () => {
    const share = await shareOf(t, planId, 30, '区行政服务中心');
    const clerk = await as('xingzhengfuwu');
    const leader = await as('leader');
    const before = await tableCounts(t.db);
    // Both people at once, each with the version they read: the unit and the leadership office.
    const attempts = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t
          .http()
          .patch(`/assignments/${share.id}`)
          .set(i % 2 ? clerk : leader)
          .send({ version: share.version, progressPercent: i + 1 }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(23);
    const ok = attempts.find((r) => r.status === 200)!;
    for (const conflict of attempts.filter((r) => r.status === 409)) {
      expect(conflict.body.message).toMatch(/修改/);
    }
    const [row] = await t.db.query(
      'SELECT version, progress_percent FROM assignments WHERE id = $1',
      [share.id],
    );
    expect(row).toEqual({
      version: share.version + 1,
      progress_percent: ok.body.progressPercent,
    });
    const after = await tableCounts(t.db);
    expect(after.audit_log).toBe(before.audit_log + 1);
    const [audit] = await t.db.query(
      `SELECT after->>'progressPercent' AS percent FROM audit_log
       WHERE assignment_id = $1 ORDER BY id DESC LIMIT 1`,
      [share.id],
    );
    expect(Number(audit.percent)).toBe(ok.body.progressPercent);
  });

  it('lets one of many simultaneous submits of a report through', async () => {
    const share = await shareOf(t, planId, 31, '区行政服务中心');
    const report = await fileOn('xingzhengfuwu', share.id, {
      periodDate: '2025-03-01',
      workDone: '并发报送',
    });
    const clerk = await as('xingzhengfuwu');
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () =>
        t
          .http()
          .post(`/reports/${report.body.id}/submit`)
          .set(clerk)
          .send({ version: report.body.version }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE entity_type = 'ProgressReport' AND entity_id = $1 AND action = 'update'`,
      [report.body.id],
    );
    expect(audit.n).toBe(1);
  });
});
