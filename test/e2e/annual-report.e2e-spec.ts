import mammoth from 'mammoth';
import { binary } from '../support/binary';
import { createTestApp, importSeedPlan, TestApp } from '../support/test-app';
import { zipEntryText } from '../support/zip';

interface Share {
  id: string;
  sectionNumber: number;
  sectionTitle: string;
  itemNumberText: string;
  unitName: string;
  username: string;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`);
const THREE = ['一、工作开展情况', '二、存在的主要问题', '三、下步工作计划'];
const FIVE = [
  '一、主要举措和成效',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '三、存在的不足和原因',
  '四、下一年度主要安排',
  '五、其他需要报告的情况',
];
/** An attribute of the first element `tag` in a piece of WordprocessingML. */
const attr = (xml: string, tag: string, name: string): number => {
  const element = new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0] ?? '';
  return Number(new RegExp(`\\b${name}="(-?\\d+)"`).exec(element)?.[1]);
};
const count = (text: string, part: string) => text.split(part).length - 1;

describe('annual report draft: a year of monthly reports, in two shapes, as GB/T 9704 .docx', () => {
  let t: TestApp;
  let planId: string;
  let shares: Share[];
  /** Chapters with task items, in order: every one must be in the draft. */
  let chapters: Array<{ title: string; reported: boolean }>;

  const file = async (
    share: Share,
    periodDate: string,
    text: { workDone: string; problems?: string; nextSteps?: string },
    figures: Array<{ name: string; value: number; unit: string }>,
    to: 'draft' | 'returned' | 'accepted',
  ) => {
    const clerk = await t.as(share.username);
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
      .set(await t.as('leader'))
      .send({ version: submitted.body.version, comment: '请补充材料' });
    expect(reviewed.status).toBe(200);
  };
  const draft = async (path: string, login = 'leader') =>
    t
      .http()
      .get(path)
      .set(await t.as(login))
      .buffer(true)
      .parse(binary as never);

  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕91号');
    const leads: Share[] = await t.db.query(
      `SELECT DISTINCT ON (s.number) a.id, s.number AS "sectionNumber",
              s.title AS "sectionTitle", i.number_text AS "itemNumberText",
              u.name AS "unitName", us.username
       FROM assignments a JOIN items i ON i.id = a.item_id JOIN sections s ON s.id = i.section_id
       JOIN units u ON u.id = a.unit_id JOIN users us ON us.unit_id = u.id AND us.role = 'unit'
       WHERE a.plan_id = $1 AND a.role = 'lead'
       ORDER BY s.number, i.number, u.name, us.username`,
      [planId],
    );
    expect(leads.length).toBeGreaterThanOrEqual(4);
    // Two chapters report; the chapter in the middle does not.
    shares = [leads[0], leads[leads.length - 1]];

    // A year of monthly reports written as units write them: 本月…, one study session a month.
    for (const [m, periodDate] of MONTHS.entries()) {
      await file(
        shares[0],
        periodDate,
        {
          workDone: `本月组织集体学法活动，第${m + 1}次。`,
          problems: '部分事项边界不清',
          nextSteps: m === 11 ? '本季度起推行清单动态调整' : '',
        },
        [
          { name: '集体学法', value: 1, unit: '次' },
          { name: '权责事项', value: 10, unit: '项' },
        ],
        'accepted',
      );
    }
    await file(
      shares[1],
      '2024-06-01',
      { workDone: '开展行政执法案卷评查。', nextSteps: '扩大评查范围' },
      [{ name: '评查案卷', value: 120, unit: '卷' }],
      'accepted',
    );
    await file(shares[1], '2024-07-01', { workDone: '被退回的文字。' }, [], 'returned');
    await file(shares[1], '2024-08-01', { workDone: '仍是草稿的文字。' }, [], 'draft');
    await file(shares[1], '2023-12-01', { workDone: '上一年度的文字。' }, [], 'accepted');

    const rows: Array<{ title: string; id: string }> = await t.db.query(
      `SELECT s.id, s.title FROM sections s WHERE s.plan_id = $1
         AND EXISTS (SELECT 1 FROM items i WHERE i.section_id = s.id AND NOT i.preamble)
       ORDER BY s.number`,
      [planId],
    );
    const reportedTitles = new Set(shares.map((s) => s.sectionTitle));
    chapters = rows.map((r) => ({ title: r.title, reported: reportedTitles.has(r.title) }));
    expect(chapters.filter((c) => !c.reported).length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => t.close());

  /** What both the Markdown and the .docx must say, for either shape. */
  const checkText = (text: string, parts: string[]) => {
    expect(text).toContain('关于2024年度法治政府建设情况的报告');
    expect(text).not.toMatch(/(\d{4}年度)\1/);
    // Figures: summed over the year, stated once.
    expect(count(text, '全年集体学法12次')).toBe(1);
    expect(count(text, '全年权责事项120项')).toBe(1);
    expect(count(text, '全年评查案卷120卷')).toBe(1);
    expect(text).not.toContain('集体学法1次');
    // Monthly words quoted with their period, never 本月 in the report's voice.
    expect(text).not.toContain('本月');
    expect(text).not.toContain('本季度');
    expect(text).toContain('2024年3月：“2024年3月组织集体学法活动，第3次。”');
    expect(count(text, '部分事项边界不清')).toBe(1);
    // Parts in order, every chapter in order, the silent ones marked to fill in.
    const at = parts.map((p) => text.indexOf(p));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    let from = at[0];
    for (const chapter of chapters) {
      const heading = chapter.reported ? chapter.title : `${chapter.title}（本年度无报送，请补充）`;
      const found = text.indexOf(heading, from);
      expect([heading, found > from && found < at[1]]).toEqual([heading, true]);
      from = found;
    }
    for (const left of ['被退回的文字', '仍是草稿的文字', '上一年度的文字'])
      expect(text).not.toContain(left);
    // 落款: the plan's issuers and the day the draft was made.
    const closing = text.slice(text.lastIndexOf('2025年3月10日') - 200);
    expect(closing).toMatch(/经开区|管委会|工委/);
    expect(text.trim().endsWith('2025年3月10日')).toBe(true);
  };

  it('writes the three-part draft (Markdown): each figure once for the year, units quoted', async () => {
    const res = await draft(`/plans/${planId}/annual-report?year=2024`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/);
    const md = res.body.toString('utf8');
    checkText(md, THREE);
    expect(md).toContain('现根据全年审核通过的 13 份进展报送');
    const nextSteps = md.slice(md.indexOf(THREE[2]));
    expect(nextSteps).toContain('2024年12月起推行清单动态调整');
    expect(nextSteps).toContain('扩大评查范围');
  });

  it.each([
    ['three_parts', THREE],
    ['five_parts', FIVE],
  ])('gives a %s .docx laid out to GB/T 9704 that reads back whole', async (shape, parts) => {
    const res = await draft(`/plans/${planId}/annual-report?year=2024&format=docx&shape=${shape}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2024年度法治政府建设情况的报告（初稿）.docx')}`,
    );
    const { value: text, messages } = await mammoth.extractRawText({ buffer: res.body });
    expect(messages).toEqual([]);
    checkText(text, parts);

    // The page, from the section properties: A4, margins 37/35/28/26 mm, 22 lines × 28 chars.
    const xml = await zipEntryText(res.body, 'word/document.xml');
    const mm = (twips: number) => Math.round((twips * 25.4) / 1440);
    const [w, h] = [attr(xml, 'w:pgSz', 'w:w'), attr(xml, 'w:pgSz', 'w:h')];
    expect([mm(w), mm(h)]).toEqual([210, 297]);
    const margin = (side: string) => mm(attr(xml, 'w:pgMar', `w:${side}`));
    expect(['top', 'bottom', 'left', 'right'].map(margin)).toEqual([37, 35, 28, 26]);
    const linePitch = attr(xml, 'w:docGrid', 'w:linePitch');
    const charSpace = attr(xml, 'w:docGrid', 'w:charSpace');
    const textHeight = h - attr(xml, 'w:pgMar', 'w:top') - attr(xml, 'w:pgMar', 'w:bottom');
    const textWidth = w - attr(xml, 'w:pgMar', 'w:left') - attr(xml, 'w:pgMar', 'w:right');
    expect(Math.floor(textHeight / linePitch)).toBe(22);
    expect(Math.round(textWidth / 20 / (16 + charSpace / 4096))).toBe(28);
    expect(xml).toMatch(/<w:docGrid [^>]*w:type="linesAndChars"/);
    // 仿宋_GB2312 三号 body on the grid's line pitch, 方正小标宋简体 二号 title.
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);
    // Page numbers in the footers (odd and even pages).
    expect(xml).toMatch(/<w:footerReference [^>]*w:type="even"/);
    const footers = await Promise.all(
      ['word/footer1.xml', 'word/footer2.xml'].map((name) => zipEntryText(res.body, name)),
    );
    for (const footer of footers) expect(footer).toMatch(/PAGE/);
  });

  it('covers every active plan in the office-wide draft', async () => {
    const res = await draft('/annual-report?year=2024&shape=five_parts');
    expect(res.status).toBe(200);
    const md = res.body.toString('utf8');
    const [plan] = await t.db.query('SELECT title FROM plans WHERE id = $1', [planId]);
    expect(md).toContain(`《${plan.title}》`);
    expect(md).toContain(`${shares[1].sectionTitle}（${plan.title}）`);
    expect(md).toContain('全年评查案卷120卷');
    for (const part of FIVE) expect(md).toContain(part);
  });

  it('is for the offices only, and refuses a bad year, shape, format or date', async () => {
    expect((await draft(`/plans/${planId}/annual-report?year=2024`, 'supervisor')).status).toBe(
      200,
    );
    for (const path of [`/plans/${planId}/annual-report?year=2024`, '/annual-report?year=2024']) {
      expect((await draft(path, shares[0].username)).status).toBe(403);
    }
    const leader = await t.as('leader');
    const get = (query: string) =>
      t.http().get(`/plans/${planId}/annual-report?${query}`).set(leader);
    const outside = await get('year=2030');
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain('2030 年不在其中');
    for (const bad of ['year=2024&format=pdf', 'year=2024&shape=four', 'issuedOn=2025-02-30']) {
      const res = await get(bad);
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(JSON.stringify(res.body.message)).toMatch(/[\u4e00-\u9fff]/);
    }
    const missing = await t
      .http()
      .get('/plans/00000000-0000-4000-8000-000000000000/annual-report?year=2024')
      .set(leader);
    expect(missing.status).toBe(404);
  });
});
