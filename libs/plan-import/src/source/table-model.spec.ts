import { parsePlan } from '@app/plan-parser';
import { docxBlocks } from './docx';
import { readPlanText, renderPlanSource } from './plan-file';
import { appendGrid, findHeaderRow, renderTable, type SourceTable } from './table-model';
import { PlanFileError } from './plan-file-error';

describe('task tables as one model', () => {
  it('spreads a merged (rowspan) cell over every row it spans and keeps a colspan row as a section', () => {
    const html =
      '<p>某某工作方案</p><table><tr><td><p>序号</p></td><td><p>工作任务</p></td><td><p>牵头单位</p></td><td><p>完成时限</p></td></tr>' +
      '<tr><td colspan="4"><p>一、第一部分</p></td></tr>' +
      '<tr><td><p>1</p></td><td><p>任务一&amp;甲</p></td><td rowspan="2"><p>区经发局</p><p>区财政局</p></td><td><p>2025年6月底前</p></td></tr>' +
      '<tr><td><p>2</p></td><td><p>任务二</p></td><td><p>2025年年底前</p></td></tr></table><p>结尾</p>';
    const blocks = docxBlocks(html);
    expect(blocks[0]).toEqual({ type: 'paragraph', text: '某某工作方案' });
    expect(blocks[1]).toEqual({
      type: 'table',
      grid: [
        ['序号', '工作任务', '牵头单位', '完成时限'],
        ['一、第一部分', '', '', ''],
        ['1', '任务一&甲', '区经发局\n区财政局', '2025年6月底前'],
        ['2', '任务二', '区经发局\n区财政局', '2025年年底前'],
      ],
    });
    expect(blocks[2]).toEqual({ type: 'paragraph', text: '结尾' });
  });

  it('reads a header of two rows, 责任单位 over 牵头单位 and 配合单位, as those two columns', () => {
    // A Word table's grid: the merged-down cells repeat, the merged-across 责任单位 fills its
    // first column only.
    const header = findHeaderRow([
      ['序号', '工作任务', '责任单位', '', '完成时限'],
      ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '推行证照分离改革。', '区经发局', '区财政局、区审计局', '2025年6月底前'],
    ]);
    expect(header?.index).toBe(1);
    expect(header?.columns.map((c) => [c.name, c.kind])).toEqual([
      ['序号', 'number'],
      ['工作任务', 'title'],
      ['牵头单位', 'lead'],
      ['配合单位', 'co'],
      ['完成时限', 'deadline'],
    ]);
    // Pasted text: the cells below a merged-down heading are blank.
    const pasted = readPlanText(
      [
        '某县2025年重点任务分工方案',
        '序号\t工作任务\t责任单位\t\t完成时限',
        '\t\t牵头单位\t配合单位\t',
        '1\t推行证照分离改革。\t区经发局\t区财政局、区审计局\t2025年6月底前',
      ].join('\n'),
    );
    const items = parsePlan(renderPlanSource(pasted).text).sections.flatMap((s) => s.items);
    expect(items.map((i) => i.units.map((u) => `${u.role}:${u.name}`))).toEqual([
      ['lead:区经发局', 'co:区财政局', 'co:区审计局'],
    ]);
    // A first task row, or a category row spanning the table, is no second header row.
    expect(
      findHeaderRow([
        ['序号', '工作任务', '牵头单位', '完成时限'],
        ['1', '推行证照分离改革。', '区经发局', '2025年6月底前'],
      ])?.index,
    ).toBe(0);
    const category = findHeaderRow([
      ['序号', '工作任务', '责任单位', '完成时限'],
      ['重点任务', '', '', ''],
      ['1', '推行证照分离改革。', '区经发局', '2025年6月底前'],
    ]);
    expect(category?.index).toBe(0);
    expect(category?.columns.map((c) => c.kind)).toEqual(['number', 'title', 'listed', 'deadline']);
  });

  it('reads tab-separated text into columns, renumbers numbers that restart, and renders for the parser', () => {
    const doc = readPlanText(
      [
        '测试任务清单',
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限\t备注',
        '一、第一类',
        '1\t任务甲。\t区经发局\t区财政局\t2025年6月底前\t',
        '二、第二类',
        '1\t任务乙。\t区财政局\t\t2025年9月底前\t按季度报送',
        '确保2025年年底前全面完成。',
      ].join('\n'),
    );
    expect(doc.table?.columns.map((c) => c.kind)).toEqual([
      'number',
      'title',
      'lead',
      'co',
      'deadline',
      'other',
    ]);
    const { text, columns } = renderPlanSource(doc);
    expect(columns).toHaveLength(6);
    const result = parsePlan(text);
    const items = result.sections.flatMap((s) => s.items);
    expect(result.sections.map((s) => s.title)).toEqual(['第一类', '第二类']);
    expect(items.map((i) => i.number)).toEqual([1, 2]);
    expect(items[0].units.map((u) => `${u.role}:${u.name}`)).toEqual([
      'lead:区经发局',
      'co:区财政局',
    ]);
    expect(items[1].dueOn).toBe('2025-09-30');
    expect(items[1].body).toContain('按季度报送');
    expect(result.plan.defaultDueOn).toBe('2025-12-31');
  });

  it('keeps a Word table’s 推进情况 column in the body and never reads a date from it', () => {
    const header = findHeaderRow([
      ['序号', '工作任务', '责任单位', '完成时限', '推进情况'],
      ['1', '推进重点项目开工建设。', '区发改委', '2024年12月底前', '一季度新开工项目8个。'],
    ]);
    expect(header?.columns.map((c) => c.kind)).toEqual([
      'number',
      'title',
      'listed',
      'deadline',
      'progress',
    ]);
    const table: SourceTable = {
      before: ['某区2024年重点工作推进情况表'],
      after: [],
      columns: [],
      rows: [],
      sources: [],
    };
    appendGrid(
      table,
      [
        ['序号', '工作任务', '责任单位', '完成时限', '推进情况'],
        ['1', '推进重点项目开工建设。', '区发改委', '2024年12月底前', '一季度新开工项目8个。'],
      ],
      header!,
      '表1',
      (i) => `第${i + 1}行`,
    );
    const [item] = parsePlan(renderTable(table, table.columns)).sections.flatMap((s) => s.items);
    expect([item.dueOn, item.deadlines.map((d) => d.text)]).toEqual([
      '2024-12-31',
      ['2024年12月底前'],
    ]);
    expect(item.body).toContain('一季度新开工项目8个');
  });

  it('applies a correction: a column read as another kind, or not read', () => {
    const doc = readPlanText(
      ['序号\t任务\t责任单位\t完成时限', '1\t任务甲。\t区经发局、区财政局\t2025年6月底前'].join(
        '\n',
      ),
    );
    const asLead = parsePlan(renderPlanSource(doc, [{ index: 3, kind: 'ignore' }]).text);
    expect(asLead.sections[0].items[0].deadlines).toEqual([]);
    expect(() => renderPlanSource(doc, [{ index: 9, kind: 'lead' }])).toThrow(PlanFileError);
    expect(() => renderPlanSource({ text: 'x' }, [{ index: 0, kind: 'lead' }])).toThrow(
      '没有识别为表格',
    );
  });

  it('reads a table after a notice, split by runs of spaces, with merged cells left blank', () => {
    const doc = readPlanText(
      [
        '关于印发某县营商环境实施方案的通知',
        '一、总体要求',
        '各单位要抓好落实，确保2025年底前全面完成。',
        '附件：重点任务清单',
        '序号　　工作任务　　牵头单位　　配合单位　　完成时限',
        '1　　推行“一件事一次办”　　县政务服务中心　　县直各相关部门　　2025年6月底前',
        '2　　压缩企业开办时间　　县市场监管局　　县税务局　　每季度',
      ].join('\n'),
    );
    expect(doc.table?.before).toHaveLength(4);
    expect(doc.table?.columns.map((c) => c.kind)).toEqual([
      'number',
      'title',
      'lead',
      'co',
      'deadline',
    ]);
    const result = parsePlan(renderPlanSource(doc).text);
    const items = result.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.units.map((u) => `${u.role}:${u.name}`))).toEqual([
      ['lead:县政务服务中心', 'co:县直各相关部门'],
      ['lead:县市场监管局', 'co:县税务局'],
    ]);
    expect(result.plan.defaultDueOn).toBe('2025-12-31');
  });

  it('fills blanks of pasted text from the merged cell above, but not those of a Word table', () => {
    const pasted = readPlanText(
      [
        '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
        '1\t任务甲\t区经发局\t区财政局\t2025年6月底前',
        '2\t任务乙\t\t\t',
      ].join('\n'),
    );
    expect(pasted.table?.rows[1]).toMatchObject({
      cells: ['2', '任务乙', '区经发局', '区财政局', '2025年6月底前'],
    });
    const html =
      '<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>完成时限</td></tr>' +
      '<tr><td>1</td><td>任务甲</td><td>区经发局</td><td>2025年6月底前</td></tr>' +
      '<tr><td>2</td><td>任务乙</td><td>区财政局</td><td></td></tr></table>';
    const [block] = docxBlocks(html);
    const table = { before: [], after: [], columns: [], rows: [], sources: [] } as SourceTable;
    const grid = (block as { grid: string[][] }).grid;
    appendGrid(table, grid, findHeaderRow(grid)!, 'Word 表格 1', (r) => String(r));
    const items = parsePlan(renderTable(table, table.columns)).sections.flatMap((s) => s.items);
    expect(items.map((i) => i.dueOn)).toEqual(['2025-06-30', undefined]);
  });

  it('renders rows under one 序号 (merged: repeated in a grid) as measures of one task', () => {
    const table = { before: [], after: [], columns: [], rows: [], sources: [] } as SourceTable;
    const grid = [
      ['序号', '重点任务', '具体措施', '牵头单位'],
      ['1', '优化服务', '压缩时限。', '区政务服务中心'],
      ['1', '优化服务', '推行并联审批。', '区住建局'],
      ['2', '加强监管', '开展检查。', '区市场监管局'],
    ];
    appendGrid(table, grid, findHeaderRow(grid)!, '工作表“任务”', (r) => String(r));
    const items = parsePlan(renderTable(table, table.columns)).sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.number, i.title, i.tasks.map((t) => t.units[0].name)])).toEqual([
      [1, '优化服务', ['区政务服务中心', '区住建局']],
      [2, '加强监管', []],
    ]);
  });

  it('leaves prose alone', () => {
    expect(readPlanText('一、总体要求\n(一)指导思想。').table).toBeUndefined();
  });
});
