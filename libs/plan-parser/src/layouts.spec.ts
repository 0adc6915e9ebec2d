import {
  CHAPTER_PLAN,
  LEAD_CO_PLAN,
  NUMBERED_MEASURES_PLAN,
  TABLE_PLAN,
} from './__fixtures__/layouts';
import { parsePlan } from './parse-plan';
import type { Item, ParseResult, UnitRef } from './types';

const itemsOf = (r: ParseResult): Item[] => r.sections.flatMap((s) => s.items);
const roles = (units: UnitRef[]) => units.map((u) => `${u.name}:${u.role}`);

describe('牵头单位 / 配合单位 layout with tasks under items', () => {
  const result = parsePlan(LEAD_CO_PLAN);
  const [first, second, third] = itemsOf(result);

  it('reads 一、 as sections, (一) as items and 1. as tasks', () => {
    expect(result.sections.map((s) => [s.numberText, s.title, s.items.length])).toEqual([
      ['一', '工作目标', 0],
      ['二', '重点任务', 3],
      ['三', '保障措施', 0],
    ]);
    expect(second.tasks.map((t) => [t.number, t.title])).toEqual([
      [1, '推进“一网通办”'],
      [2, '压缩审批时限'],
    ]);
  });

  it('keeps chapter text without items as the chapter intro and marks goal chapters as preamble', () => {
    expect(result.sections[0]).toMatchObject({
      preamble: true,
      intro: '到2023年底,营商环境评价进入全省前列。',
    });
    expect(result.sections[1].preamble).toBe(false);
  });

  it('follows explicit 牵头/配合 in brackets with full-width colons', () => {
    expect(roles(first.units)).toEqual(['区发改委:lead', '区财政局:co', '区市场监管局:co']);
    expect(first.units.every((u) => u.roleSource === 'label')).toBe(true);
  });

  it('reads unbracketed 牵头单位:…;配合单位:… and the postfix 牵头/配合 form per task', () => {
    expect(roles(second.tasks[0].units)).toEqual(['区行政服务中心:lead', '各乡镇人民政府:co']);
    expect(roles(second.tasks[1].units)).toEqual([
      '区住建局:lead',
      '区自然资源局:co',
      '区生态环境分局:co',
    ]);
  });

  it('gives an item whose units are all in its tasks the union of them', () => {
    expect(roles(second.units)).toEqual([
      '区行政服务中心:lead',
      '各乡镇人民政府:co',
      '区住建局:lead',
      '区自然资源局:co',
      '区生态环境分局:co',
    ]);
  });

  it('reads unit lines below the item text', () => {
    expect(roles(third.units)).toEqual(['区市场监管局:lead', '区直各相关部门:co']);
    expect(third.body).toBe('推进“双随机、一公开”监管全覆盖。');
    expect(third.lineEnd).toBe(third.line + 2);
  });

  it('dates tasks by their own deadline, else by the item, and finds the default in the closing chapter', () => {
    expect(result.plan).toMatchObject({
      defaultDueOn: '2023-12-31',
      defaultDueOnSource: 'closing',
    });
    expect(second.tasks[0].dueOn).toBe('2023-06-30');
    expect(second.tasks[1].deadlines).toEqual([
      expect.objectContaining({ kind: 'relative', workingDays: 60 }),
    ]);
    expect(second.tasks[1].dueOn).toBe('2023-12-31');
  });

  it('raises no warning on a clean plan', () => {
    expect(result.warnings).toEqual([]);
  });
});

describe('numbered measures (1.) as items under 一、 sections', () => {
  const result = parsePlan(NUMBERED_MEASURES_PLAN);
  const items = itemsOf(result);

  it('makes the numbered measures the items, numbered straight through', () => {
    expect(items.map((i) => [i.number, i.numberText, i.title])).toEqual([
      [1, '1', '深入学习贯彻习近平法治思想'],
      [2, '2', '落实法治建设第一责任人职责'],
      [3, '3', '加强行政规范性文件管理'],
      [4, '4', '严格落实重大行政决策程序'],
    ]);
    expect(result.sections.map((s) => s.items.length)).toEqual([2, 2]);
  });

  it('reads 责任单位: without brackets and in 〔〕, [] and 【】', () => {
    expect(items.map((i) => i.units.map((u) => u.name))).toEqual([
      ['县委依法治县办', '县司法局'],
      ['县委组织部', '县司法局'],
      ['县司法局', '县直各有关单位'],
      ['县政府办公室', '各乡镇人民政府'],
    ]);
  });

  it('takes the period of an annual plan from its title', () => {
    expect(result.plan).toMatchObject({
      title: '某县2024年法治政府建设工作要点',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      defaultDueOn: '2024-12-31',
      defaultDueOnSource: 'period',
    });
    expect(items[2].dueOn).toBe('2024-09-30');
    expect(items[0].deadlines[0]).toMatchObject({ kind: 'recurring', count: 4, per: 'year' });
  });
});

describe('a task table flattened to text', () => {
  const result = parsePlan(TABLE_PLAN);
  const items = itemsOf(result);

  it('reads rows split by tabs and by runs of spaces as items, 一、 lines as sections', () => {
    expect(result.plan.layout).toBe('table');
    expect(result.plan.title).toBe('某区法治政府建设重点任务分工表');
    expect(result.sections.map((s) => [s.numberText, s.title, s.items.length])).toEqual([
      ['一', '依法全面履行政府职能', 2],
      ['二', '推进严格规范公正文明执法', 2],
    ]);
    expect(items.map((i) => [i.number, i.title])).toEqual([
      [1, '推进政府机构职能优化'],
      [2, '深化行政审批制度改革'],
      [3, '开展行政执法案卷评查'],
      [4, '推进综合行政执法改革'],
    ]);
  });

  it('takes roles from the 牵头单位 and 配合单位 columns', () => {
    expect(roles(items[0].units)).toEqual(['区委编办:lead', '区人社局:co', '区财政局:co']);
    expect(roles(items[3].units)).toEqual(['区综合执法局:lead', '区司法局:lead', '各镇(街道):co']);
  });

  it('reads the 完成时限 column as the deadline', () => {
    expect(items.map((i) => i.dueOn)).toEqual([
      '2023-06-30',
      undefined,
      '2023-12-31',
      '2024-06-30',
    ]);
    expect(items[2].deadlines.map((d) => d.kind)).toEqual(['date', 'recurring']);
  });

  it('warns about the item without a date when the plan has no default', () => {
    expect(result.warnings.map((w) => w.code)).toEqual([
      'NO_PERIOD',
      'NO_DEFAULT_DUE',
      'GROUP_REPAIRED',
    ]);
  });
});

describe('第一章 chapters with 一、 items restarting in each chapter', () => {
  const result = parsePlan(CHAPTER_PLAN);

  it('reads 第X章 as sections and 一、 as items', () => {
    expect(result.sections.map((s) => [s.number, s.title, s.items.map((i) => i.number)])).toEqual([
      [1, '总体要求', [1, 2]],
      [2, '主要任务', [1, 2]],
      [3, '保障措施', [1]],
    ]);
  });

  it('treats unit-less items of 总体要求 as preamble and warns about nothing', () => {
    expect(itemsOf(result).map((i) => i.preamble)).toEqual([true, true, false, false, false]);
    expect(result.warnings).toEqual([]);
  });

  it('makes 责任单位 co beside an explicit 牵头单位', () => {
    expect(roles(result.sections[1].items[1].units)).toEqual([
      '市大数据局:lead',
      '市直各相关部门:co',
    ]);
  });
});

describe('items over several paragraphs', () => {
  const text = [
    '某区工作方案(2023—2024年)',
    '一、主要任务',
    '(一)加强组织领导(牵头单位:区委办)',
    '成立工作专班，定期研究。',
    '2023年底前出台实施细则。',
    '(二)强化督查',
    '开展专项督查。',
    '责任单位:区督查室',
    '这一段不属于任何条目。',
    '(三)加强宣传。开展宣传。〔责任单位:区委宣传部〕',
  ].join('\n');
  const result = parsePlan(text);
  const items = itemsOf(result);

  it('keeps a heading with its units open for the paragraphs below it', () => {
    expect(items[0]).toMatchObject({
      title: '加强组织领导',
      body: '成立工作专班,定期研究。\n2023年底前出台实施细则。',
      dueOn: '2023-12-31',
      line: 3,
      lineEnd: 5,
    });
    expect(items[0].units.map((u) => u.name)).toEqual(['区委办']);
  });

  it('joins a unit list broken over two lines', () => {
    const broken = parsePlan(
      '某方案(2023—2024年)\n一、任务\n(一)甲。做。〔责任单位:区人劳局、\n区建设局、各镇()〕\n(二)乙。做。〔责任单位:区财政局〕',
    );
    const first = itemsOf(broken)[0];
    expect(first.units.map((u) => u.name)).toEqual(['区人劳局', '区建设局', '各镇(街道)']);
    expect([first.line, first.lineEnd]).toEqual([3, 4]);
    expect(broken.warnings.map((w) => w.code)).toEqual(['GROUP_REPAIRED']);
  });

  it('warns about a paragraph after a finished item instead of dropping it', () => {
    expect(items[1].units.map((u) => u.name)).toEqual(['区督查室']);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'UNRECOGNISED_PARAGRAPH',
        line: 9,
        text: '这一段不属于任何条目。',
      }),
    );
  });
});

describe('(1) and ① numbering', () => {
  it('reads (1) as tasks under (一) items', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、任务\n(一)加强领导\n(1)成立专班。〔责任单位:区委办〕\n(2)定期调度。〔责任单位:区督查室〕\n(二)强化保障。做好保障。〔责任单位:区财政局〕',
    );
    const [first, second] = itemsOf(result);
    expect(first.tasks.map((t) => [t.number, t.numberText, t.title, t.units[0].name])).toEqual([
      [1, '1', '成立专班', '区委办'],
      [2, '2', '定期调度', '区督查室'],
    ]);
    expect(second.tasks).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('reads ① as tasks under 1. items', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、任务\n1.加强领导\n①成立专班。〔责任单位:区委办〕\n②定期调度。〔责任单位:区督查室〕',
    );
    expect(itemsOf(result)[0].tasks.map((t) => [t.number, t.numberText])).toEqual([
      [1, '①'],
      [2, '②'],
    ]);
  });
});

describe('structure warnings', () => {
  it('warns about items without units outside the preamble', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、主要任务\n(一)加强领导。做好工作。\n(二)强化督查。开展督查。〔责任单位:区督查室〕',
    );
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'ITEM_WITHOUT_UNITS',
        line: 3,
        text: '(一)加强领导。做好工作。',
      }),
    ]);
  });

  it('warns about gaps in the numbering', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、任务\n(一)甲。做。〔责任单位:区财政局〕\n(三)乙。做。〔责任单位:区财政局〕\n三、保障\n(四)丙。做。〔责任单位:区财政局〕',
    );
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([
      ['NUMBERING', 4],
      ['NUMBERING', 5],
    ]);
    expect(result.warnings[0].message).toContain('应为2(二)');
  });

  it('warns about unknown group phrases once with their count', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、任务\n(一)甲。做。〔责任单位:区财政局,各有关社会组织〕\n(二)乙。做。〔责任单位:各有关社会组织〕',
    );
    const unknown = result.warnings.filter((w) => w.code === 'UNKNOWN_GROUP');
    expect(unknown).toEqual([expect.objectContaining({ line: 3, text: '各有关社会组织' })]);
    expect(unknown[0].message).toContain('共2处');
  });

  it('makes the measures of a chapter without (一) its items when (一) numbers only other chapters', () => {
    const result = parsePlan(
      [
        '某市市容整治行动方案(2024年)',
        '一、总体要求',
        '(一)指导思想。坚持以人民为中心。',
        '(二)工作目标。市容明显改观。',
        '二、整治任务',
        '1.整治占道经营。集中整治。(责任单位:市城管执法局)',
        '2.整治违法建设。全面排查。(责任单位:市自然资源和规划局,完成时限:2024年6月底前)',
        '三、保障措施',
        '(一)加强组织领导。成立领导小组。',
      ].join('\n'),
    );
    const [, tasks] = result.sections;
    expect(tasks.items.map((i) => [i.numberText, i.units.map((u) => u.name), i.dueOn])).toEqual([
      ['1', ['市城管执法局'], '2024-12-31'],
      ['2', ['市自然资源和规划局'], '2024-06-30'],
    ]);
    expect(result.warnings.map((w) => w.code)).not.toContain('TASK_OUTSIDE_ITEM');
  });

  it('takes the unit-less items of a closing 保障措施 or 实施步骤 chapter for context, not tasks', () => {
    const result = parsePlan(
      [
        '某县市容整治行动方案(2024年)',
        '一、整治任务',
        '(一)整治占道经营。集中整治。(责任单位:县城管执法局)',
        '二、实施步骤',
        '(一)动员部署阶段。制定方案。',
        '三、保障措施',
        '(一)加强组织领导。成立领导小组。',
        '(二)强化经费保障。所需经费列入预算。(责任单位:县财政局)',
        '四、完善社会保障机制',
        '(一)扩大参保覆盖。全民参保。',
      ].join('\n'),
    );
    expect(
      result.sections.flatMap((s) => s.items.map((i) => [s.title, i.title, i.preamble])),
    ).toEqual([
      ['整治任务', '整治占道经营', false],
      ['实施步骤', '动员部署阶段', true],
      ['保障措施', '加强组织领导', true],
      ['保障措施', '强化经费保障', false],
      ['完善社会保障机制', '扩大参保覆盖', false],
    ]);
    expect(result.warnings.filter((w) => w.code === 'ITEM_WITHOUT_UNITS')).toHaveLength(1);
  });

  it('gives the item one block of label lines below its last measure, shared by its measures', () => {
    const item = (n: number, unit: string, due: string) => [
      `${n}.整治第${n}项。`,
      '(1)集中整治。',
      '(2)规范管理。',
      `责任单位:${unit}`,
      `完成时限:${due}`,
    ];
    const result = parsePlan(
      [
        '某市市容整治行动方案(2024年)',
        '一、整治任务',
        ...item(1, '市城管执法局、冷水滩区人民政府', '2024年6月底前'),
        ...item(2, '市交通运输局', '2024年9月底前'),
        ...item(3, '市自然资源和规划局', '2024年12月底前'),
      ].join('\n'),
    );
    const items = result.sections[0].items;
    expect(
      items.map((i) => [i.numberText, i.units.map((u) => u.name), i.dueOn, i.tasks.length]),
    ).toEqual([
      ['1', ['市城管执法局', '冷水滩区人民政府'], '2024-06-30', 2],
      ['2', ['市交通运输局'], '2024-09-30', 2],
      ['3', ['市自然资源和规划局'], '2024-12-31', 2],
    ]);
  });

  it('opens tasks with the level below the measures of a chapter whose measures are its items', () => {
    const result = parsePlan(
      [
        '某市市容整治行动方案(2024年)',
        '一、总体要求',
        '(一)指导思想。坚持以人民为中心。',
        '二、整治任务',
        '1.整治违法建设。全面排查。(责任单位:市自然资源局)',
        '2.整治占道经营。',
        '(1)集中整治。(责任单位:市城管执法局)',
        '(2)规范摊点。(责任单位:市市场监管局)',
      ].join('\n'),
    );
    const units = result.sections[1].items.flatMap((i) => [
      ...i.units.map((u) => u.name),
      ...i.tasks.flatMap((t) => t.units.map((u) => u.name)),
    ]);
    expect(new Set(units)).toEqual(new Set(['市自然资源局', '市城管执法局', '市市场监管局']));
    expect(result.closing).toEqual([]);
    expect(result.warnings.map((w) => w.code)).not.toContain('UNRECOGNISED_PARAGRAPH');
  });

  it('keeps every line of a fourth level under the measure above it, units and all', () => {
    const result = parsePlan(
      [
        '某省数字政府建设实施方案(2024—2025年)',
        '第一章 重点任务',
        '一、构建平台支撑体系',
        '(一)集约建设政务云。推进政务云扩容升级。(牵头单位:省数据局)',
        '(二)建设一体化数据资源体系。',
        '1.完善数据共享平台。(牵头单位:省数据局)',
        '2.建设基础库。(牵头单位:省公安厅)',
        '3.推进公共数据开放。(牵头单位:省数据局)',
        '(三)强化网络安全保障。落实等级保护制度。(牵头单位:省委网信办)',
      ].join('\n'),
    );
    const second = result.sections[0].items[1];
    expect(second.tasks.map((t) => [t.title, t.units.map((u) => u.name)])).toEqual([
      ['完善数据共享平台', ['省数据局']],
      ['建设基础库', ['省公安厅']],
      ['推进公共数据开放', ['省数据局']],
    ]);
    expect(result.warnings.map((w) => w.code)).not.toContain('UNRECOGNISED_PARAGRAPH');
  });

  it('warns about a numbered measure that stands outside any item', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、任务\n说明。\n1.先行措施。\n(一)甲。做。〔责任单位:区财政局〕\n(二)乙\n1.措施。〔责任单位:区人劳局〕',
    );
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'TASK_OUTSIDE_ITEM', line: 4 }),
    );
  });

  it('matches units against a directory and proposes the unknown ones', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、任务\n(一)甲。做。〔责任单位:经发局、区新设局〕',
      {
        directory: [{ id: 'j', name: '区经发局' }],
      },
    );
    const [known, unknown] = itemsOf(result)[0].units;
    expect(known.match).toMatchObject({ kind: 'prefix', entry: { id: 'j' } });
    expect(unknown.match).toMatchObject({ kind: 'none', proposal: { name: '区新设局' } });
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'UNIT_NOT_IN_DIRECTORY', line: 3, text: '区新设局' }),
    ]);
  });
});
