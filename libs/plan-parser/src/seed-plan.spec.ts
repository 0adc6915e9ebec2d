import { readFileSync } from 'fs';
import { join } from 'path';
import { collectUnitNames, collectUnits } from './collect';
import { clauseAround } from './deadlines';
import { parsePlan } from './parse-plan';
import type { Item, ParseResult } from './types';

const SEED = readFileSync(join(__dirname, '../../../test/fixtures/plan-003.txt'), 'utf8');

describe('parsePlan on the seed plan 漯开文〔2022〕57号', () => {
  let result: ParseResult;
  let items: Item[];
  const item = (numberText: string): Item => {
    const found = items.find((i) => i.numberText === numberText);
    if (!found) throw new Error(`no item (${numberText})`);
    return found;
  };
  const names = (i: Item) => i.units.map((u) => u.name);

  beforeAll(() => {
    result = parsePlan(SEED);
    items = result.sections.flatMap((s) => s.items);
  });

  it('reads the metadata and repairs the damaged doc number', () => {
    expect(result.plan).toMatchObject({
      title: '经开区法治政府建设实施方案(2022—2025年)',
      docNumber: '漯开文〔2022〕57号',
      issuers: ['经开区党工委', '经开区管委会'],
      issuedOn: '2022-10-21',
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
      defaultDueOn: '2025-12-31',
      defaultDueOnSource: 'closing',
      layout: 'prose',
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'DOC_NUMBER_REPAIRED', line: 7, text: '漯开文〔202257' }),
    );
  });

  it('finds 10 sections numbered 一 to 十 with their titles', () => {
    expect(result.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.sections[0]).toMatchObject({
      numberText: '一',
      title: '总体要求',
      preamble: true,
      line: 38,
    });
    expect(result.sections[9]).toMatchObject({
      numberText: '十',
      title: '加强组织领导,落实法治政府建设推进机制',
    });
  });

  it('finds 37 items numbered straight through the chapters, numerals kept as written', () => {
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(item('二十三').number).toBe(23);
    expect(item('三十七').number).toBe(37);
    expect(result.sections.map((s) => s.items.length)).toEqual([3, 5, 1, 3, 4, 3, 5, 5, 3, 5]);
  });

  it('takes the first sentence as the item title and the rest, without units, as its body', () => {
    expect(item('四')).toMatchObject({
      title: '推进政府机构职能优化协同高效',
      line: 48,
      lineEnd: 48,
    });
    expect(item('四').body).toMatch(/^通过实施重点项目建设/);
    expect(item('四').body).toMatch(/推动“非禁即入”普遍落实。$/);
    expect(item('四').unitsText).toEqual([
      '〔责任单位:区人劳局、区经发局区建设局、区市场监管分局等部门,各镇()〕',
    ]);
    expect(item('三十二').title).toBe('深入推进“互联网+监管”执法');
  });

  it('marks (一)–(三) as preamble and gives every item from (四) on at least one unit', () => {
    expect(items.filter((i) => i.preamble).map((i) => i.numberText)).toEqual(['一', '二', '三']);
    expect(items.filter((i) => i.preamble).every((i) => i.units.length === 0)).toBe(true);
    for (const i of items.slice(3)) expect(i.units.length).toBeGreaterThan(0);
    expect(result.warnings.filter((w) => w.code === 'ITEM_WITHOUT_UNITS')).toEqual([]);
  });

  it('splits the unit list of (五) written without separators, group included', () => {
    expect(item('五').units).toEqual([
      { name: '区人劳局', role: 'lead', group: false, roleSource: 'order' },
      { name: '经发局', role: 'co', group: false, roleSource: 'order' },
      { name: '区社会事业服务中心', role: 'co', group: false, roleSource: 'order' },
      { name: '区建设局', role: 'co', group: false, roleSource: 'order' },
      { name: '区自然资源和规划分局', role: 'co', group: false, roleSource: 'order' },
      { name: '区市场监管分局', role: 'co', group: false, roleSource: 'order' },
      { name: '各镇(街道)', role: 'co', group: true, raw: '各镇()', roleSource: 'order' },
    ]);
  });

  it('splits the other concatenated lists at the right places', () => {
    expect(names(item('四'))).toEqual([
      '区人劳局',
      '区经发局',
      '区建设局',
      '区市场监管分局',
      '各镇(街道)',
    ]);
    expect(names(item('八'))).toEqual(['区监察室', '经发局', '区社会事业服务中心', '各镇(街道)']);
    expect(names(item('十三'))).toEqual([
      '区监察室',
      '区人劳局',
      '区社会事业服务中心',
      '各镇(街道)',
    ]);
    expect(names(item('十七'))).toEqual([
      '区信息中心',
      '公安分局',
      '区社会事业服务中心(卫健委)',
      '区应急管理局',
      '区消防救援大队',
      '各镇(街道)',
    ]);
    expect(names(item('二十八'))).toEqual([
      '区人大政协联络办公室',
      '区监察室',
      '区党办',
      '区社会事业服务中心',
      '区财政局',
      '区审计局',
      '区统计局',
      '各镇(街道)',
    ]);
    expect(names(item('三十七'))).toEqual([
      '区党办',
      '区非公党建学院',
      '区社会事业服务中心',
      '区财政局',
      '各镇(街道)',
    ]);
  });

  it('keeps a bracketed function with its unit and notes it', () => {
    expect(item('十八').units[1]).toMatchObject({
      name: '区社会事业服务中心(卫健委)',
      bracket: '卫健委',
    });
  });

  it('reads lists closed with a mismatched bracket 〔…]', () => {
    expect(names(item('二十三'))).toEqual(['区人劳局', '区社会事业服务中心', '各镇(街道)']);
    expect(names(item('二十六'))).toEqual(['区党工委办公室', '区直各相关部门', '各镇(街道)']);
  });

  it('keeps group phrases as group units', () => {
    expect(
      item('十')
        .units.filter((u) => u.group)
        .map((u) => u.name),
    ).toEqual(['区直各相关部门', '各镇(街道)']);
    expect(
      item('十四')
        .units.filter((u) => u.group)
        .map((u) => u.name),
    ).toEqual(['区直各行政执法部门', '各镇(街道)']);
    expect(names(item('三十二'))).toEqual(['区行政服务中心', '区社会事业服务中心']);
  });

  it('says once that 各镇() was read as 各镇(街道)', () => {
    const repaired = result.warnings.filter((w) => w.code === 'GROUP_REPAIRED');
    expect(repaired).toHaveLength(1);
    expect(repaired[0]).toMatchObject({ line: 48, text: '各镇()' });
    expect(repaired[0].message).toContain('各镇(街道)');
  });

  it('gives each item its own earliest date, else the plan default 2025-12-31', () => {
    const due = Object.fromEntries(
      items.filter((i) => !i.preamble).map((i) => [i.numberText, i.dueOn]),
    );
    const own: Record<string, string> = {
      七: '2022-12-31',
      二十三: '2022-12-31',
      三十二: '2022-12-31',
      二十六: '2023-12-31',
      二十五: '2024-12-31',
    };
    for (const [numberText, dueOn] of Object.entries(due)) {
      expect([numberText, dueOn]).toEqual([numberText, own[numberText] ?? '2025-12-31']);
    }
    expect(item('七').dueOnSource).toBe('item');
    expect(item('四').dueOnSource).toBe('plan');
  });

  it('finds the recurring targets of (十八) and (三十七)', () => {
    expect(item('十八').deadlines).toEqual([
      expect.objectContaining({
        kind: 'recurring',
        text: '每年至少开展1次',
        count: 1,
        per: 'year',
        line: 84,
      }),
    ]);
    const recurring = item('三十七').deadlines.filter((d) => d.kind === 'recurring');
    expect(recurring.map((d) => [d.count, d.per])).toEqual([
      [4, 'year'],
      [2, 'year'],
      [1, 'term'],
      [60, 'year'],
    ]);
  });

  it('finds the 10-working-day rule of (三十二) beside its date', () => {
    expect(item('三十二').deadlines).toEqual([
      expect.objectContaining({ kind: 'relative', text: '10个工作日内', workingDays: 10 }),
      expect.objectContaining({ kind: 'date', text: '2022年年底前', dueOn: '2022-12-31' }),
    ]);
  });

  it('keeps the closing paragraph and skips the page chrome, with nothing left unexplained', () => {
    expect(result.closing).toHaveLength(1);
    expect(result.closing[0]).toMatchObject({ line: 132 });
    expect(result.ignored.map((p) => p.line)).toEqual([1, 5, 135]);
    expect(result.preface.map((p) => p.line)).toEqual([3, 7, 13, 15, 19, 21, 25, 27, 29, 32, 36]);
    expect(result.warnings.map((w) => w.code).sort()).toEqual([
      'DOC_NUMBER_REPAIRED',
      'GROUP_REPAIRED',
    ]);
  });

  it('collects the distinct units, one spelling per unit with the others as variants', () => {
    const units = collectUnits(result);
    expect(collectUnitNames(result)).toEqual([
      '区人劳局',
      '区经发局',
      '区建设局',
      '区市场监管分局',
      '各镇(街道)',
      '区社会事业服务中心',
      '区自然资源和规划分局',
      '区行政服务中心',
      '区监察室',
      '区党工委办公室',
      '区直各相关部门',
      '区直各行政执法部门',
      '区信息中心',
      '经开公安分局',
      '区应急管理局',
      '区消防救援大队',
      '区法院',
      '区信访局',
      '区发改委',
      '区人大政协联络办公室',
      '区党办',
      '区财政局',
      '区审计局',
      '区统计局',
      '区督查室',
      '区非公党建学院',
    ]);
    const variants = Object.fromEntries(
      units.filter((u) => u.variants.length).map((u) => [u.name, u.variants]),
    );
    expect(variants).toEqual({
      区经发局: ['经发局'],
      区社会事业服务中心: ['区社会事业服务中心(卫健委)'],
      区党工委办公室: ['区政党工委办公室'],
      经开公安分局: ['公安分局'],
      区党办: ['党办'],
    });
    expect(units.filter((u) => u.group).map((u) => u.name)).toEqual([
      '各镇(街道)',
      '区直各相关部门',
      '区直各行政执法部门',
    ]);
  });

  it('matches the units against a directory built from the collected names', () => {
    const directory = collectUnits(result).map((u, i) => ({
      id: String(i),
      name: u.name,
      aliases: u.variants,
    }));
    const matched = parsePlan(SEED, { directory });
    const units = matched.sections.flatMap((s) => s.items.flatMap((i) => i.units));
    expect(
      units.every((u) => u.match && u.match.kind !== 'none' && u.match.kind !== 'ambiguous'),
    ).toBe(true);
    expect(matched.warnings.filter((w) => w.code.startsWith('UNIT_'))).toEqual([]);
  });
});

describe('recurring targets keep their subject', () => {
  it('gives each recurring phrase of the seed plan the clause it stands in', () => {
    const parsed = parsePlan(SEED);
    const subjects = parsed.sections
      .flatMap((s) => s.items)
      .flatMap((i) => i.deadlines)
      .filter((d) => d.kind === 'recurring')
      .map((d) => d.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        '区政府常务会议学法每年不少于4次',
        '政府领导班子法治专题讲座每年不少于2期',
        '区政府承担行政执法职能的部门负责人任期内至少接受1次法治专题脱产培训',
      ]),
    );
    expect(subjects.every((s) => !!s && s.length <= 80)).toBe(true);
  });

  it('cuts a long clause around the phrase', () => {
    const long = `${'甲'.repeat(200)}每年至少开展1次${'乙'.repeat(200)}`;
    const cut = clauseAround(long, 200, 208);
    expect(cut).toContain('每年至少开展1次');
    expect(cut.length).toBeLessThanOrEqual(80);
  });
});
