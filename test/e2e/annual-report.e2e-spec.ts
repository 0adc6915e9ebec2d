import mammoth from 'mammoth';
import { binary } from '../support/binary';
import { createTestApp, importSeedPlan, TestApp } from '../support/test-app';

interface Share {
  id: string;
  version: number;
  sectionNumber: number;
  sectionTitle: string;
  itemNumberText: string;
  unitName: string;
  username: string;
}

describe('annual report draft: a year of accepted reports, section by section', () => {
  let t: TestApp;
  let planId: string;
  /** The lead share of the first item of three sections, from the plan's start to its end. */
  let shares: Share[];

  const as = (login: string) => t.as(login);
  /** Files a report for the period of `periodDate`, and takes it as far as `to`. */
  const report = async (
    share: Share,
    periodDate: string,
    text: { workDone: string; problems?: string; nextSteps?: string },
    figures: Array<{ name: string; value: number; unit: string }>,
    to: 'draft' | 'returned' | 'accepted',
  ) => {
    const clerk = await as(share.username);
    const leader = await as('leader');
    const filed = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(clerk)
      .send({ periodDate, figures, problems: '', nextSteps: '', percent: 50, ...text });
    expect(filed.status).toBe(201);
    if (to === 'draft') return;
    const submitted = await t
      .http()
      .post(`/reports/${filed.body.id}/submit`)
      .set(clerk)
      .send({ version: filed.body.version });
    expect(submitted.status).toBe(200);
    const reviewed = await t
      .http()
      .post(`/reports/${filed.body.id}/${to === 'accepted' ? 'accept' : 'return'}`)
      .set(leader)
      .send({ version: submitted.body.version, comment: '请补充材料' });
    expect(reviewed.status).toBe(200);
  };
  const draft = async (path: string, login = 'leader') =>
    t
      .http()
      .get(path)
      .set(await as(login))
      .buffer(true)
      .parse(binary as never);

  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕91号');
    const leads: Share[] = await t.db.query(
      `SELECT DISTINCT ON (s.number) a.id, a.version, s.number AS "sectionNumber",
              s.title AS "sectionTitle", i.number_text AS "itemNumberText",
              u.name AS "unitName", us.username
       FROM assignments a JOIN items i ON i.id = a.item_id JOIN sections s ON s.id = i.section_id
       JOIN units u ON u.id = a.unit_id JOIN users us ON us.unit_id = u.id AND us.role = 'unit'
       WHERE a.plan_id = $1 AND a.role = 'lead'
       ORDER BY s.number, i.number, u.name, us.username`,
      [planId],
    );
    expect(leads.length).toBeGreaterThanOrEqual(3);
    shares = [leads[0], leads[Math.floor(leads.length / 2)], leads[leads.length - 1]];

    // Filed in the reverse of the plan's order, to show the draft follows the plan, not time.
    await report(
      shares[2],
      '2024-11-01',
      { workDone: '组织年度集体学法。', problems: '学法形式较单一', nextSteps: '推行案例教学' },
      [{ name: '集体学法', value: 5, unit: '次' }],
      'accepted',
    );
    await report(
      shares[1],
      '2024-06-01',
      { workDone: '开展行政执法案卷评查。', nextSteps: '扩大评查范围' },
      [
        { name: '评查案卷', value: 120, unit: '卷' },
        { name: '发现问题', value: 14, unit: '个' },
      ],
      'accepted',
    );
    await report(
      shares[0],
      '2024-03-01',
      { workDone: '梳理权责清单。', problems: '部分事项边界不清' },
      [{ name: '权责事项', value: 1032, unit: '项' }],
      'accepted',
    );
    await report(shares[0], '2024-04-01', { workDone: '第二份报告被退回的文字。' }, [], 'returned');
    await report(shares[0], '2024-05-01', { workDone: '仍是草稿的文字。' }, [], 'draft');
    await report(shares[1], '2023-12-01', { workDone: '上一年度的文字。' }, [], 'accepted');
  }, 60_000);
  afterAll(() => t.close());

  it('builds the Markdown draft from the year’s accepted reports, in the plan’s order', async () => {
    const res = await draft(`/plans/${planId}/annual-report?year=2024`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/);
    const md = res.body.toString('utf8');

    expect(md).toMatch(/关于2024年度法治政府建设情况的报告/);
    expect(md).toContain('现根据全年审核通过的 3 份进展报送');
    const headings = ['一、工作开展情况', '二、存在的主要问题', '三、下步工作计划'].map((h) =>
      md.indexOf(h),
    );
    expect(headings.every((at) => at >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);

    // Every section that had reports, in the plan's order, inside 一、工作开展情况.
    const sections = shares.map((s) => md.indexOf(s.sectionTitle, headings[0]));
    expect(sections.every((at) => at > headings[0] && at < headings[1])).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);

    for (const figure of ['集体学法5次', '评查案卷120卷', '发现问题14个', '权责事项1032项'])
      expect(md).toContain(figure);
    // Each sentence names its unit, item and period.
    expect(md).toContain(
      `（${shares[0].unitName}，条目(${shares[0].itemNumberText})，2024年3月报送）`,
    );
    expect(md).toContain(
      `（${shares[2].unitName}，条目(${shares[2].itemNumberText})，2024年11月报送）`,
    );

    const problems = md.slice(headings[1], headings[2]);
    expect(problems).toContain('部分事项边界不清');
    expect(problems).toContain('学法形式较单一');
    const nextSteps = md.slice(headings[2]);
    expect(nextSteps).toContain('扩大评查范围');
    expect(nextSteps).toContain('推行案例教学');

    for (const left of ['第二份报告被退回的文字', '仍是草稿的文字', '上一年度的文字'])
      expect(md).not.toContain(left);
  });

  it('gives the same draft as a .docx that opens again', async () => {
    const res = await draft(`/plans/${planId}/annual-report?year=2024&format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2024年度法治政府建设情况的报告（初稿）.docx')}`,
    );
    const { value: text } = await mammoth.extractRawText({ buffer: res.body });
    expect(text).toContain('关于2024年度法治政府建设情况的报告');
    for (const part of ['一、工作开展情况', '二、存在的主要问题', '三、下步工作计划'])
      expect(text).toContain(part);
    for (const share of shares) expect(text).toContain(share.sectionTitle);
    for (const figure of ['集体学法5次', '评查案卷120卷', '发现问题14个', '权责事项1032项'])
      expect(text).toContain(figure);
    expect(text).not.toContain('仍是草稿的文字');
  });

  it('covers every active plan in the office-wide draft', async () => {
    const res = await draft('/annual-report?year=2024');
    expect(res.status).toBe(200);
    const md = res.body.toString('utf8');
    const [plan] = await t.db.query('SELECT title FROM plans WHERE id = $1', [planId]);
    expect(md).toContain(`《${plan.title}》`);
    expect(md).toContain(`${shares[1].sectionTitle}（${plan.title}）`);
    expect(md).toContain('评查案卷120卷');
  });

  it('is for the offices only, and refuses a year outside the plan or a bad format', async () => {
    expect((await draft(`/plans/${planId}/annual-report?year=2024`, 'supervisor')).status).toBe(
      200,
    );
    for (const path of [`/plans/${planId}/annual-report?year=2024`, '/annual-report?year=2024']) {
      const res = await draft(path, shares[0].username);
      expect(res.status).toBe(403);
    }
    const outside = await t
      .http()
      .get(`/plans/${planId}/annual-report?year=2030`)
      .set(await as('leader'));
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain('2030 年不在其中');
    const format = await t
      .http()
      .get(`/plans/${planId}/annual-report?year=2024&format=pdf`)
      .set(await as('leader'));
    expect(format.status).toBe(400);
    const missing = await t
      .http()
      .get('/plans/00000000-0000-4000-8000-000000000000/annual-report?year=2024')
      .set(await as('leader'));
    expect(missing.status).toBe(404);
  });
});
