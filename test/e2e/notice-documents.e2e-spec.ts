import mammoth from 'mammoth';
import { binary } from '../support/binary';
import { createTestApp, importSeedPlan, shareOf, TestApp } from '../support/test-app';

/** 督办单 as documents (issue 16, point 4): numbers, levels, the printed notice, answers' history. */
describe('supervision notices as documents', () => {
  let t: TestApp;
  let planId: string;
  let overdueShare: { id: string; itemId: string };
  let secondShare: { id: string; itemId: string };
  let unitId: string;
  const CLERK = 'jingfaju'; // 区经发局
  const OTHER = 'renlaoju'; // 区人劳局

  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕716号');
    // Item (二十六) is due 2023-12-31 (overdue); most others at the plan's end (not yet).
    overdueShare = await shareOf(t, planId, 26, '区经发局');
    unitId = (
      await t.db.query('SELECT unit_id FROM assignments WHERE id = $1', [overdueShare.id])
    )[0].unit_id;
    const [later] = await t.db.query(
      `SELECT a.id, a.item_id AS "itemId" FROM assignments a
       WHERE a.plan_id = $1 AND a.unit_id = $2 AND a.due_on > '2025-03-10' ORDER BY a.due_on LIMIT 1`,
      [planId, unitId],
    );
    secondShare = later;
  });
  afterAll(() => t.close());

  const issue = async (body: object) =>
    t
      .http()
      .post('/supervision/notices')
      .set(await t.as('supervisor'))
      .send({ unitId, reason: '请说明逾期原因并限期整改', replyBy: '2025-03-20', ...body });

  it('gives 20 notices issued at once 20 different numbers of the office and year', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => issue({ assignmentIds: [overdueShare.id] })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((a) => a.body.number as string);
    expect(new Set(numbers).size).toBe(20);
    const serials = numbers
      .map((n) => Number(/^督办〔2025〕(\d+)号$/.exec(n)![1]))
      .sort((a, b) => a - b);
    // Nothing else issues meanwhile: twenty numbers in a row, none skipped.
    expect(serials[19] - serials[0]).toBe(19);
    const [dupes] = await t.db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM supervision_notices
       GROUP BY office_unit_id, number_year, number_serial HAVING count(*) > 1) d`,
    );
    expect(dupes.n).toBe(0);
  });

  it('suggests the colour from the warning light, lets the office change it and raise it', async () => {
    const red = await issue({ assignmentIds: [overdueShare.id] });
    expect(red.body).toMatchObject({ level: 'red', suggestedLevel: 'red', officeName: '区督查室' });

    // The later share is not overdue; on 2025-03-10 its February report is missing: yellow.
    const yellow = await issue({ assignmentIds: [secondShare.id] });
    expect(yellow.body.suggestedLevel).toBe('yellow');

    const chosen = await issue({ assignmentIds: [secondShare.id], level: 'blue' });
    expect(chosen.body).toMatchObject({ level: 'blue', suggestedLevel: 'yellow' });
    const sup = await t.as('supervisor');
    const up = await t
      .http()
      .post(`/supervision/notices/${chosen.body.id}/raise`)
      .set(sup)
      .send({ version: chosen.body.version });
    expect(up.status).toBe(200);
    expect(up.body.level).toBe('yellow');
    const changed = await t
      .http()
      .patch(`/supervision/notices/${chosen.body.id}`)
      .set(sup)
      .send({ version: up.body.version, level: 'red' });
    expect(changed.body.level).toBe('red');
    const top = await t
      .http()
      .post(`/supervision/notices/${chosen.body.id}/raise`)
      .set(sup)
      .send({ version: changed.body.version });
    expect(top.status).toBe(409);
    expect(top.body.message).toBe('已是红色督办单，不能再升级');
    const bad = await t
      .http()
      .patch(`/supervision/notices/${chosen.body.id}`)
      .set(sup)
      .send({ version: changed.body.version, level: 'purple' });
    expect(bad.status).toBe(400);
  });

  it('prints as a .docx holding the number, the unit, the items, days overdue and the reply-by date', async () => {
    const notice = (await issue({ assignmentIds: [overdueShare.id, secondShare.id] })).body;
    const items = await t.db.query(
      `SELECT i.number_text AS n, i.title, a.due_on AS "dueOn" FROM assignments a
       JOIN items i ON i.id = a.item_id WHERE a.id = ANY($1) ORDER BY i.number`,
      [[overdueShare.id, secondShare.id]],
    );
    for (const login of ['supervisor', CLERK]) {
      const res = await t
        .http()
        .get(`/supervision/notices/${notice.id}/document.docx`)
        .set(await t.as(login))
        .buffer(true)
        .parse(binary as never);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const { value: text } = await mammoth.extractRawText({ buffer: res.body });
      expect(text).toContain(notice.number);
      expect(text).toContain('区经发局：');
      expect(text).toContain('红色督办单');
      for (const item of items) {
        expect(text).toContain(`(${item.n})${item.title}`);
        expect(text).toContain(item.dueOn);
      }
      const earliest = items.map((i: { dueOn: string }) => i.dueOn).sort()[0];
      const daysOverdue = (Date.parse('2025-03-10') - Date.parse(earliest)) / 86_400_000;
      expect(text).toContain(`${daysOverdue}天`);
      expect(text).toContain('请于2025年3月20日前');
      expect(text).toContain('区督查室');
      expect(text).toContain('2025年3月10日');
    }
    const other = await t
      .http()
      .get(`/supervision/notices/${notice.id}/document.docx`)
      .set(await t.as(OTHER));
    expect(other.status).toBe(404);
  });

  it('keeps every answer, with its files and the office verdict, and shows the events in each assignment timeline', async () => {
    const notice = (await issue({ assignmentIds: [overdueShare.id, secondShare.id] })).body;
    const clerk = await t.as(CLERK);
    const sup = await t.as('supervisor');
    const first = await t
      .http()
      .post(`/supervision/notices/${notice.id}/answer`)
      .set(clerk)
      .send({ version: notice.version, answer: '第一次答复：正在整改' });
    expect(first.status).toBe(200);
    const file = await t
      .http()
      .post(`/supervision/notices/${notice.id}/files`)
      .set(clerk)
      .attach('file', Buffer.from('%PDF-1.7\n整改方案'), '整改方案.pdf');
    expect(file.status).toBe(201);
    // Another unit neither attaches nor reads: the notice does not exist for it.
    const foreign = await t
      .http()
      .post(`/supervision/notices/${notice.id}/files`)
      .set(await t.as(OTHER))
      .attach('file', Buffer.from('%PDF-1.7\n'), 'x.pdf');
    expect(foreign.status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`/supervision/notice-files/${file.body.id}`)
          .set(await t.as(OTHER))
      ).status,
    ).toBe(404);
    const bytes = await t
      .http()
      .get(`/supervision/notice-files/${file.body.id}`)
      .set(sup)
      .buffer(true)
      .parse(binary as never);
    expect(bytes.body.toString()).toBe('%PDF-1.7\n整改方案');
    // A file whose content is not what its name says is refused as reports' evidence is.
    const fake = await t
      .http()
      .post(`/supervision/notices/${notice.id}/files`)
      .set(clerk)
      .attach('file', Buffer.from('not a pdf'), '假的.pdf');
    expect(fake.status).toBe(415);

    const returned = await t
      .http()
      .post(`/supervision/notices/${notice.id}/return`)
      .set(sup)
      .send({ version: first.body.version, comment: '请写明完成时间' });
    expect(returned.status).toBe(200);
    const late = await t
      .http()
      .post(`/supervision/notices/${notice.id}/files`)
      .set(clerk)
      .attach('file', Buffer.from('%PDF-1.7\n'), '迟到.pdf');
    expect(late.status).toBe(409);
    const second = await t
      .http()
      .post(`/supervision/notices/${notice.id}/answer`)
      .set(clerk)
      .send({ version: returned.body.version, answer: '第二次答复：4月底前完成' });
    expect(second.status).toBe(200);
    expect(second.body.answers).toHaveLength(2);
    expect(second.body.answers[0]).toMatchObject({
      text: '第一次答复：正在整改',
      outcome: 'returned',
      reviewComment: '请写明完成时间',
    });
    expect(second.body.answers[0].files.map((f: { fileName: string }) => f.fileName)).toEqual([
      '整改方案.pdf',
    ]);
    expect(second.body.answers[1]).toMatchObject({
      text: '第二次答复：4月底前完成',
      outcome: null,
    });
    expect(second.body.answerText).toBe('第二次答复：4月底前完成');

    const raised = await t
      .http()
      .post(`/supervision/notices/${notice.id}/raise`)
      .set(sup)
      .send({ version: second.body.version });
    expect(raised.status).toBe(409); // already red: the overdue share made it so

    for (const share of [overdueShare, secondShare]) {
      const timeline = await t.http().get(`/assignments/${share.id}/timeline`).set(clerk);
      const summaries = timeline.body.items.map((e: { summary: string }) => e.summary);
      expect(summaries).toContain(`下发红色督办单 ${notice.number}，答复期限 2025-03-20`);
      expect(summaries).toContain(`答复督办单 ${notice.number}`);
      expect(summaries).toContain('督办答复被退回：请写明完成时间');
      expect(summaries).toContain('上传督办答复附件 整改方案.pdf');
      expect(
        timeline.body.items.every((e: { assignmentId: string }) => e.assignmentId === share.id),
      ).toBe(true);
    }
    const item = await t.http().get(`/items/${overdueShare.itemId}/timeline`).set(sup);
    expect(item.body.items.map((e: { summary: string }) => e.summary)).toContain(
      `答复督办单 ${notice.number}`,
    );
    // Paged, the notices' rows come in the same order and the same count as in the whole history.
    const whole = await t
      .http()
      .get(`/items/${overdueShare.itemId}/timeline`)
      .query({ pageSize: 500 })
      .set(sup);
    expect(whole.body.items).toHaveLength(whole.body.total);
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(whole.body.total / 7) + 1 }, (_, i) =>
        t
          .http()
          .get(`/items/${overdueShare.itemId}/timeline`)
          .query({ page: i + 1, pageSize: 7 })
          .set(sup),
      ),
    );
    expect(pages.map((page) => page.body.total)).toEqual(pages.map(() => whole.body.total));
    expect(pages.flatMap((page) => page.body.items)).toEqual(whole.body.items);
    // Another unit's view of the list never shows this unit's notices.
    const list = await t
      .http()
      .get('/supervision/notices?pageSize=100')
      .set(await t.as(OTHER));
    expect(list.body.items.some((n: { unitId: string }) => n.unitId === unitId)).toBe(false);
  });
});
