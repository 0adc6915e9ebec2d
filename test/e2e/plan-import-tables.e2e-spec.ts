import { excelBreakdown, wordTablePlan } from '../support/table-fixtures';
import { confirmations, createTestApp, tableCounts, TestApp } from '../support/test-app';

interface Column {
  index: number;
  name: string;
  kind: string;
  label: string;
}
interface Preview {
  id: string;
  columnMapping: Column[] | null;
  needsDecision: string[];
  gaps: Array<{ field: string; required: boolean; itemNumber?: number; message: string }>;
  units: Array<{ name: string; match: string; decision?: string; assignments: number }>;
  sections: Array<{ title: string; items: Array<{ number: number; title: string }> }>;
  outcome: { assignments: { created: number }; pending: string[] };
}

describe('plan import from tables: Word, Excel, tab-separated text', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const upload = async (content: Buffer, name: string, fields: Record<string, string> = {}) => {
    let req = t
      .http()
      .post('/plans/import')
      .set(await t.as('leader'));
    for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
    return req.attach('file', content, name);
  };
  const commit = async (body: object) =>
    t
      .http()
      .post('/plans/import/commit')
      .set(await t.as('leader'))
      .send(body);
  const shares = async (planId: string) =>
    t.db.query(
      `SELECT i.number, u.name, a.role, a.due_on AS "dueOn" FROM assignments a
       JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
       WHERE a.plan_id = $1 ORDER BY i.number, a.role ASC, u.name`,
      [planId],
    );

  it('reads a Word table: columns shown, merged 牵头单位 on every row, preview → decision → commit', async () => {
    const res = await upload(await wordTablePlan('漯开文〔2025〕31号'), '分工方案.docx');
    expect(res.status).toBe(201);
    const preview = res.body as Preview;
    expect(preview.columnMapping?.map((c) => [c.name, c.kind])).toEqual([
      ['序号', 'number'],
      ['工作任务', 'title'],
      ['牵头单位', 'lead'],
      ['配合单位', 'co'],
      ['完成时限', 'deadline'],
    ]);
    expect(preview.columnMapping?.[2].label).toBe('牵头单位');
    expect(preview.sections.map((s) => s.title)).toEqual(['提升政务服务效能', '加强要素保障']);
    expect(preview.sections.flatMap((s) => s.items.map((i) => i.number))).toEqual([1, 2, 3, 4]);
    // 区测绘站 is not in the directory: the office decides; the rest matched.
    expect(preview.needsDecision).toEqual(['区测绘站']);
    expect(preview.outcome.pending.join('')).toContain('区测绘站');

    const before = await tableCounts(t.db);
    const refused = await commit({ previewId: preview.id });
    expect(refused.status).toBe(422);
    expect(refused.body.message.join('')).toContain('区测绘站');
    expect(await tableCounts(t.db)).toEqual(before);

    const done = await commit({
      previewId: preview.id,
      decisions: [{ name: '区测绘站', action: 'skip' }],
      status: 'active',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ planOutcome: 'created', items: { created: 4 } });
    const rows = await shares(done.body.planId);
    expect(rows).toEqual(
      expect.arrayContaining([
        { number: 1, name: '区行政服务中心', role: 'lead', dueOn: '2025-06-30' },
        { number: 1, name: '区信息中心', role: 'co', dueOn: '2025-06-30' },
        { number: 2, name: '区建设局', role: 'lead', dueOn: '2025-09-30' },
        // The 牵头单位 cell merged over rows 2 and 3 leads both.
        { number: 3, name: '区建设局', role: 'lead', dueOn: '2025-12-31' },
        // 长期坚持 is no date: the closing 2025年年底前 applies.
        { number: 4, name: '区财政局', role: 'lead', dueOn: '2025-12-31' },
        { number: 4, name: '区经发局', role: 'co', dueOn: '2025-12-31' },
      ]),
    );
    // 各镇(街道) expanded to its towns on item 3.
    expect(rows.filter((r: { number: number }) => r.number === 3).length).toBeGreaterThan(2);
    const [plan] = await t.db.query(
      'SELECT title, doc_number AS "docNumber" FROM plans WHERE id = $1',
      [done.body.planId],
    );
    expect(plan).toEqual({
      title: '经开区2025年优化营商环境重点任务分工方案',
      docNumber: '漯开文〔2025〕31号',
    });
  });

  it('reads an Excel 任务分解表: header below a title, merged cells, two sheets; gaps decided at commit; a column corrected', async () => {
    // A title without a year: the sheet's title (…任务分解表) is read, but gives no period.
    const res = await upload(
      await excelBreakdown('经开区法治政府建设工作要点任务分解表'),
      '任务分解表.xlsx',
    );
    expect(res.status).toBe(201);
    const preview = res.body as Preview;
    const kinds = Object.fromEntries((preview.columnMapping ?? []).map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({
      序号: 'number',
      重点领域: 'section',
      重点任务: 'title',
      牵头单位: 'lead',
      责任单位: 'listed',
      完成时限: 'deadline',
    });
    // The merged 重点领域 cells and the second sheet make the chapters.
    expect(preview.sections.map((s) => s.title)).toEqual(['依法行政', '执法监督', '年度常规工作']);
    expect(preview.sections.flatMap((s) => s.items)).toHaveLength(6);
    // 每年 is no date, and nothing gives the plan a closing date: the office must give one.
    const gap = (field: string) => preview.gaps.find((g) => g.field === field);
    expect(gap('defaultDueOn')).toMatchObject({ required: true });
    expect(gap('defaultDueOn')?.message).toMatch(/完成时限/);
    expect(preview.gaps.filter((g) => g.field === 'itemDueOn').map((g) => g.itemNumber)).toEqual([
      5,
    ]);
    // Large groups wait for a confirmation and say what they become.
    const group = preview.units.find((u) => u.name === '区直各相关部门');
    expect(group).toMatchObject({ decision: 'confirm-group' });
    expect(group!.assignments).toBeGreaterThan(3);

    const before = await tableCounts(t.db);
    const refused = await commit({ previewId: preview.id, decisions: confirmations(preview) });
    expect(refused.status).toBe(422);
    expect(refused.body.message.join('')).toMatch(/完成时限/);
    expect(await tableCounts(t.db)).toEqual(before);

    // The office drops the 完成时限 column (a dry run first), then commits with its own dates.
    const body = {
      previewId: preview.id,
      decisions: confirmations(preview),
      title: '经开区2025年法治政府建设工作要点',
      defaultDueOn: '2025-12-31',
      itemDueDates: [{ number: 5, dueOn: '2025-11-30' }],
      columnMapping: [
        { index: preview.columnMapping!.find((c) => c.name === '完成时限')!.index, kind: 'ignore' },
      ],
    };
    const dry = await commit({ ...body, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, pending: [], planOutcome: 'created' });
    expect(await tableCounts(t.db)).toEqual(before);

    const done = await commit(body);
    expect(done.status).toBe(200);
    expect(done.body.assignments.created).toBe(dry.body.assignments.created);
    const rows = await shares(done.body.planId);
    // Without the 完成时限 column every item takes the default, item 5 its own date.
    expect(
      rows.find((r: { number: number; role: string }) => r.number === 1 && r.role === 'lead'),
    ).toMatchObject({
      name: '区党工委办公室',
      dueOn: '2025-12-31',
    });
    expect(rows.filter((r: { number: number }) => r.number === 5)).toEqual([
      { number: 5, name: '区党办', role: 'lead', dueOn: '2025-11-30' },
      { number: 5, name: '区人劳局', role: 'co', dueOn: '2025-11-30' },
    ]);
    // The 牵头单位 merged over rows 6 and 7 of the first sheet leads item 4 too.
    expect(
      rows.find((r: { number: number; role: string }) => r.number === 4 && r.role === 'lead'),
    ).toMatchObject({ name: '区监察室' });
    const [plan] = await t.db.query('SELECT title, default_due_on AS d FROM plans WHERE id = $1', [
      done.body.planId,
    ]);
    expect(plan).toEqual({ title: '经开区2025年法治政府建设工作要点', d: '2025-12-31' });
  });

  it('takes a column correction with the upload (multipart JSON) and refuses one for a column that is not there', async () => {
    const excel = await excelBreakdown('经开区任务分解表（列更正）');
    const res = await upload(excel, 'b.xlsx', {
      columnMapping: JSON.stringify([{ index: 1, kind: 'ignore' }]),
    });
    expect(res.body.message).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body.columnMapping[1]).toMatchObject({ name: '重点领域', kind: 'ignore' });
    // Without the 重点领域 column the sheets are the chapters.
    expect(res.body.sections.map((s: { title: string }) => s.title)).toEqual([
      '重点任务',
      '年度常规工作',
    ]);
    const bad = await upload(excel, 'b.xlsx', {
      columnMapping: JSON.stringify([{ index: 40, kind: 'lead' }]),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/第 41 列/);
  });

  it('reads 完成时限 typed as Excel dates, and bare dates, as the deadlines they are', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务清单');
    sheet.addRow(['经开区2025年惠企政策落实任务清单']);
    sheet.addRow(['序号', '重点任务', '牵头单位', '完成时限']);
    // What a clerk types into Excel: 2025/6/30 becomes a date shown as such; 2025年9月 one
    // shown by a year-month format; the others stay text.
    sheet.addRow([1, '兑现稳岗返还政策。', '区人劳局', new Date(Date.UTC(2025, 5, 30))]);
    sheet.getCell('D3').numFmt = 'yyyy/m/d';
    sheet.addRow([2, '清理拖欠企业账款。', '区财政局', new Date(Date.UTC(2025, 8, 1))]);
    sheet.getCell('D4').numFmt = 'yyyy"年"m"月"';
    sheet.addRow([3, '开展涉企收费检查。', '区经发局', '2025.10.15']);
    sheet.addRow([4, '推进惠企政策直达。', '区行政服务中心', '2025年11月']);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), '任务清单.xlsx');
    expect(res.status).toBe(201);
    const items = (
      res.body as {
        sections: Array<{
          items: Array<{ number: number; dueOn: string; deadlines: Array<{ text: string }> }>;
        }>;
      }
    ).sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.number, i.dueOn])).toEqual([
      [1, '2025-06-30'],
      [2, '2025-09-30'],
      [3, '2025-10-15'],
      [4, '2025-11-30'],
    ]);
    expect(items[0].deadlines[0].text).toBe('2025年6月30日前');
    // Each date is a deadline, so none waits for a person's confirmation as "not a deadline".
    expect(JSON.stringify(res.body)).not.toContain('GMT');
    expect((res.body as Preview).gaps.filter((g) => g.field === 'itemDueOn')).toEqual([]);
    expect(
      (res.body as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code),
    ).not.toContain('DATE_NOT_DEADLINE');
  });

  it('reads a Word plan whose (一) and 1. are Word’s automatic numbering', async () => {
    const { AlignmentType, Document, LevelFormat, Packer, Paragraph } = await import('docx');
    const listed = (text: string, level: number) =>
      new Paragraph({ text, numbering: { reference: 'plan', level } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'plan',
            levels: [
              {
                level: 0,
                format: LevelFormat.CHINESE_COUNTING,
                text: '（%1）',
                alignment: AlignmentType.LEFT,
              },
              { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('经开区2025年优化营商环境工作方案'),
            new Paragraph('一、重点任务'),
            listed('提升政务服务效能。推行一网通办。（区行政服务中心负责）', 0),
            listed('加强要素保障。', 0),
            listed('保障用地需求。2025年6月底前完成。（区建设局负责）', 1),
            listed('保障资金需求。（区财政局负责）', 1),
          ],
        },
      ],
    });
    const res = await upload(await Packer.toBuffer(doc), '工作方案.docx');
    expect(res.status).toBe(201);
    const items = (
      res.body as {
        sections: Array<{ items: Array<{ numberText: string; title: string; tasks: unknown[] }> }>;
      }
    ).sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.numberText, i.title, i.tasks.length])).toEqual([
      ['一', '提升政务服务效能', 0],
      ['二', '加强要素保障', 2],
    ]);
    expect((res.body as Preview).needsDecision).toEqual([]);
  });

  it('reads a table pasted as tab-separated text', async () => {
    const text = [
      '经开区2025年营商环境重点任务清单',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t推进“证照分离”改革全覆盖。\t区市场监管分局\t区行政服务中心\t2025年6月底前',
      '2\t开展涉企收费专项检查。\t区经发局\t区财政局、区审计局\t2025年9月底前',
      '确保2025年年底前全面完成各项任务。',
    ].join('\n');
    const res = await t
      .http()
      .post('/plans/import')
      .set(await t.as('leader'))
      .send({ text });
    expect(res.status).toBe(201);
    expect(res.body.columnMapping.map((c: Column) => c.kind)).toEqual([
      'number',
      'title',
      'lead',
      'co',
      'deadline',
    ]);
    const items = res.body.sections.flatMap(
      (s: { items: Array<{ units: Array<{ name: string; role: string }>; dueOn: string }> }) =>
        s.items,
    );
    expect(items).toHaveLength(2);
    expect(
      items[1].units.map((u: { name: string; role: string }) => `${u.role}:${u.name}`),
    ).toEqual(['lead:区经发局', 'co:区财政局', 'co:区审计局']);
    expect(items[1].dueOn).toBe('2025-09-30');
    expect(res.body.needsDecision).toEqual([]);
  });

  it.each([
    ['a .docx', 'plan.docx'],
    ['an .xlsx', 'plan.xlsx'],
  ])('refuses %s that is not a zip with 415 in Chinese and stores nothing', async (_, name) => {
    const before = await tableCounts(t.db);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM plan_imports');
    const res = await upload(Buffer.from('序号\t任务\t责任单位\n1\t任务\t区经发局'), name);
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/不是(Word 文档|Excel 工作簿)/);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await t.db.query('SELECT count(*)::int AS n FROM plan_imports'))[0].n).toBe(n);
  });

  it('refuses a workbook without a task table (400 in Chinese) and a damaged one', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    const empty = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(empty, 'contacts.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('没有找到任务表');

    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const damaged = await upload(broken, 'broken.xlsx');
    // The zip guard reads the archive's directory before exceljs does: 422, in Chinese.
    expect(damaged.status).toBe(422);
    expect(damaged.body.message).toContain('不是有效的 Office 文档');
  });
});
