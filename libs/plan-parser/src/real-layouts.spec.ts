import { parsePlan } from './parse-plan';
import type { ParseResult } from './types';

/*
 * The layouts issue 14 lists, each in a small plan written in the manner of real documents, so
 * a rule is checked on a text it was not written for.
 */

const itemsOf = (r: ParseResult) => r.sections.flatMap((s) => s.items);
const roles = (units: { name: string; role: string }[]) => units.map((u) => `${u.name}:${u.role}`);

describe('unit brackets that also say when, or hold names only', () => {
  const items = itemsOf(
    parsePlan(
      [
        '某区2024年城镇燃气安全专项整治工作方案',
        '一、排查整治',
        '（一）全面排查。对燃气用户开展全覆盖排查。（区建设局、区市场监管局负责，6月30日前完成）',
        '（二）集中整治。对隐患逐项整改销号。（区建设局牵头，各镇（街道）配合，2024年9月底前完成）',
        '（三）清偿账款。2024年9月30日前全部清偿到位。（区工信局、区财政局按职责分工负责，各镇（街道）落实属地责任）',
        '（四）吸纳就业。对招用高校毕业生的企业给予补贴。（区人劳局、区财政局）',
        '（五）强化督办。各单位每季度将进展报送区领导小组办公室（区发改委）。',
      ].join('\n'),
    ),
  );

  it('reads the units before a clause of time, and the time as the deadline', () => {
    expect(items.slice(0, 2).map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['区建设局:lead', '区市场监管局:co'], '2024-06-30'],
      [['区建设局:lead', '各镇(街道):co'], '2024-09-30'],
    ]);
  });

  it('reads 各镇（街道）落实属地责任 after the departments as a co-unit', () => {
    expect(roles(items[2].units)).toEqual(['区工信局:lead', '区财政局:co', '各镇(街道):co']);
  });

  it('reads a closing bracket of names only, the first leading', () => {
    expect(roles(items[3].units)).toEqual(['区人劳局:lead', '区财政局:co']);
  });

  it('takes no bracket that says which body a name is for a unit list', () => {
    expect(items[4].units).toEqual([]);
  });

  it('takes no bracket of names for the units when it says whom the work is about', () => {
    const read = itemsOf(
      parsePlan(
        [
          '某县2024年医疗卫生工作要点',
          '一、重点任务',
          '（一）开展绩效考核。对全县公立医疗机构开展绩效考核（不含县人民医院、县中医院）。',
          '（二）统筹管理。由牵头医院统筹管理成员单位（其中县人民医院、县中医院为牵头医院）。',
          '（三）完善医共体制度。责任单位：县卫健局。年底前组建两个紧密型医共体（县人民医院、县中医院）。',
          '（四）加强数据统计。按月汇总数据。（县发改局牵头，县统计局按季度提供数据）',
        ].join('\n'),
      ),
    );
    expect(read.map((i) => [roles(i.units), i.tasks.length])).toEqual([
      [[], 0],
      [[], 0],
      [['县卫健局:lead'], 0],
      [[], 0],
    ]);
  });
});

describe('units in the national style, without labels', () => {
  const r = parsePlan(
    [
      '某省关于促进消费的实施意见',
      '一、重点任务',
      '（一）扩大汽车消费。开展汽车下乡活动。（工业和信息化部、发展改革委等按职责分工负责）',
      '（二）发展文旅消费。丰富产品供给。（文化和旅游部牵头，商务部、财政部参与）',
      '（三）加强组织实施。落实属地责任。（各省级人民政府负责）',
      '（四）优化环境。开展专项整治。（市场监管总局、商务部负责）推进信用监管。（发展改革委、人民银行负责）',
    ].join('\n'),
  );
  const [first, second, third, fourth] = itemsOf(r);

  it('reads …等按职责分工负责 with the first unit leading and 等 dropped', () => {
    expect(roles(first.units)).toEqual(['工业和信息化部:lead', '发展改革委:co']);
  });
  it('reads (…牵头，…参与)', () => {
    expect(roles(second.units)).toEqual(['文化和旅游部:lead', '商务部:co', '财政部:co']);
  });
  it('keeps a group that names no unit', () => {
    expect(third.units).toEqual([expect.objectContaining({ name: '各省级人民政府', group: true })]);
  });
  it('makes each unit group closing a sentence a task of the item, with its own units', () => {
    expect(fourth.tasks.map((t) => [t.title, t.units.map((u) => u.name)])).toEqual([
      ['优化环境', ['市场监管总局', '商务部']],
      ['推进信用监管', ['发展改革委', '人民银行']],
    ]);
    expect(fourth.units.map((u) => u.name)).toEqual([
      '市场监管总局',
      '商务部',
      '发展改革委',
      '人民银行',
    ]);
  });
  it('reads the title of an 实施意见', () => {
    expect(r.plan.title).toBe('某省关于促进消费的实施意见');
  });
});

describe('unit lists as real documents write them', () => {
  const r = parsePlan(
    [
      '关于印发《某县2024年优化营商环境工作安排》的通知',
      '某县2024年优化营商环境工作安排',
      '一、重点工作',
      '1.推进审批提速。按照昆政办〔2024〕6号要求压减时限。(牵头单位:县发展改革局,责任单位:各乡、镇人民政府,经开区、东北新城管委会)',
      '2.改善交通。优化线路。〔责任单位：示范区交通运输局、住房和城乡建设局、县直相关单位、属地人民政府〕',
      '3.做好服务。提升效能。[牵头单位:示范区发展改革和统计局(商务局);配合单位:乡镇人民政府]',
      '4.加强保障。落实经费。',
      '责任单位：县财政局、各有关部门',
    ].join('\n'),
  );
  const [first, second, third, fourth] = itemsOf(r);

  it('takes the plan title from the printing notice wrapper or its own line', () => {
    expect(r.plan.title).toBe('某县2024年优化营商环境工作安排');
    expect(r.plan.periodEnd).toBe('2024-12-31');
  });
  it('splits shared suffixes and never takes a 文号 for a unit', () => {
    expect(roles(first.units)).toEqual([
      '县发展改革局:lead',
      '各乡人民政府:co',
      '各镇人民政府:co',
      '经开区管委会:co',
      '东北新城管委会:co',
    ]);
    expect(first.units.map((u) => u.name).join()).not.toContain('2024');
  });
  it('gives the area written on the first unit to the departments after it, groups kept', () => {
    expect(second.units.map((u) => [u.name, u.group])).toEqual([
      ['示范区交通运输局', false],
      ['示范区住房和城乡建设局', false],
      ['县直相关单位', true],
      ['属地人民政府', true],
    ]);
  });
  it('keeps a bracketed function and reads 乡镇人民政府 as a group', () => {
    expect(third.units[0]).toMatchObject({
      name: '示范区发展改革和统计局(商务局)',
      bracket: '商务局',
      role: 'lead',
    });
    expect(third.units[1]).toMatchObject({ name: '乡镇人民政府', group: true, role: 'co' });
  });
  it('reads units on a line of their own after the item', () => {
    expect(fourth.units.map((u) => u.name)).toEqual(['县财政局', '各有关部门']);
    expect(r.warnings.filter((w) => /UNIT|GROUP/.test(w.code))).toEqual([]);
  });
});

describe('units given once for a chapter', () => {
  it('gives a unit line before the chapter’s items to each of them', () => {
    const r = parsePlan(
      [
        '某区工作要点',
        '一、优化服务',
        '牵头单位:区政务服务中心;配合单位:区直各相关部门',
        '(一)推进一网通办。2024年6月底前上线。',
        '(二)推进一窗受理。完善窗口设置。',
        '二、强化保障',
        '(三)加强督查。开展督查。〔责任单位:区督查室〕',
      ].join('\n'),
    );
    const items = itemsOf(r);
    expect(items.map((i) => [i.unitsFrom, i.units.map((u) => u.name)])).toEqual([
      ['section', ['区政务服务中心', '区直各相关部门']],
      ['section', ['区政务服务中心', '区直各相关部门']],
      ['item', ['区督查室']],
    ]);
    expect(items[0].dueOn).toBe('2024-06-30');
  });
});

describe('four levels 一、/（一）/1./（1）', () => {
  it('makes the numbered measures the items when they carry the units, (1) their tasks', () => {
    const r = parsePlan(
      [
        '某市行动方案',
        '一、扩大投资',
        '（一）加快项目建设',
        '1.推进重大项目。（1）加快前期。（2）加快开工。（责任单位：市发展改革委）',
        '2.强化要素保障。落实用地。（责任单位：市自然资源局）',
        '（二）激发民间投资',
        '3.支持民营企业。落实政策。（责任单位：市工信局）',
        '（1）开展银企对接。',
        '（2）开展政策宣讲。',
      ].join('\n'),
    );
    const items = itemsOf(r);
    expect(items.map((i) => [i.numberText, i.under?.title, i.units.map((u) => u.name)])).toEqual([
      ['1', '加快项目建设', ['市发展改革委']],
      ['2', '加快项目建设', ['市自然资源局']],
      ['3', '激发民间投资', ['市工信局']],
    ]);
    expect(r.warnings.filter((w) => w.code === 'ITEM_WITHOUT_UNITS')).toEqual([]);
  });

  it('keeps (1) lines under 总体要求’s 工作目标 in its text', () => {
    const r = parsePlan(
      [
        '某县2024年医疗卫生工作要点',
        '一、总体要求',
        '（一）工作目标。到2024年底实现以下目标：',
        '（1）县域就诊率达到90%。',
        '（2）基层诊疗量占比达到65%。',
        '二、重点任务',
        '（一）推进医共体建设。',
        '1.组建医共体。责任单位：县卫健局。',
        '2.统一药品目录。责任单位：县医保局。',
        '3.推进信息互通。责任单位：县数据局。',
      ].join('\n'),
    );
    const [goals] = r.sections;
    expect(goals.items.map((i) => [i.title, i.preamble, i.tasks.length])).toEqual([
      ['工作目标', true, 0],
    ]);
    expect(goals.items[0].body).toContain('基层诊疗量占比达到65%');
  });

  it('makes (1) lines straight under a (一) its tasks when the plan uses 1. elsewhere', () => {
    const r = parsePlan(
      [
        '某县2024年法治政府建设工作要点',
        '一、化解矛盾纠纷',
        '（一）推进信访法治化。',
        '（1）畅通信访渠道。2024年6月底前完成。责任单位：县信访局。',
        '（2）规范信访程序。2024年9月底前完成。责任单位：县司法局。',
        '二、加强学习宣传',
        '1.开展专题学习。责任单位：县委办公室。',
        '2.开展普法宣传。责任单位：县司法局。',
      ].join('\n'),
    );
    const [first, ...others] = itemsOf(r);
    expect([first.title, roles(first.units)]).toEqual([
      '推进信访法治化',
      ['县信访局:lead', '县司法局:lead'],
    ]);
    expect(first.tasks.map((t) => [t.numberText, t.title, roles(t.units), t.dueOn])).toEqual([
      ['1', '畅通信访渠道', ['县信访局:lead'], '2024-06-30'],
      ['2', '规范信访程序', ['县司法局:lead'], '2024-09-30'],
    ]);
    expect(others.map((i) => i.title)).toEqual(['开展专题学习', '开展普法宣传']);
    expect(r.warnings.filter((w) => w.code === 'UNRECOGNISED_PARAGRAPH')).toEqual([]);
  });
});

describe('deadlines and the dates that are not', () => {
  const r = parsePlan(
    [
      '某县2024年工作安排',
      '一、任务',
      '（一）甲。年底前完成清理，10月25日前报送方案，四季度开展评估。〔责任单位：县司法局〕',
      '（二）乙。12月上旬完成验收，2024年2月底前完成整改。〔责任单位：县住建局〕',
      '（三）丙。本方案印发之日起30日内制定细则，收到申请后20个工作日内办结。〔责任单位：县政务服务中心〕',
      '（四）丁。对2024年3月31日之前供应的地块，以及2021年11月24日前取得许可的项目，给予支持。〔责任单位：县自然资源局〕',
    ].join('\n'),
  );
  const items = itemsOf(r);
  const dues = (i: number) => items[i].deadlines.map((d) => `${d.text}=${d.dueOn ?? d.kind}`);

  it('takes the year from the document', () => {
    expect(dues(0)).toEqual(['年底前=2024-12-31', '10月25日前=2024-10-25', '四季度=2024-12-31']);
    expect(dues(1)).toEqual(['12月上旬=2024-12-10', '2024年2月底前=2024-02-29']);
  });
  it('reads relative rules', () => {
    expect(items[2].deadlines).toEqual([
      expect.objectContaining({ kind: 'relative', days: 30 }),
      expect.objectContaining({ kind: 'relative', workingDays: 20 }),
    ]);
  });
  it('keeps conditions and cut-offs apart from deadlines, and warns with their line', () => {
    expect(items[3].deadlines).toEqual([]);
    expect(items[3].otherDates?.map((d) => [d.text, d.reason, d.endOn])).toEqual([
      ['2024年3月31日之前', 'condition', '2024-03-31'],
      ['2021年11月24日前', 'condition', '2021-11-24'],
    ]);
    expect(
      r.warnings.filter((w) => w.code === 'DATE_NOT_DEADLINE').map((w) => [w.line, w.text]),
    ).toEqual([
      [6, '2024年3月31日之前'],
      [6, '2021年11月24日前'],
    ]);
  });
});

describe('a measure whose text starts with a year or a number', () => {
  it('reads 2.2024年底前… and 1、2024年… as measures, and a line of 1.5亿元 as text', () => {
    const r = parsePlan(
      [
        '某市2024年数字经济工作要点',
        '一、重点任务',
        '（一）推进新型基础设施建设。',
        '1.加快5G基站建设。（市工业和信息化局负责）',
        '2.2024年底前建成千兆光网。（市通信发展管理办公室负责）',
        '（二）培育数据要素市场。',
        '1、2024年6月底前建成数据交易平台。（市数据局负责）',
        '1.5亿元用于平台建设。',
      ].join('\n'),
    );
    const items = itemsOf(r);
    expect(items.map((i) => [i.numberText, i.title, i.dueOnSource])).toEqual([
      ['1', '加快5G基站建设', 'plan'],
      ['2', '2024年底前建成千兆光网', 'item'],
      ['1', '2024年6月底前建成数据交易平台', 'item'],
    ]);
    expect(items[2].body).toContain('1.5亿元用于平台建设');
  });
});

describe('item numbers Word and WPS write as one character', () => {
  it('reads ㈠ as (一), ⑴ as (1) and ⒈ as 1.', () => {
    const r = parsePlan(
      [
        '某县2024年法治政府建设工作要点',
        '一、推进政府职能转变',
        '㈠深化“放管服”改革。6月30日前完成权责清单调整。责任单位：县政务服务中心。',
        '㈡优化营商环境。2024年内完成政策清理。责任单位：县市场监管局。',
        '二、化解矛盾纠纷',
        '㈢推进信访法治化。⑴畅通信访渠道。⑵规范信访程序。责任单位：县信访局。',
      ].join('\n'),
    );
    expect(
      r.sections.map((s) => [
        s.title,
        s.items.map((i) => [i.numberText, i.title, i.dueOn ?? null]),
      ]),
    ).toEqual([
      [
        '推进政府职能转变',
        [
          ['一', '深化“放管服”改革', '2024-06-30'],
          ['二', '优化营商环境', '2024-12-31'],
        ],
      ],
      ['化解矛盾纠纷', [['三', '推进信访法治化', '2024-12-31']]],
    ]);
  });
});

describe('limits in months from the issue date, and duties due by a date each year', () => {
  const items = itemsOf(
    parsePlan(
      [
        '某县优化营商环境实施方案',
        '一、主要任务',
        '（一）清理规章。自本方案印发之日起3个月内完成清理。每年3月底前向县政府报告上一年度工作情况。（责任单位：县司法局）',
        '（二）建立台账。本方案印发之日起六个月内建立台账。（责任单位：县财政局）',
        '某县人民政府办公室',
        '2024年11月30日',
      ].join('\n'),
    ),
  );

  it('dates 印发之日起3个月内 on the matching day, or the month’s end that has none', () => {
    expect(items.map((i) => i.deadlines[0])).toEqual([
      expect.objectContaining({
        text: '3个月内',
        kind: 'relative',
        months: 3,
        dueOn: '2025-02-28',
      }),
      expect.objectContaining({
        text: '六个月内',
        kind: 'relative',
        months: 6,
        dueOn: '2025-05-30',
      }),
    ]);
    expect(items.map((i) => i.dueOn)).toEqual(['2025-02-28', '2025-05-30']);
  });

  it('keeps 每年3月底前 as a yearly duty with its subject, not one date', () => {
    expect(items[0].deadlines[1]).toEqual(
      expect.objectContaining({
        text: '每年3月底前',
        kind: 'recurring',
        count: 1,
        per: 'year',
        subject: '每年3月底前向县政府报告上一年度工作情况',
      }),
    );
  });
});

describe('warnings, not silence', () => {
  it('warns about a line it cannot place and a unit phrase it cannot split, with their lines', () => {
    const r = parsePlan(
      [
        '某区工作方案',
        '一、任务',
        '（一）甲。做好工作。〔责任单位：区财政局〕',
        '这一段落在两个条目之间。',
        '（二）乙。做好工作。〔责任单位：区财政局，做好衔接工作〕',
      ].join('\n'),
    );
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual(
      expect.arrayContaining([
        ['UNRECOGNISED_PARAGRAPH', 4],
        ['UNIT_NOT_SPLIT', 5],
      ]),
    );
  });
});

describe('PDF page breaks', () => {
  it('joins a sentence and a unit list broken across lines', () => {
    const r = parsePlan(
      [
        '某县若干措施',
        '一、优化审批',
        '对符合条件的项目，并同步',
        '报审规划方案。（牵头单位：县自然资源局，责任单位：经开区、东',
        '北新城管委会）',
        '二、加强监管',
        '开展检查。（责任单位：县住建局）',
      ].join('\n'),
    );
    const [first] = itemsOf(r);
    expect(first.body).toContain('并同步报审规划方案');
    expect(first.units.map((u) => u.name)).toEqual([
      '县自然资源局',
      '经开区管委会',
      '东北新城管委会',
    ]);
    expect(first.lineEnd).toBe(5);
  });
});

/*
 * Tables inside documents: a 实施方案 whose body states the tasks in prose and whose annex lists
 * them with their units, pasted as text the way it arrives from Word (tabs, or runs of spaces
 * where a table became text), with merged cells left blank below their first row.
 */
const PLAN_BODY = [
  '关于印发《某县优化营商环境三年行动实施方案（2024—2026年）》的通知',
  '某政办〔2024〕12号',
  '各乡镇人民政府，县直各单位：',
  '现将《某县优化营商环境三年行动实施方案（2024—2026年）》印发给你们，请认真贯彻落实。',
  '某县人民政府办公室',
  '2024年3月5日',
  '某县优化营商环境三年行动实施方案（2024—2026年）',
  '一、指导思想',
  '以习近平新时代中国特色社会主义思想为指导，持续优化营商环境。',
  '二、重点任务',
  '（一）提升政务服务效能。推进高效办成一件事。',
  '（二）强化要素保障。保障项目用地。',
  '三、保障措施',
  '各单位要加强组织领导，确保2026年底前全面完成各项任务。',
  '附件：某县优化营商环境重点任务清单',
];
const ANNEX_ROWS = [
  ['1', '推行“一件事一次办”', '县政务服务中心', '县直各相关部门', '2024年底前'],
  ['2', '压缩企业开办时间', '县市场监管局', '县税务局、县公安局', '每季度'],
  ['3', '推进工程建设项目审批改革', '', '', ''],
  ['4', '开展“双随机、一公开”监管', '县市场监管局', '', '长期坚持'],
  ['5', '保障重点项目用地', '县自然资源局', '各乡镇人民政府', '持续推进'],
];
const annex = (separator: string, rows = ANNEX_ROWS) => [
  '附件',
  '某县优化营商环境重点任务清单',
  ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'].join(separator),
  ...rows.map((r) => r.join(separator)),
];

describe('a 任务清单 annex after the body (序号/工作任务/牵头单位/配合单位/完成时限)', () => {
  const r = parsePlan([...PLAN_BODY, ...annex('\t')].join('\n'));
  const items = itemsOf(r);

  it('makes the annex rows the items and keeps the body as the preface', () => {
    expect(items.map((i) => i.title)).toEqual([
      '推行“一件事一次办”',
      '压缩企业开办时间',
      '推进工程建设项目审批改革',
      '开展“双随机、一公开”监管',
      '保障重点项目用地',
    ]);
    expect(items.every((i) => i.units.length > 0)).toBe(true);
    expect(r.preface.map((p) => p.text)).toContain('(一)提升政务服务效能。推进高效办成一件事。');
  });
  it('reads the plan’s own title, 文号, signature and period, not the annex title', () => {
    expect(r.plan).toMatchObject({
      title: '某县优化营商环境三年行动实施方案(2024—2026年)',
      docNumber: '某政办〔2024〕12号',
      issuers: ['某县人民政府办公室'],
      issuedOn: '2024-03-05',
      periodEnd: '2026-12-31',
      defaultDueOn: '2026-12-31',
    });
  });
  it('reads roles by column and takes a merged (blank) lead and deadline from the row above', () => {
    expect(roles(items[0].units)).toEqual(['县政务服务中心:lead', '县直各相关部门:co']);
    expect(roles(items[1].units)).toEqual(['县市场监管局:lead', '县税务局:co', '县公安局:co']);
    expect(roles(items[2].units)).toEqual(['县市场监管局:lead', '县税务局:co', '县公安局:co']);
    // A blank 配合单位 beside the row's own 牵头单位 means no co-unit.
    expect(roles(items[3].units)).toEqual(['县市场监管局:lead']);
  });
  it('dates 2024年底前, keeps 每季度 as a recurring target and 长期坚持/持续推进 on the plan’s date', () => {
    expect(items[0]).toMatchObject({ dueOn: '2024-12-31', dueOnSource: 'item' });
    expect(items[1].deadlines).toEqual([
      expect.objectContaining({ kind: 'recurring', per: 'quarter' }),
    ]);
    expect(items[2].deadlines).toEqual(
      items[1].deadlines.map((d) => ({ ...d, line: items[2].line })),
    );
    expect(items[3]).toMatchObject({ dueOn: '2026-12-31', dueOnSource: 'plan' });
    expect(items[4]).toMatchObject({ dueOn: '2026-12-31', dueOnSource: 'plan' });
  });
});

describe('the same annex pasted as text with its cells split by runs of spaces', () => {
  it('reads the rows as the tab-separated ones', () => {
    const tabs = itemsOf(parsePlan([...PLAN_BODY, ...annex('\t')].join('\n')));
    const spaced = parsePlan([...PLAN_BODY, ...annex('\u3000\u3000')].join('\n'));
    const items = itemsOf(spaced);
    expect(items.map((i) => [i.title, roles(i.units), i.dueOn])).toEqual(
      tabs.map((i) => [i.title, roles(i.units), i.dueOn]),
    );
    expect(spaced.plan.title).toBe('某县优化营商环境三年行动实施方案(2024—2026年)');
  });
});

describe('a body whose items name units, and a table under a chapter heading', () => {
  const r = parsePlan(
    [
      '某区数字政府建设工作方案',
      '一、基础建设',
      '（一）建设政务云平台。完成平台迁移。（牵头单位：区大数据局；配合单位：区财政局）',
      '（二）整合政务网络。2024年6月底前完成。（责任单位：区大数据局、各街道办事处）',
      '二、应用推广',
      '序号\t重点任务\t责任单位\t完成时限',
      '1\t推广移动办公\t区政府办公室\t2024年9月底前',
      '2\t上线“一网通办”专区\t区政务服务中心\t2024年12月底前',
      '三、组织保障',
      '（三）加强督促检查。定期通报进展。责任单位：区督查室',
    ].join('\n'),
  );

  it('keeps the prose items and puts the table rows into the chapter they stand in', () => {
    expect(r.sections.map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ['基础建设', ['建设政务云平台', '整合政务网络']],
      ['应用推广', ['推广移动办公', '上线“一网通办”专区']],
      ['组织保障', ['加强督促检查']],
    ]);
  });
  it('reads units in parentheses with labels, in a column, and in a trailing 责任单位: line', () => {
    const items = itemsOf(r);
    expect(roles(items[0].units)).toEqual(['区大数据局:lead', '区财政局:co']);
    expect(items[1].units.map((u) => u.name)).toEqual(['区大数据局', '各街道办事处']);
    expect(roles(items[2].units)).toEqual(['区政府办公室:lead']);
    expect(items[3].dueOn).toBe('2024-12-31');
    expect(items[4].units.map((u) => u.name)).toEqual(['区督查室']);
  });
});

describe('units in a trailing 责任单位 line or in （牵头单位：…；配合单位：…）', () => {
  it('reads both forms with the same roles, full-width or folded', () => {
    const text = [
      '某市2025年工作要点',
      '一、重点工作',
      '1.推进老旧小区改造。2025年底前完成改造50个。',
      '责任单位：市住房城乡建设局、各区人民政府',
      '2.完善养老服务。每季度开展一次检查。（牵头单位：市民政局；配合单位：市卫生健康委、市财政局）',
      '3.深化“放管服”改革。长期坚持。（牵头单位：市政务服务管理局）',
    ].join('\n');
    for (const variant of [text, text.normalize('NFKC')]) {
      const items = itemsOf(parsePlan(variant));
      expect(items.map((i) => roles(i.units))).toEqual([
        ['市住房城乡建设局:lead', '各区人民政府:co'],
        ['市民政局:lead', '市卫生健康委:co', '市财政局:co'],
        ['市政务服务管理局:lead'],
      ]);
      expect(items.map((i) => i.dueOn)).toEqual(['2025-12-31', '2025-12-31', '2025-12-31']);
      expect(items[1].deadlines.map((d) => d.per)).toEqual(['quarter']);
    }
  });
});

describe('a pasted table with a 类别 column merged over its rows', () => {
  it('starts a section where the category changes and carries it over blank cells', () => {
    const r = parsePlan(
      [
        '某县重点任务分解表',
        '序号\t类别\t具体措施\t责任单位\t完成时限',
        '1\t一、营造公平环境\t清理妨碍统一市场的规定。\t县发展改革局\t2025年6月底前',
        '2\t\t开展涉企收费检查。\t县市场监管局\t',
        '3\t二、提升服务水平\t推行惠企政策免申即享。\t县工信局\t2025年底前',
      ].join('\n'),
    );
    expect(r.sections.map((s) => [s.numberText, s.title, s.items.length])).toEqual([
      ['一', '营造公平环境', 2],
      ['二', '提升服务水平', 1],
    ]);
    expect(itemsOf(r).map((i) => i.dueOn)).toEqual(['2025-06-30', '2025-06-30', '2025-12-31']);
  });
});

describe('fields written in the unit bracket after the units', () => {
  it('reads 完成时限 there as the deadline and takes no person or field for a unit', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年政务服务工作要点',
          '一、提升政务服务效能',
          '（一）推行“一窗通办”。设置综合受理窗口。（牵头单位：县政务服务中心，责任单位：县司法局，完成时限：2024年6月底前）',
          '（二）推进电子证照应用。实现“免证办”。（责任单位：县数据资源局；责任人：周敏；完成时限：2024年9月底前）',
          '（三）规范中介服务。建立网上中介超市。责任单位：县发改局；责任领导：王建国。',
          '（四）整改问题。逐项销号。（责任单位：县审计局；整改时限：2024年8月底前）',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['县政务服务中心:lead', '县司法局:co'], '2024-06-30'],
      [['县数据资源局:lead'], '2024-09-30'],
      [['县发改局:lead'], '2024-12-31'],
      [['县审计局:lead'], '2024-08-31'],
    ]);
  });
});

describe('a table copied out of Word, whose cells with line breaks run over several lines', () => {
  it('joins the lines of one row back and gives it its own units and date', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年重点任务清单',
          '序号\t工作任务\t具体措施\t责任单位\t完成时限',
          '1\t规范涉企检查\t推行“双随机”检查。\t县市场监管局\t2024年9月底前',
          '2\t优化工程建设审批\t1.推行网上办理；',
          '2.压缩审批时限；',
          '3.推行告知承诺制。\t县住房和城乡建设局',
          '县自然资源局\t2024年6月底前',
          '3\t保障企业用工\t开展招聘活动。\t县人社局\t2024年4月底前',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [i.title, roles(i.units), i.dueOn])).toEqual([
      ['规范涉企检查', ['县市场监管局:lead'], '2024-09-30'],
      ['优化工程建设审批', ['县住房和城乡建设局:lead', '县自然资源局:co'], '2024-06-30'],
      ['保障企业用工', ['县人社局:lead'], '2024-04-30'],
    ]);
    expect(items[1].body).toContain('3.推行告知承诺制');
  });
});

describe('label lines with the people in charge between them', () => {
  it('keeps a 责任领导, 责任人 or 联系人 line with its measure and reads the 完成时限 below it', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年法治政府建设任务分工方案',
          '一、依法全面履行政府职能',
          '（一）推进机构职能优化。坚持优化政府组织结构。',
          '牵头单位：县委编办',
          '配合单位：县直各有关单位',
          '责任领导：王建国（副县长）',
          '完成时限：2024年6月底前',
          '（二）持续优化营商环境。全面落实条例。',
          '牵头单位：县发展和改革局',
          '责任人：刘洋',
          '完成时限：2024年9月底前',
          '联系人：张伟，电话：0731-8812345',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['县委编办:lead', '县直各有关单位:co'], '2024-06-30'],
      [['县发展和改革局:lead'], '2024-09-30'],
    ]);
  });

  it('reads 【完成时限】 as 完成时限:, and a 督办单位 line as no unit', () => {
    const r = parsePlan(
      [
        '某区2024年优化营商环境工作方案',
        '一、重点任务',
        '（一）强化企业用工保障',
        '每季度开展1次用工需求调查。',
        '【牵头单位】区人劳局',
        '【完成时限】2024年9月底前',
        '（二）完善政企沟通机制',
        '落实区领导联系重点企业制度。',
        '责任单位：区党工委办公室',
        '督办单位：区督查室',
        '完成时限：2024年10月底前',
      ].join('\n'),
    );
    expect(itemsOf(r).map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['区人劳局:lead'], '2024-09-30'],
      [['区党工委办公室:lead'], '2024-10-31'],
    ]);
    expect(r.warnings.filter((w) => w.code === 'UNRECOGNISED_PARAGRAPH')).toEqual([]);
  });
});

describe('a date that starts the work beside the date it is due', () => {
  it('takes the completion for the deadline and keeps the start apart, in prose and in a cell', () => {
    const r = parsePlan(
      [
        '某县2024年重点任务清单',
        '序号\t工作任务\t责任单位\t完成时限',
        '1\t推进试点\t县人社局\t2024年3月底前启动，11月底前完成',
        '2\t完善制度\t县司法局\t2024年3月—6月',
        '3\t开展评估\t县财政局\t2024年9月底前启动',
      ].join('\n'),
    );
    expect(itemsOf(r).map((i) => i.dueOn)).toEqual(['2024-11-30', '2024-06-30', '2024-09-30']);
    expect(itemsOf(r)[0].otherDates).toEqual([
      expect.objectContaining({ text: '2024年3月底前', reason: 'period', startOn: '2024-03-31' }),
    ]);
  });
});

describe('a pasted table whose header stands in two rows', () => {
  it.each([
    ['责任单位\t\t完成时限', '牵头单位\t配合单位\t'],
    ['责任分工\t\t完成时限', '牵头单位\t配合单位\t'],
    ['责任分工\t\t时间安排', '牵头单位\t配合单位\t开始时间\t结束时间'],
  ])('reads %s over %s as the columns below', (upper, lower) => {
    const dates = lower.includes('开始') ? '2024年3月\t2024年6月' : '2024年6月底前';
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年重点任务分工表',
          `序号\t工作任务\t${upper}`,
          `\t\t${lower}`,
          `1\t开展扬尘整治\t县住房和城乡建设局\t县自然资源局\t${dates}`,
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['县住房和城乡建设局:lead', '县自然资源局:co'], '2024-06-30'],
    ]);
  });
});

describe('sentences of one item each closed by a bracket with its units and time limit', () => {
  it('gives each sentence’s task the 完成时限 written in its own bracket', () => {
    const [item] = itemsOf(
      parsePlan(
        [
          '某县2024年政务服务工作要点',
          '一、重点工作',
          '（一）优化服务。推行一窗通办。(牵头单位:县政务服务中心,完成时限:2024年6月底前)推进电子证照。(牵头单位:县数据资源局,完成时限:2024年9月底前)',
        ].join('\n'),
      ),
    );
    expect(item.tasks.map((t) => [roles(t.units), t.dueOn])).toEqual([
      [['县政务服务中心:lead'], '2024-06-30'],
      [['县数据资源局:lead'], '2024-09-30'],
    ]);
  });

  it('reads 责任单位：…。配合单位：…。 as sentences of labels that go on with the one before', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年重点民生实事实施方案',
          '一、主要任务',
          '（一）新建公办幼儿园3所。新增学位540个。责任单位：县教育局。配合单位：县财政局、县自然资源和规划局。完成时间：2024年8月31日前。',
          '（二）优化服务。推行一窗通办。责任单位：县政务服务中心。配合单位：县财政局。推进电子证照。责任单位：县数据资源局。',
        ].join('\n'),
      ),
    );
    expect(items[0].tasks).toEqual([]);
    expect([roles(items[0].units), items[0].dueOn]).toEqual([
      ['县教育局:lead', '县财政局:co', '县自然资源和规划局:co'],
      '2024-08-31',
    ]);
    expect(items[1].tasks.map((t) => [t.title, roles(t.units)])).toEqual([
      ['优化服务', ['县政务服务中心:lead', '县财政局:co']],
      ['推进电子证照', ['县数据资源局:lead']],
    ]);
  });
});

describe('task tables with the column names other offices use', () => {
  const table = (header: string, ...rows: string[]) =>
    itemsOf(parsePlan(['某县2024年重点任务分工表', header, ...rows].join('\n')));

  it.each([
    ['问题'],
    ['存在问题'],
    ['审计发现问题'],
    ['巡察反馈问题'],
    ['重点工作任务'],
    ['整改任务'],
  ])('takes the %s column for the item’s title, the 整改措施 beside it for its body', (name) => {
    const items = table(
      `序号\t${name}\t整改措施\t整改时限\t责任单位`,
      '1\t公务用车管理不规范。\t开展公务用车专项清理，建立用车登记制度。\t2024年6月底前\t县委办公室',
    );
    expect(items.map((i) => [i.title, i.body, roles(i.units), i.dueOn])).toEqual([
      [
        '公务用车管理不规范',
        expect.stringContaining('开展公务用车专项清理'),
        ['县委办公室:lead'],
        '2024-06-30',
      ],
    ]);
  });

  it.each([['牵头单位\t参加单位'], ['牵头责任单位\t配合责任单位'], ['牵头科室\t协作科室']])(
    'reads the lead and the co-units under %s',
    (units) => {
      const items = table(
        `序号\t工作任务\t${units}\t完成时限`,
        '1\t开展扬尘整治\t县住房和城乡建设局\t县自然资源局、县市场监管局\t2024年6月底前',
      );
      expect(items.map((i) => roles(i.units))).toEqual([
        ['县住房和城乡建设局:lead', '县自然资源局:co', '县市场监管局:co'],
      ]);
    },
  );

  it('reads 主要责任单位 and 责任单位及责任人 as the units, and 进度安排 or 推进时序 as the deadline', () => {
    for (const [units, deadline] of [
      ['主要责任单位', '进度安排'],
      ['责任单位及责任人', '推进时序'],
    ]) {
      const items = table(
        `序号\t工作任务\t${units}\t${deadline}`,
        '1\t推进污水管网建设\t县财政局、县发改局\t2024年12月',
      );
      expect(items.map((i) => [roles(i.units), i.dueOn])).toEqual([
        [['县财政局:lead', '县发改局:co'], '2024-12-31'],
      ]);
    }
  });

  it('drops the people from a 责任单位及责任人 cell and keeps units, groups and brackets', () => {
    const cells = [
      '县财政局 王明',
      '县财政局（王明）',
      '县财政局/王明',
      '县财政局王明',
      '各乡镇（街道）、县审计局',
      '县社会事业服务中心（卫健委）',
      '县财政局（张三）牵头，县审计局配合 王明',
    ];
    const items = table(
      '序号\t工作任务\t责任单位及责任人\t完成时限',
      ...cells.map((c, i) => `${i + 1}\t任务${i + 1}\t${c}\t2024年6月底前`),
    );
    expect(items.map((i) => i.units.map((u) => u.name))).toEqual([
      ['县财政局'],
      ['县财政局'],
      ['县财政局'],
      ['县财政局'],
      ['各乡镇(街道)', '县审计局'],
      ['县社会事业服务中心(卫健委)'],
      ['县财政局', '县审计局'],
    ]);
    expect(items[6].units.map((u) => u.role)).toEqual(['lead', 'co']);
  });

  it('reads rows copied with runs of spaces whose last cells are blank, and skips a 合计 row', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年重点任务清单',
          '序号   工作任务   责任单位   责任人   完成时限   备注',
          '1   开展扬尘整治   县住房和城乡建设局   王建国   2024年6月底前   省考核指标',
          '2   加强建筑垃圾管理   县市场监管局   张伟   2024年9月底前',
          '3   推进污水管网建设   县财政局   李明   2024年12月底前',
          '   合计   3项',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [i.title, roles(i.units), i.dueOn, i.tasks.length])).toEqual([
      ['开展扬尘整治', ['县住房和城乡建设局:lead'], '2024-06-30', 0],
      ['加强建筑垃圾管理', ['县市场监管局:lead'], '2024-09-30', 0],
      ['推进污水管网建设', ['县财政局:lead'], '2024-12-31', 0],
    ]);
  });

  it('keeps 推进情况 and 下步打算 cells in the body and reads no date from them', () => {
    const r = parsePlan(
      [
        '某区2024年第一季度重点工作推进情况表',
        '序号\t工作任务\t责任单位\t完成时限\t推进情况\t下步打算',
        '1\t推进重点项目开工建设\t区发改委\t2024年12月底前\t一季度新开工项目8个。\t4月底前再开工5个。',
        '2\t做好民生商品保供稳价\t区市场监管局\t长期坚持\t已于3月20日启动价格监测。\t',
      ].join('\n'),
    );
    const items = itemsOf(r);
    expect(items.map((i) => [i.dueOn, i.dueOnSource, i.deadlines.map((d) => d.text)])).toEqual([
      ['2024-12-31', 'item', ['2024年12月底前']],
      ['2024-12-31', 'plan', []],
    ]);
    expect(items[0].body).toContain('推进情况:一季度新开工项目8个');
    expect(items[0].body).toContain('下步打算:4月底前再开工5个');
    expect(r.warnings.filter((w) => w.code === 'DATE_NOT_DEADLINE')).toEqual([]);
  });

  it('takes a town named alone for a unit, with no warning that it is no unit name', () => {
    const r = parsePlan(
      [
        '某区2024年重点任务清单',
        '序号\t工作任务\t责任单位\t完成时限',
        '1\t完成农村供水管网改造\t后谢镇\t2024年6月底前',
        '2\t推进背街小巷改造\t漳江街道、陬市镇\t2024年9月底前',
      ].join('\n'),
    );
    expect(itemsOf(r).map((i) => i.units.map((u) => u.name))).toEqual([
      ['后谢镇'],
      ['漳江街道', '陬市镇'],
    ]);
    expect(r.warnings.filter((w) => w.code === 'UNIT_NOT_SPLIT')).toEqual([]);
  });

  it('takes a 合计 row under the tasks for no task', () => {
    const items = table(
      '序号\t工作任务\t责任单位\t完成时限',
      '1\t开展扬尘整治\t县住房和城乡建设局\t2024年6月底前',
      '2\t推进污水管网建设\t县财政局\t2024年12月底前',
      '\t合计\t2项\t',
    );
    expect(items.map((i) => [i.title, i.tasks.length, i.units.map((u) => u.name)])).toEqual([
      ['开展扬尘整治', 0, ['县住房和城乡建设局']],
      ['推进污水管网建设', 0, ['县财政局']],
    ]);
  });

  it('gives a 牵头单位 merged over several tasks, each with its own 配合单位, to each of them', () => {
    const items = table(
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t开展扬尘整治\t县住房和城乡建设局\t县自然资源局\t2024年6月底前',
      '2\t整治违规占道\t\t县市场监管局\t2024年9月底前',
    );
    expect(items.map((i) => roles(i.units))).toEqual([
      ['县住房和城乡建设局:lead', '县自然资源局:co'],
      ['县住房和城乡建设局:lead', '县市场监管局:co'],
    ]);
  });
});

describe('a pasted table whose rows are numbered 1.1, 1.2 under their chapter or task', () => {
  const numbered = (r: ParseResult) =>
    r.sections.map((s) => [
      s.title,
      s.items.map((i) => [i.number, i.numberText, i.title, roles(i.units), i.dueOn]),
    ]);

  it('reads 1.1 and 1.2 under 一、 as that chapter’s items 1 and 2, with their own cells', () => {
    const r = parsePlan(
      [
        '某区2024年营商环境提升行动重点任务分工',
        '序号\t主要任务\t牵头单位\t配合单位\t完成时限',
        '一、政务服务',
        '1.1\t推行企业开办一日办结\t区行政服务中心\t区市场监管局\t6月底前',
        '1.2\t推进一件事一次办\t区政务服务中心\t区大数据中心\t9月底前',
        '二、要素保障',
        '2.1\t开展银企对接活动\t区财政局\t区发展改革委\t2024年12月底前',
      ].join('\n'),
    );
    expect(numbered(r)).toEqual([
      [
        '政务服务',
        [
          [
            1,
            '1.1',
            '推行企业开办一日办结',
            ['区行政服务中心:lead', '区市场监管局:co'],
            '2024-06-30',
          ],
          [2, '1.2', '推进一件事一次办', ['区政务服务中心:lead', '区大数据中心:co'], '2024-09-30'],
        ],
      ],
      [
        '要素保障',
        [[1, '2.1', '开展银企对接活动', ['区财政局:lead', '区发展改革委:co'], '2024-12-31']],
      ],
    ]);
    expect(r.warnings.filter((w) => w.code === 'NUMBERING')).toEqual([]);
  });

  it('numbers 1.1, 1.2, 2.1 on without chapter lines, keeping the numbers as written', () => {
    const r = parsePlan(
      [
        '某区2024年重点任务分工',
        '序号\t主要任务\t责任单位\t完成时限',
        '1.1\t开展扬尘整治\t区住房和城乡建设局\t2024年6月底前',
        '1.2\t加强油烟治理\t区市场监管局\t2024年9月底前',
        '2.1\t推进污水管网建设\t区财政局\t2024年12月底前',
      ].join('\n'),
    );
    expect(itemsOf(r).map((i) => [i.number, i.numberText, i.dueOn])).toEqual([
      [1, '1.1', '2024-06-30'],
      [2, '1.2', '2024-09-30'],
      [3, '2.1', '2024-12-31'],
    ]);
    expect(r.warnings.filter((w) => w.code === 'NUMBERING')).toEqual([]);
  });

  it('gives a title row over 2.1 and 2.2 nothing of the row above it', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某区2024年重点任务分工',
          '序号\t主要任务\t责任单位\t完成时限',
          '1\t开展扬尘整治\t区住房和城乡建设局\t2024年6月底前',
          '2\t优化政务服务',
          '2.1\t推行企业开办一日办结\t区行政服务中心\t2024年8月底前',
          '2.2\t推进一件事一次办\t区政务服务中心\t2024年9月底前',
        ].join('\n'),
      ),
    );
    expect(items[1].tasks.map((t) => [t.title, roles(t.units), t.dueOn])).toEqual([
      ['推行企业开办一日办结', ['区行政服务中心:lead'], '2024-08-31'],
      ['推进一件事一次办', ['区政务服务中心:lead'], '2024-09-30'],
    ]);
    expect([roles(items[1].units), items[1].dueOn]).toEqual([
      ['区行政服务中心:lead', '区政务服务中心:lead'],
      '2024-09-30',
    ]);
  });

  it('makes 1.1 and 1.2 the measures of task 1, which is only their title when it names no unit', () => {
    const r = parsePlan(
      [
        '某区2024年重点任务分工',
        '序号\t主要任务\t责任单位\t完成时限',
        '1\t优化政务服务',
        '1.1\t推行企业开办一日办结\t区行政服务中心\t2024年6月底前',
        '1.2\t推进一件事一次办\t区政务服务中心\t2024年9月底前',
        '2\t推进污水管网建设\t区财政局\t2024年12月底前',
        '2.1\t完成主干管网改造\t区住房和城乡建设局\t2024年10月底前',
      ].join('\n'),
    );
    const items = itemsOf(r);
    expect(items.map((i) => [i.numberText, i.title])).toEqual([
      ['1', '优化政务服务'],
      ['2', '推进污水管网建设'],
    ]);
    expect(
      items.map((i) => i.tasks.map((t) => [t.title, t.units.map((u) => u.name), t.dueOn])),
    ).toEqual([
      [
        ['推行企业开办一日办结', ['区行政服务中心'], '2024-06-30'],
        ['推进一件事一次办', ['区政务服务中心'], '2024-09-30'],
      ],
      [
        ['推进污水管网建设', ['区财政局'], '2024-12-31'],
        ['完成主干管网改造', ['区住房和城乡建设局'], '2024-10-31'],
      ],
    ]);
  });
});

describe('an Excel table whose chapter rows hold 一 or (一) in the 序号 column', () => {
  const sectionsOf = (r: ParseResult) =>
    r.sections.map((s) => [
      s.numberText,
      s.title,
      s.items.map((i) => [i.numberText, i.under?.title ?? null, roles(i.units), i.dueOn]),
    ]);

  it('makes the 一 rows chapters, which carry no unit or time to the rows below', () => {
    const r = parsePlan(
      [
        '某区2024年法治政府建设工作要点任务分解表',
        '序号\t工作任务\t责任单位\t完成时限',
        '一\t健全依法决策机制\t\t',
        '1\t制定重大行政决策事项目录\t区司法局\t2024年3月底前',
        '二\t严格规范公正文明执法\t\t',
        '2\t开展行政执法案卷评查\t区监察室\t2024年10月底前',
      ].join('\n'),
    );
    expect(sectionsOf(r)).toEqual([
      ['一', '健全依法决策机制', [['1', null, ['区司法局:lead'], '2024-03-31']]],
      ['二', '严格规范公正文明执法', [['2', null, ['区监察室:lead'], '2024-10-31']]],
    ]);
    expect(r.warnings.filter((w) => w.code === 'NUMBERING')).toEqual([]);
  });

  it('puts the items under a (一) row below a 一 row under that heading', () => {
    const r = parsePlan(
      [
        '某区2024年法治政府建设工作要点任务分解表',
        '序号\t工作任务\t责任单位\t完成时限',
        '一\t健全依法决策机制\t\t',
        '（一）\t推进科学民主决策\t\t',
        '1\t制定重大行政决策事项目录\t区司法局\t2024年3月底前',
        '（二）\t加强规范性文件管理\t\t',
        '2\t开展规范性文件清理\t区监察室\t2024年9月底前',
      ].join('\n'),
    );
    expect(sectionsOf(r)).toEqual([
      [
        '一',
        '健全依法决策机制',
        [
          ['1', '推进科学民主决策', ['区司法局:lead'], '2024-03-31'],
          ['2', '加强规范性文件管理', ['区监察室:lead'], '2024-09-30'],
        ],
      ],
    ]);
    expect(r.warnings.filter((w) => w.code === 'TABLE_ROW')).toEqual([]);
  });

  it('keeps a row numbered 一 an item where 一, 二 number the tasks, its units merged above', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某区2024年重点任务分工表',
          '序号\t工作任务\t责任单位\t完成时限',
          '一\t开展扬尘整治\t区住房和城乡建设局\t2024年6月底前',
          '二\t加强渣土运输管理\t\t',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [i.title, roles(i.units), i.dueOn])).toEqual([
      ['开展扬尘整治', ['区住房和城乡建设局:lead'], '2024-06-30'],
      ['加强渣土运输管理', ['区住房和城乡建设局:lead'], '2024-06-30'],
    ]);
  });
});

describe('a pasted table whose merged 类别 column stands before 序号', () => {
  it('reads the rows by their 序号 and starts a section where the category changes', () => {
    const r = parsePlan(
      [
        '某县2024年污染防治任务清单',
        '类别\t序号\t工作任务\t责任单位\t完成时限',
        '大气污染防治\t1\t开展扬尘污染专项整治\t县住房和城乡建设局\t2024年6月底前',
        '\t2\t加强餐饮油烟治理\t县市场监管局\t2024年9月底前',
        '水污染防治\t3\t推进污水管网建设\t县财政局\t2024年12月底前',
      ].join('\n'),
    );
    expect(
      r.sections.map((s) => [s.title, s.items.map((i) => [i.numberText, i.title, i.dueOn])]),
    ).toEqual([
      [
        '大气污染防治',
        [
          ['1', '开展扬尘污染专项整治', '2024-06-30'],
          ['2', '加强餐饮油烟治理', '2024-09-30'],
        ],
      ],
      ['水污染防治', [['3', '推进污水管网建设', '2024-12-31']]],
    ]);
  });
});
describe('a pasted table whose merged 重点任务 column stands before 序号 and 具体措施', () => {
  it('makes each 重点任务 a chapter and each 具体措施 row its item', () => {
    const r = parsePlan(
      [
        '某区2024年优化营商环境具体措施清单',
        '重点任务\t序号\t具体措施\t牵头单位\t完成时限',
        '一、提升政务服务效能\t1\t推行企业开办一网通办。\t区行政服务中心\t2024年6月底前',
        '\t2\t实现高频事项跨省通办。\t区信息中心\t2024年12月底前',
        '二、加强要素保障\t3\t组织重点企业专场招聘会。\t区人劳局\t2024年4月底前',
      ].join('\n'),
    );
    expect(
      r.sections.map((s) => [s.title, s.items.map((i) => [i.numberText, i.title, i.dueOn])]),
    ).toEqual([
      [
        '提升政务服务效能',
        [
          ['1', '推行企业开办一网通办', '2024-06-30'],
          ['2', '实现高频事项跨省通办', '2024-12-31'],
        ],
      ],
      ['加强要素保障', [['3', '组织重点企业专场招聘会', '2024-04-30']]],
    ]);
  });

  it('keeps 重点任务 the item when a 类别 column before it makes the chapters', () => {
    const r = parsePlan(
      [
        '某区2024年优化营商环境具体措施清单',
        '领域\t重点任务\t序号\t具体措施\t牵头单位\t完成时限',
        '政务服务\t提升政务服务效能\t1\t推行企业开办一网通办。\t区行政服务中心\t2024年6月底前',
      ].join('\n'),
    );
    expect(r.sections.map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ['政务服务', ['提升政务服务效能']],
    ]);
  });
});

describe('a 任务分解表 copied out of Excel: quoted cells over several lines, a merged 序号', () => {
  const r = parsePlan(
    [
      '某县重点任务分解表',
      '序号\t重点任务\t具体措施\t牵头单位\t完成时限',
      '1\t优化审批服务\t"1.压缩审批时限；',
      '2.推行并联审批。"\t县政务服务中心\t2025年6月底前',
      '\t\t开展“好差评”。\t\t',
      '2\t加强监管\t"推行""双随机""检查。"\t"县市场监管局',
      '县司法局"\t2025年底前',
      '\t\t开展信用监管。\t县发展改革局\t',
    ].join('\n'),
  );
  const items = itemsOf(r);

  it('joins a quoted cell broken over lines and reads its doubled quotes', () => {
    expect(r.plan.title).toBe('某县重点任务分解表');
    expect(items.map((i) => i.title)).toEqual(['优化审批服务', '加强监管']);
    expect(items[0].tasks[0].title).toBe('1.压缩审批时限; 2.推行并联审批');
    expect(items[1].tasks[0].title).toBe('推行"双随机"检查');
    expect(items[1].tasks[0].units.map((u) => u.name)).toEqual(['县市场监管局', '县司法局']);
  });
  it('makes the rows under a merged 序号 measures of the task, each with its units and date', () => {
    expect(items[0].tasks.map((t) => [t.title, t.units.map((u) => u.name), t.dueOn])).toEqual([
      ['1.压缩审批时限; 2.推行并联审批', ['县政务服务中心'], '2025-06-30'],
      ['开展“好差评”', ['县政务服务中心'], '2025-06-30'],
    ]);
    expect(items[1].tasks[1]).toMatchObject({ title: '开展信用监管', dueOn: '2025-12-31' });
    expect(items[1]).toMatchObject({ unitsFrom: 'tasks', dueOn: '2025-12-31' });
    expect(r.warnings.filter((w) => w.code === 'TABLE_ROW')).toEqual([]);
  });
});

describe('牵头单位 and 责任单位 on lines of their own under each numbered measure', () => {
  const r = parsePlan(
    [
      '某县优化营商环境三年行动实施方案（2024—2026年）',
      '一、总体目标',
      '到2026年底，全县营商环境主要指标进入全市前列。',
      '二、重点任务',
      '（一）提升政务服务效能',
      '1.深化“一网通办”改革。2024年9月30日前实现80%以上事项网上可办。',
      '牵头单位：县政务服务和大数据管理局',
      '责任单位：县直各有关部门，各乡镇人民政府',
      '2.推行“承诺制”审批。2024年底前出台实施细则。',
      '牵头单位：县住房和城乡建设局',
      '配合单位：县自然资源局、县发展和改革局',
      '（二）优化市场环境',
      '3.清理妨碍统一市场的规定。每半年开展一次专项清理。',
      '牵头单位：县市场监督管理局',
      '责任单位：县司法局',
      '4.加强涉企收费监管。2025年6月底前完成涉企收费目录清单公示。',
      '牵头单位：县发展和改革局、县财政局',
      '责任单位：县市场监督管理局',
    ].join('\n'),
  );
  const items = itemsOf(r);

  it('gives each measure both of its label lines, and makes the measures the items', () => {
    expect(items.map((i) => [i.numberText, i.under?.numberText, roles(i.units)])).toEqual([
      ['1', '一', ['县政务服务和大数据管理局:lead', '县直各有关部门:co', '各乡镇人民政府:co']],
      ['2', '一', ['县住房和城乡建设局:lead', '县自然资源局:co', '县发展和改革局:co']],
      ['3', '二', ['县市场监督管理局:lead', '县司法局:co']],
      ['4', '二', ['县发展和改革局:lead', '县财政局:lead', '县市场监督管理局:co']],
    ]);
    expect(items.map((i) => i.dueOn)).toEqual([
      '2024-09-30',
      '2024-12-31',
      '2026-12-31',
      '2025-06-30',
    ]);
  });

  it('reads measures numbered straight through the (一) headings without a numbering warning', () => {
    expect(r.warnings).toEqual([]);
  });

  it('gives a measure the 完成时限 line below its label lines', () => {
    const dated = parsePlan(
      [
        '某县2024年优化营商环境工作要点',
        '一、提升政务服务效能',
        '1.深化“一网通办”改革。推动高频事项全程网办。',
        '牵头单位：县政务服务和大数据管理局',
        '责任单位：县直各有关部门',
        '完成时限：2024年9月底前',
        '2.推行“承诺制”审批。',
        '牵头单位：县住房和城乡建设局',
        '完成时限：2024年10月底前',
        '二、优化市场环境',
        '3.清理妨碍统一市场的规定。（县市场监督管理局负责）',
        '完成时限：2024年11月底前',
      ].join('\n'),
    );
    expect(itemsOf(dated).map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['县政务服务和大数据管理局:lead', '县直各有关部门:co'], '2024-09-30'],
      [['县住房和城乡建设局:lead'], '2024-10-31'],
      [['县市场监督管理局:lead'], '2024-11-30'],
    ]);
    expect(dated.warnings).toEqual([]);
  });

  it('gives the item the 完成时限 line below the item’s own unit line, not its last measure', () => {
    const itemDated = parsePlan(
      [
        '某县2024年工作要点',
        '一、重点任务',
        '（一）加强组织领导',
        '1.完善决策程序。健全规则。（县发改局负责）',
        '2.规范执法行为。严格程序。（县财政局负责）',
        '牵头单位：县政府办公室',
        '完成时限：2024年6月底前',
      ].join('\n'),
    );
    const [first] = itemsOf(itemDated);
    expect(first.units.map((u) => u.name)).toContain('县政府办公室');
    expect([first.dueOn, ...first.tasks.map((t) => t.dueOn)]).toEqual([
      '2024-06-30',
      '2024-06-30',
      '2024-06-30',
    ]);
    expect(first.tasks[1].deadlines).toEqual([]);
  });

  it('gives the item a second list with a label the measure has used already', () => {
    const own = parsePlan(
      [
        '一、重点任务',
        '（一）推进依法行政',
        '1.完善决策程序。',
        '责任单位：县司法局',
        '2.规范执法行为。',
        '责任单位：县市场监管局',
        '责任单位：县政府办公室',
      ].join('\n'),
    );
    const [first] = itemsOf(own);
    expect(first.numberText).toBe('一');
    expect(first.tasks.map((t) => roles(t.units))).toEqual([
      ['县司法局:lead'],
      ['县市场监管局:lead'],
    ]);
    expect(first.units.map((u) => u.name)).toContain('县政府办公室');
  });
});

describe('a task table whose 完成时限 cells hold bare dates', () => {
  const r = parsePlan(
    [
      '某市2024年民生实事项目责任分解表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t新建改扩建中小学校。\t市教育局\t市发展改革委、市财政局\t2024年12月',
      '2\t实施乡镇卫生院提标改造。\t市卫生健康委\t各县（市、区）人民政府\t2025年6月',
      '3\t新增社区养老服务设施。\t市民政局\t市住房城乡建设局\t2024/9/30',
      '4\t完成老旧小区改造。\t市住房城乡建设局\t市财政局\t2025年',
      '5\t完善养老服务体系。\t市民政局\t市财政局\t持续推进',
    ].join('\n'),
  );

  it('reads a month as its end, a year as its end and a day as itself, with no warning', () => {
    expect(itemsOf(r).map((i) => [i.number, i.dueOn, i.dueOnSource])).toEqual([
      [1, '2024-12-31', 'item'],
      [2, '2025-06-30', 'item'],
      [3, '2024-09-30', 'item'],
      [4, '2025-12-31', 'item'],
      [5, '2024-12-31', 'plan'],
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain('DATE_NOT_DEADLINE');
  });

  it('dates 即日起至2024年11月30日 at its end', () => {
    const table = parsePlan(
      [
        '某市2024年民生实事项目责任分解表',
        '序号\t重点任务\t牵头单位\t完成时限',
        '1\t开展燃气安全专项整治。\t市住房城乡建设局\t即日起至2024年11月30日',
        '2\t开展食品安全专项检查。\t市市场监管局\t自即日起至2024年9月底',
      ].join('\n'),
    );
    expect(itemsOf(table).map((i) => [i.dueOn, i.dueOnSource])).toEqual([
      ['2024-11-30', 'item'],
      ['2024-09-30', 'item'],
    ]);
  });

  it('keeps one target when the 完成时限 cell restates the frequency its measure states', () => {
    const table = parsePlan(
      [
        '某区2024年营商环境优化提升任务清单',
        '序号\t重点任务\t具体措施\t责任单位\t完成时限',
        '1\t加强信用体系建设\t每季度发布信用红黑名单\t区发改委\t每季度',
        '2\t开展执法检查\t组织联合检查\t区市场监管局\t每月',
      ].join('\n'),
    );
    expect(itemsOf(table).map((i) => i.deadlines.map((d) => [d.per, d.subject ?? d.text]))).toEqual(
      [[['quarter', '每季度发布信用红黑名单']], [['month', '每月']]],
    );
  });

  it('places a numeric date in the 完成时限 column when runs of spaces swallowed a cell', () => {
    const spaced = parsePlan(
      [
        '某市2024年民生实事项目责任分解表',
        '序号\u3000\u3000重点任务\u3000\u3000牵头单位\u3000\u3000配合单位\u3000\u3000完成时限',
        '1\u3000\u3000新建改扩建中小学校。\u3000\u3000市教育局\u3000\u30002024/9/30',
      ].join('\n'),
    );
    expect(itemsOf(spaced).map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['市教育局:lead'], '2024-09-30'],
    ]);
  });

  it('keeps a date in prose a mention unless 前 or 底 makes it a deadline', () => {
    const prose = parsePlan(
      [
        '某区2024年工作要点',
        '一、重点工作',
        '（一）召开推进会。2024年3月召开全区动员会。（区政府办负责）',
      ].join('\n'),
    );
    expect(itemsOf(prose)[0].deadlines).toEqual([]);
    expect(prose.warnings.map((w) => w.code)).toContain('DATE_NOT_DEADLINE');
  });

  it('asks about 2024年6月前 in prose: before June, or by its end?', () => {
    const prose = parsePlan(
      [
        '某区2024年工作要点',
        '一、重点工作',
        '（一）完成项目库更新。2024年6月前完成。（区发改局负责）',
      ].join('\n'),
    );
    expect(itemsOf(prose)[0].otherDates).toEqual([
      expect.objectContaining({ text: '2024年6月前', reason: 'mention' }),
    ]);
    expect(prose.warnings.map((w) => w.message)).toEqual([
      '“2024年6月前”只写到月份，是该月1日前还是该月底前不能确定，未作为完成时限，请核对',
    ]);
  });
});

describe('units in a closing sentence without brackets, and roles in brackets after a name', () => {
  const r = parsePlan(
    [
      '某县2024年乡村振兴重点工作任务清单',
      '一、推进乡村建设',
      '（一）实施农村人居环境整治提升行动。第三季度完成问题摸排整改。县农业农村局（牵头）、县住房和城乡建设局、县生态环境分局按职责分工负责。',
      '（二）加快农村公路建设。年底前完成新改建农村公路50公里。县交通运输局牵头，县财政局配合。',
      '（三）健全长效管护机制。由县农业农村局负责统筹，各乡镇要切实负起责任。（县农业农村局负责）',
      '（四）强化宣传引导。营造良好氛围，宣传工作由县委宣传部负责。',
    ].join('\n'),
  );
  const items = itemsOf(r);

  it('reads a last sentence of unit names and roles as the item’s units', () => {
    expect(items.slice(0, 2).map((i) => roles(i.units))).toEqual([
      ['县农业农村局:lead', '县住房和城乡建设局:co', '县生态环境分局:co'],
      ['县交通运输局:lead', '县财政局:co'],
    ]);
    expect(items[0].body).not.toContain('县生态环境分局');
  });

  it('leaves prose that only mentions who is responsible as prose', () => {
    expect(roles(items[2].units)).toEqual(['县农业农村局:lead']);
    expect(items[3].units).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['ITEM_WITHOUT_UNITS', 6]]);
  });

  it('takes no closing sentence of prose for units, 各… or …办公室 in it notwithstanding', () => {
    const prose = parsePlan(
      [
        '某县2024年工作要点',
        '一、重点任务',
        '各乡镇、各部门要密切配合。',
        '（一）加强组织领导。各乡镇、各部门要加强配合。',
        '1.完善决策程序。健全规则。（县发改局负责）',
        '2.规范执法行为。严格程序。（县财政局负责）',
        '（二）强化沟通。要加强与各乡镇的沟通配合。',
        '（三）统筹推进。以上工作由县政府办公室牵头。',
      ].join('\n'),
    );
    expect(itemsOf(prose).map((i) => roles(i.units))).toEqual([
      ['县发改局:lead', '县财政局:lead'],
      [],
      [],
    ]);
    expect(prose.sections[0].units ?? []).toEqual([]);
  });

  it('reads 由…牵头,…配合, 由…负责 and 责任单位为… closing an item, and 【牵头单位】 headers', () => {
    const more = parsePlan(
      [
        '某县2024年重点工作安排',
        '一、重点工作',
        '（一）推进项目建设。加快前期工作。由县发展和改革局牵头，县自然资源局、县财政局配合。',
        '（二）优化营商环境。开展专项整治。【牵头单位】县市场监督管理局【配合单位】县司法局、县商务局',
        '（三）加强安全生产。开展隐患排查。责任单位为县应急管理局。',
        '（四）推进数字政府建设。由县政务服务和大数据管理局负责。',
        '（五）强化督查。【牵头单位】县政府督查室。【完成时限】2024年6月底前。',
      ].join('\n'),
    );
    expect(itemsOf(more).map((i) => roles(i.units))).toEqual([
      ['县发展和改革局:lead', '县自然资源局:co', '县财政局:co'],
      ['县市场监督管理局:lead', '县司法局:co', '县商务局:co'],
      ['县应急管理局:lead'],
      ['县政务服务和大数据管理局:lead'],
      ['县政府督查室:lead'],
    ]);
    expect(itemsOf(more)[4].dueOn).toBe('2024-06-30');
    expect(more.warnings).toEqual([]);
  });

  it('reads …牵头,…负责 and …负责,…配合, in brackets and closing an item', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年法治政府建设工作要点',
          '一、重点工作',
          '（一）甲。做甲。（县司法局牵头，县直各行政执法部门按职责分工负责）',
          '（二）乙。做乙。由县司法局负责，各乡镇人民政府配合。',
          '（三）丙。做丙。（县政府办牵头，各承办单位负责）',
          '（四）丁。做丁。（县政府办牵头，县财政局负责）',
          '（五）戊。做戊。县司法局负责，县财政局配合。',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => roles(i.units))).toEqual([
      ['县司法局:lead', '县直各行政执法部门:co'],
      ['县司法局:lead', '各乡镇人民政府:co'],
      ['县政府办:lead', '各承办单位:co'],
      ['县政府办:lead', '县财政局:co'],
      ['县司法局:lead', '县财政局:co'],
    ]);
  });

  it('takes (牵头) or (配合) after a name for its role, in a table cell too', () => {
    const table = parsePlan(
      [
        '某市2024年重点任务分解表',
        '序号\t工作任务\t责任领导\t牵头单位\t责任单位\t完成时限',
        '1\t推进老旧小区改造。\t张某某\t市住房城乡建设局（牵头）\t市财政局（配合）、市自然资源和规划局\t2024年第三季度',
      ].join('\n'),
    );
    expect(itemsOf(table).map((i) => roles(i.units))).toEqual([
      ['市住房城乡建设局:lead', '市财政局:co', '市自然资源和规划局:co'],
    ]);
  });
});

describe('a time field in a unit bracket or on a line of its own, as a 完成时限 cell', () => {
  const items = itemsOf(
    parsePlan(
      [
        '某县优化营商环境三年行动方案（2023—2025年）',
        '一、重点任务',
        '（一）推进政务服务标准化。编制办事指南。',
        '牵头单位：县政务服务中心',
        '完成时限：2023年6月—2024年12月',
        '（二）深化审批改革。压缩审批时限。（责任单位：县住建局；完成时限：2024年6月）',
        '（三）开展专项整治。（责任单位：县市场监管局；时间：2024年）',
        '（四）加强督查考核。（责任单位：县政府督查室；完成时间：2024年9月30日）',
        '（五）推进信用建设。（责任单位：县发改局；时间安排：2023年7月至2024年6月）',
        '（六）建立长效机制。',
        '责任单位：县司法局',
        '【完成时限】2024年10月',
        '（七）开展培训。（责任单位：县人社局；开始时间：2024年3月）',
      ].join('\n'),
    ),
  );

  it('takes a span, a month or a year under the label as due at its end, a day as that day', () => {
    expect(items.map((i) => [roles(i.units), i.dueOn, i.dueOnSource])).toEqual([
      [['县政务服务中心:lead'], '2024-12-31', 'item'],
      [['县住建局:lead'], '2024-06-30', 'item'],
      [['县市场监管局:lead'], '2024-12-31', 'item'],
      [['县政府督查室:lead'], '2024-09-30', 'item'],
      [['县发改局:lead'], '2024-06-30', 'item'],
      [['县司法局:lead'], '2024-10-31', 'item'],
      // When work starts is no deadline: the plan's date stands.
      [['县人社局:lead'], '2025-12-31', 'plan'],
    ]);
  });

  it('leaves only the start date to a person, as a date that is no deadline', () => {
    expect(items.flatMap((i) => i.otherDates ?? []).map((d) => d.text)).toEqual(['2024年3月']);
  });
});

describe('a labelled unit bracket that ends with a clause of time', () => {
  it('reads the clause as the due date, not as a co-unit', () => {
    const [item] = itemsOf(
      parsePlan(
        [
          '某州2020年优化营商环境工作计划',
          '一、重点任务',
          '（一）推进一网通办。（牵头单位：州政务服务局；责任单位：州司法局、州财政局，州经开区管委会，6月底完成）',
        ].join('\n'),
      ),
    );
    expect([roles(item.units), item.dueOn]).toEqual([
      ['州政务服务局:lead', '州司法局:co', '州财政局:co', '州经开区管委会:co'],
      '2020-06-30',
    ]);
  });
});

describe('unit labels compounded on 责任单位 and 协作单位, on lines of their own', () => {
  const items = itemsOf(
    parsePlan(
      [
        '某市2020年重点工作责任分解方案',
        '一、主要目标',
        '1. 地区生产总值增长6%左右。',
        '牵头负责领导：王明。',
        '牵头责任单位：市发展改革委、市统计局。',
        '协同责任单位：市经信局、市商务局。',
        '2. 财政收入稳定增长。',
        '牵头责任单位：市财政局。',
        '主要协作单位：市税务局、各乡镇人民政府。',
      ].join('\n'),
    ),
  );

  it('leads with every 牵头责任单位 and has the 协同 and 协作 units co-operate', () => {
    expect(items.map((i) => roles(i.units))).toEqual([
      ['市发展改革委:lead', '市统计局:lead', '市经信局:co', '市商务局:co'],
      ['市财政局:lead', '市税务局:co', '各乡镇人民政府:co'],
    ]);
  });
});

describe('a notice whose own text is numbered, signed, then the plan', () => {
  const result = parsePlan(
    [
      '某区人民政府办公室关于印发2023年区《政府工作报告》目标任务责任分解方案的通知',
      '某政办〔2023〕1号',
      '各街道办事处，区政府各部门：',
      '现将《2023年区〈政府工作报告〉目标任务责任分解方案》印发给你们，并就有关事项通知如下：',
      '一、各责任单位要高度重视，于2023年1月15日前制订工作方案。',
      '二、区绩效考评机构要将目标任务纳入绩效考核。',
      '三、各责任单位每季度报送进展情况。',
      '某区人民政府办公室',
      '2023年1月3日',
      '（此件公开发布）',
      '2023年区《政府工作报告》',
      '目标任务责任分解方案',
      '一、主要预期目标',
      '（一）地区生产总值增长7%以上。（责任单位：区发改局）',
      '二、重点工作',
      '（一）推进招商引资。（责任单位：区商务局）',
    ].join('\n'),
  );

  it('keeps the notice’s points out of the chapters and reads its signature', () => {
    expect(result.sections.map((s) => s.title)).toEqual(['主要预期目标', '重点工作']);
    expect(result.plan).toMatchObject({
      title: '2023年区《政府工作报告》目标任务责任分解方案',
      issuers: ['某区人民政府办公室'],
      issuedOn: '2023-01-03',
      periodEnd: '2023-12-31',
    });
    expect(result.warnings.map((w) => w.code)).not.toContain('NUMBERING');
  });

  it('knows the notice by 印发给你们 when the page lost its title', () => {
    const plan = parsePlan(
      [
        '各区县人民政府，市政府直属各单位：',
        '《2024年政府工作报告重点工作责任分解》已经市政府同意，现印发给你们，请认真贯彻执行。',
        '一、要抓紧部署实施。',
        '二、要强化督查考核。',
        '某市人民政府办公室',
        '2024年2月8日',
        '2024年政府工作报告重点工作责任分解',
        '一、市长主抓重点工作',
        '1.扩大有效投资。',
        '责任单位：市发改委、市财政局',
      ].join('\n'),
    );
    expect(plan.sections.map((s) => s.title)).toEqual(['市长主抓重点工作']);
    expect(plan.plan).toMatchObject({ issuedOn: '2024-02-08', issuers: ['某市人民政府办公室'] });
  });

  it('leaves a plan that signs before its annex as it was: its body is the plan', () => {
    const plan = parsePlan(
      [
        '某县人民政府关于印发某县2024年安全生产工作方案的通知',
        '一、全面排查',
        '（一）排查隐患。（责任单位：县应急局）',
        '二、集中整治',
        '（一）整改销号。（责任单位：县住建局）',
        '某县人民政府',
        '2024年3月1日',
        '一、附件说明',
      ].join('\n'),
    );
    expect(itemsOf(plan).map((i) => i.title)).toEqual(['排查隐患', '整改销号']);
  });
});

describe('titles over two lines, with a year or 《》 in the first, or ending in 任务分解', () => {
  const titleOf = (lines: string[]) =>
    parsePlan([...lines, '一、重点任务', '（一）推进招商引资。（责任单位：区商务局）'].join('\n'))
      .plan;

  it('joins the two lines and reads the year from them', () => {
    expect(titleOf(['立山区政府2023年重点工作', '任务分解和责任分工方案'])).toMatchObject({
      title: '立山区政府2023年重点工作任务分解和责任分工方案',
      periodEnd: '2023-12-31',
    });
    expect(titleOf(['2025年市《政府工作报告》任务分解', '和责任分工方案'])).toMatchObject({
      title: '2025年市《政府工作报告》任务分解和责任分工方案',
      periodEnd: '2025-12-31',
    });
  });

  it('takes a line ending in 任务分解 for the title', () => {
    expect(titleOf(['县卫健委2021年政府工作报告任务分解'])).toMatchObject({
      title: '县卫健委2021年政府工作报告任务分解',
      periodEnd: '2021-12-31',
    });
  });
});

describe('a task table without a 序号 column', () => {
  it('numbers its rows, the first column’s tasks its chapters, each measure an item', () => {
    const result = parsePlan(
      [
        '某中心2024年政务公开工作任务分解表',
        '工作任务\t具体要求\t责任部门',
        '一、做好财政信息公开。\t1.推进预算、决算公开。\t财务科',
        '二、做好网站信息公开。\t2.及时更新网站信息。\t办公室',
        '\t3.及时反馈网民意见。\t各科室',
        '\t4.及时更新公众号信息。\t办公室牵头，各科室配合',
      ].join('\n'),
    );
    expect(result.plan.layout).toBe('table');
    expect(
      result.sections.map((s) => [s.title, s.items.map((i) => [i.title, roles(i.units)])]),
    ).toEqual([
      ['做好财政信息公开', [['推进预算、决算公开', ['财务科:lead']]]],
      [
        '做好网站信息公开',
        [
          ['及时更新网站信息', ['办公室:lead']],
          ['及时反馈网民意见', ['各科室:lead']],
          ['及时更新公众号信息', ['办公室:lead', '各科室:co']],
        ],
      ],
    ]);
  });
});

describe('measures numbered on from one (一) to the next', () => {
  it('makes each measure an item under its (一), a chapter starting again at 1', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某区2020年政府工作报告重点工作责任分解',
          '一、统筹疫情防控和经济发展',
          '（一）坚持常态化疫情防控',
          '1、落实“四早”要求，完善监测预警。[牵头单位：区卫健局；责任单位：各街道]',
          '2、加强重点场所防控。[牵头单位：区卫健局、区市场监管局]',
          '（二）稳住经济基本盘',
          '3、落实减税降费政策。[牵头单位：区税务局；责任单位：区财政局]',
          '4、扩大有效投资。[牵头单位：区发改局]',
          '二、保障和改善民生',
          '（一）稳定就业',
          '1、实施就业优先政策。[牵头单位：区人社局]',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [i.numberText, i.under?.title, roles(i.units)])).toEqual([
      ['1', '坚持常态化疫情防控', ['区卫健局:lead', '各街道:co']],
      ['2', '坚持常态化疫情防控', ['区卫健局:lead', '区市场监管局:lead']],
      ['3', '稳住经济基本盘', ['区税务局:lead', '区财政局:co']],
      ['4', '稳住经济基本盘', ['区发改局:lead']],
      ['1', '稳定就业', ['区人社局:lead']],
    ]);
  });

  // Two measures of four name units: too few for them to be the items by their units alone.
  const plan = (numbers: string[]) =>
    itemsOf(
      parsePlan(
        [
          '某区2020年重点工作方案',
          '一、重点任务',
          '（一）坚持常态化疫情防控',
          `${numbers[0]}、完善监测预警。[牵头单位：区卫健局]`,
          `${numbers[1]}、加强重点场所防控。`,
          '（二）稳住经济基本盘',
          `${numbers[2]}、落实减税降费政策。[牵头单位：区税务局]`,
          `${numbers[3]}、扩大有效投资。`,
        ].join('\n'),
      ),
    );

  it('keeps measures that start again at 1 under each (一) as that item’s tasks', () => {
    expect(plan(['1', '2', '1', '2']).map((i) => [i.title, i.tasks.length])).toEqual([
      ['坚持常态化疫情防控', 2],
      ['稳住经济基本盘', 2],
    ]);
  });

  it('makes the same measures items when they are numbered on', () => {
    expect(plan(['1', '2', '3', '4']).map((i) => [i.numberText, i.title, i.under?.title])).toEqual([
      ['1', '完善监测预警', '坚持常态化疫情防控'],
      ['2', '加强重点场所防控', '坚持常态化疫情防控'],
      ['3', '落实减税降费政策', '稳住经济基本盘'],
      ['4', '扩大有效投资', '稳住经济基本盘'],
    ]);
  });
});

describe('more words of real plans', () => {
  it('takes a “十四五” title’s period as 2021 to 2025, 十三五 as 2016 to 2020', () => {
    const periodOf = (title: string) =>
      parsePlan([title, '一、重点任务', '1.推进招商引资。（责任单位：省商务厅）'].join('\n')).plan;
    expect(periodOf('某省“十四五”现代流通体系建设实施方案')).toMatchObject({
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      defaultDueOn: '2025-12-31',
    });
    expect(periodOf('某市十三五节能减排工作方案')).toMatchObject({
      periodStart: '2016-01-01',
      periodEnd: '2020-12-31',
    });
  });

  it('reads 部门分工: as the units, 分别牵头 as each leading', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某省2021年政府工作报告重点任务分工方案',
          '一、主要预期目标',
          '1.地区生产总值增长6%以上。',
          '分管省领导：林某',
          '部门分工：省发展改革委牵头，省统计局配合。',
          '2.城镇新增就业110万人以上。（省人力资源社会保障厅、省农业农村厅分别牵头）',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => roles(i.units))).toEqual([
      ['省发展改革委:lead', '省统计局:co'],
      ['省人力资源社会保障厅:lead', '省农业农村厅:lead'],
    ]);
  });

  it('reads 第二季度完成情况 as progress, never a deadline, and a 序号 marked 1* as row 1', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某镇2024年度重点工作计划',
          '序号\t重点工作\t责任单位\t第二季度完成情况',
          '1*\t水库工程政策处理\t镇水利站\t已完成第二季度征迁任务',
          '2\t美丽城镇建设\t镇建设办\t正在推进',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [i.number, i.title, i.deadlines, i.dueOn])).toEqual([
      [1, '水库工程政策处理', [], '2024-12-31'],
      [2, '美丽城镇建设', [], '2024-12-31'],
    ]);
  });
});

describe('a chapter heading that ends in its units', () => {
  const result = parsePlan(
    [
      '某市推动经济高质量发展若干政策举措（2025年版）',
      '一、推进教育科技人才一体发展（由市科技局牵头）',
      '（一）推动科创平台提能升级。支持建设实验室。',
      '（二）支持企业研发。（责任单位：市经信局）',
      '二、扩大有效投资（市发改委牵头，市财政局配合）',
      '（一）加快重大项目建设。',
    ].join('\n'),
  );

  it('gives them to the chapter’s items that name none, and keeps them out of its title', () => {
    expect(result.plan.title).toBe('某市推动经济高质量发展若干政策举措(2025年版)');
    expect(
      result.sections.map((s) => [
        s.title,
        s.items.map((i) => [roles(i.units), i.unitsFrom ?? null]),
      ]),
    ).toEqual([
      [
        '推进教育科技人才一体发展',
        [
          [['市科技局:lead'], 'section'],
          [['市经信局:lead'], 'item'],
        ],
      ],
      ['扩大有效投资', [[['市发改委:lead', '市财政局:co'], 'section']]],
    ]);
  });
});

describe('a unit’s own task list, with no unit column', () => {
  it('reads its rows as items, each warned of as without units, its deadlines from 进度安排', () => {
    const result = parsePlan(
      [
        '某县2023年度重点工作清单',
        '序号\t工作事项\t进度安排\t进展情况',
        '1\t启动综合体建设。\t5月底前完成施工许可报批。\t已完成设计招标',
        '2\t壮大金融服务业。\t6月底前召开金融联席会议。\t正在筹备',
      ].join('\n'),
    );
    expect(itemsOf(result).map((i) => [i.title, i.units, i.dueOn])).toEqual([
      ['启动综合体建设', [], '2023-05-31'],
      ['壮大金融服务业', [], '2023-06-30'],
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual([
      'ITEM_WITHOUT_UNITS',
      'ITEM_WITHOUT_UNITS',
    ]);
  });
});

describe('what the rules of this evening leave alone (a review’s plans)', () => {
  it('keeps a plan whose preamble quotes 《…的通知》 and whose body is signed before an annex', () => {
    const plan = parsePlan(
      [
        '某县2024年优化营商环境工作要点',
        '为贯彻落实《省人民政府关于印发优化营商环境三年行动方案的通知》精神，制定本要点。',
        '一、深化“放管服”改革。全面推行“一网通办”。（责任单位：县政务服务中心）',
        '二、优化市场准入。推进“证照分离”改革。（责任单位：县市场监管局）',
        '某县人民政府',
        '2024年3月1日',
        '附件',
        '县优化营商环境工作领导小组成员名单',
        '一、领导小组',
        '二、领导小组办公室',
      ].join('\n'),
    );
    // The annex's own headings after the signature are read as before (items without units).
    expect(
      itemsOf(plan)
        .slice(0, 2)
        .map((i) => [i.title, roles(i.units)]),
    ).toEqual([
      ['深化“放管服”改革', ['县政务服务中心:lead']],
      ['优化市场准入', ['县市场监管局:lead']],
    ]);
    expect(plan.sections[0].title).not.toBe('领导小组');
  });

  it('reads 开工时间 and 印发时间 as no deadline, 竣工时间 as one', () => {
    const items = itemsOf(
      parsePlan(
        [
          '某县2024年重点项目推进方案',
          '一、重点项目',
          '（一）污水处理厂提标改造。（责任单位：县住建局；开工时间：2024年3月；竣工时间：2025年6月）',
          '（二）城区道路改造。（责任单位：县住建局）',
          '印发时间：2024年2月',
        ].join('\n'),
      ),
    );
    expect(items.map((i) => [roles(i.units), i.dueOn])).toEqual([
      [['县住建局:lead'], '2025-06-30'],
      [['县住建局:lead'], '2024-12-31'],
    ]);
  });

  it('leaves a plan’s annex of projects (no unit column) out of its items', () => {
    const plan = parsePlan(
      [
        '某县2024年重点项目建设工作方案',
        '一、主要任务',
        '（一）加快项目前期工作。（责任单位：县发改局）',
        '（二）强化要素保障。（责任单位：县自然资源局）',
        '附件',
        '2024年重点项目清单',
        '序号\t项目名称\t建设内容\t开工时间\t竣工时间',
        '1\t污水处理厂提标改造\t新增日处理能力2万吨\t2024年3月\t2025年6月',
        '2\t城东小学新建工程\t新建教学楼3栋\t2024年5月\t2025年8月',
      ].join('\n'),
    );
    expect(itemsOf(plan).map((i) => i.title)).toEqual(['加快项目前期工作', '强化要素保障']);
  });

  it('numbers a table without 序号 first when chapter lines stand between its rows, and keeps 1.5万户', () => {
    const plan = parsePlan(
      [
        '某区2024年重点工作任务清单',
        '工作任务\t具体要求\t责任单位\t完成时限',
        '一、城市更新',
        '燃气管道改造\t1.5万户燃气管道更新改造\t区城管局\t2024年9月',
        '二、民生保障',
        '老旧小区改造\t推进老旧小区改造\t区住建局\t2024年12月',
      ].join('\n'),
    );
    expect(
      plan.sections.map((s) => [s.title, s.items.map((i) => [i.title, i.body, i.dueOn])]),
    ).toEqual([
      ['城市更新', [['燃气管道改造', '1.5万户燃气管道更新改造', '2024-09-30']]],
      ['民生保障', [['老旧小区改造', '推进老旧小区改造', '2024-12-31']]],
    ]);
  });

  it('gives a title about a five-year plan’s review no five-year period', () => {
    const plan = parsePlan(
      [
        '某县“十四五”规划纲要中期评估整改工作方案',
        '一、整改任务',
        '1.补齐短板。（责任单位：县发改局）',
      ].join('\n'),
    );
    expect(plan.plan.periodEnd).toBeUndefined();
  });

  it('reads a 责任分工: sentence in prose as text, not as units', () => {
    const [item] = itemsOf(
      parsePlan(
        [
          '某县2024年安全生产工作方案',
          '一、重点任务',
          '（一）开展隐患排查。（责任单位：县应急局）',
          '责任分工：各乡镇要切实履行主体责任，细化任务分工。',
        ].join('\n'),
      ),
    );
    expect(roles(item.units)).toEqual(['县应急局:lead']);
  });
});
