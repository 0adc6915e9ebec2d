import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parsePlan } from './parse-plan';
import type { Item, ParseResult } from './types';
import { isGroupPhrase } from './units/groups';
import { endsWithUnitSuffix } from './units/names';

/*
 * The nine real documents of test/fixtures/corpus (04's annex table included), checked against the hand counts in its
 * README.md. The parser must read documents like these that nobody here has seen, so these
 * tests check the counts a person made, not what the parser happened to produce.
 */

const CORPUS = join(__dirname, '../../../test/fixtures/corpus');
const read = (name: string) => readFileSync(join(CORPUS, name), 'utf8');
const parse = (name: string) => parsePlan(read(name));

const itemsOf = (r: ParseResult) => r.sections.flatMap((s) => s.items);
const withUnits = (r: ParseResult) => itemsOf(r).filter((i) => i.units.length > 0);
const lead = (i: Item) => i.units.filter((u) => u.role === 'lead').map((u) => u.name);
const names = (i: Item) => i.units.map((u) => u.name);
const dues = (i: Item) => i.deadlines.filter((d) => d.dueOn).map((d) => `${d.text}=${d.dueOn}`);
const kept = (i: Item) =>
  (i.otherDates ?? []).map((d) => `${d.text}=${d.startOn ?? ''}…${d.endOn ?? ''}`);
const byNumber = (r: ParseResult, numberText: string) => {
  const item = itemsOf(r).find((i) => i.numberText === numberText);
  if (!item) throw new Error(`item ${numberText} not found`);
  return item;
};

/** No 文号, no clause, no sentence is taken for a unit: every name is a unit name or a group. */
function expectOnlyUnitNames(r: ParseResult): void {
  const all = itemsOf(r).flatMap((i) => [...i.units, ...i.tasks.flatMap((t) => t.units)]);
  const bad = all.filter(
    (u) =>
      /〔\d{4}〕|\[\d{4}\]|\d+号|[。:;]|负责|牵头/.test(u.name) ||
      u.name.length > 30 ||
      !(u.group ? isGroupPhrase(u.name) : endsWithUnitSuffix(u.name)),
  );
  expect(bad.map((u) => u.name)).toEqual([]);
}

describe('corpus 01 国办发〔2018〕129号 (national, 等和各省级人民政府负责)', () => {
  const r = parse('01_guobanfa2018_129_xiaofei_fupin.txt');
  it('reads 6 chapters, 17 items, all with units', () => {
    expect(r.plan).toMatchObject({
      title: '国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见',
      docNumber: '国办发〔2018〕129号',
      issuers: ['国务院办公厅'],
      issuedOn: '2018-12-30',
    });
    expect(r.sections).toHaveLength(6);
    expect(itemsOf(r)).toHaveLength(17);
    expect(withUnits(r)).toHaveLength(17);
  });
  it('takes the first-listed unit as lead and keeps names with 和 whole', () => {
    expect(itemsOf(r).slice(0, 3).map(lead)).toEqual([['扶贫办'], ['扶贫办'], ['全国工商联']]);
    expect(names(itemsOf(r)[0])).toEqual([
      '扶贫办',
      '中央统战部',
      '中央和国家机关工委',
      '教育部',
      '卫生健康委',
      '人民银行',
      '国资委',
      '国管局',
      '中央军委政治工作部',
      '全国总工会',
      '各省级人民政府',
    ]);
    expect(itemsOf(r)[0].units.find((u) => u.name === '各省级人民政府')?.group).toBe(true);
    expect(names(byNumber(r, '五'))).toContain('文化和旅游部');
  });
  it('finds no deadline and takes no clause for a unit', () => {
    expect(itemsOf(r).flatMap(dues)).toEqual([]);
    expectOnlyUnitNames(r);
  });
});

describe('corpus 03 国发〔2018〕39号 (列第一位者为牵头单位，下同)', () => {
  const r = parse('03_guofa2018_39_cujin_jiuye.txt');
  const items = itemsOf(r);
  it('reads 5 chapters and 15 items, all with units', () => {
    expect(r.sections).toHaveLength(5);
    expect(items).toHaveLength(15);
    expect(withUnits(r)).toHaveLength(15);
  });
  it('leads by the stated rule and reads groups without a named unit', () => {
    expect(items.slice(0, 3).map(lead)).toEqual([['人力资源社会保障部'], ['财政部'], ['财政部']]);
    expect(names(items[0])).toEqual(['人力资源社会保障部', '财政部']);
    expect(names(byNumber(r, '四'))).toEqual([
      '人力资源社会保障部',
      '科技部',
      '财政部',
      '住房城乡建设部',
      '市场监管总局',
      '各省级人民政府',
    ]);
    expect(names(byNumber(r, '十二'))).toEqual(['各省级人民政府']);
    expect(names(byNumber(r, '十三'))).toEqual(['各有关部门和单位']);
    expectOnlyUnitNames(r);
  });
  it('keeps the dated policy periods apart and dates 印发之日起30日内 from the issue date', () => {
    expect(kept(items[0])).toEqual(['2019年1月1日至12月31日=2019-01-01…2019-12-31']);
    expect(kept(byNumber(r, '五'))).toEqual(['从2019年1月1日起=2019-01-01…2019-01-01']);
    expect(kept(byNumber(r, '六'))).toEqual(['2019年1月1日至12月31日=2019-01-01…2019-12-31']);
    expect(kept(byNumber(r, '七'))).toEqual(['2019年1月1日至2020年12月31日=2019-01-01…2020-12-31']);
    expect(kept(byNumber(r, '八'))).toEqual(['2019年1月1日至2020年12月31日=2019-01-01…2020-12-31']);
    expect(byNumber(r, '十二').deadlines).toEqual([
      expect.objectContaining({ text: '30日内', kind: 'relative', days: 30, dueOn: '2018-12-16' }),
    ]);
    expect(r.warnings.filter((w) => w.code === 'DATE_NOT_DEADLINE').map((w) => w.line)).toEqual(
      expect.arrayContaining([8, 13, 15, 16, 17]),
    );
  });
});

describe('corpus 04 国办发〔2018〕126号 (a notice, then its 推广清单 as a tab-separated table)', () => {
  const r = parse('04_guobanfa2018_126_tuiguang_qingdan_table.txt');
  const items = itemsOf(r);
  it('reads the notice’s title, 文号 and signature, and keeps its prose as the preface', () => {
    expect(r.plan).toMatchObject({
      title: '国务院办公厅关于推广第二批支持创新相关改革举措的通知',
      docNumber: '国办发〔2018〕126号',
      issuers: ['国务院办公厅'],
      issuedOn: '2018-12-23',
      layout: 'table',
    });
    expect(r.preface.map((p) => p.text)).toContain('二、高度重视推广工作');
  });
  it('makes the 17 rows the items, all with the 指导部门 column as their units', () => {
    expect(items).toHaveLength(17);
    expect(withUnits(r)).toHaveLength(17);
    expect(items.map((i) => i.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 21, 22, 23,
    ]);
    expect(r.sections.map((s) => [s.numberText, s.items.length])).toEqual([
      ['一', 5],
      ['二', 4],
      ['三', 5],
      ['四', 0],
      ['五', 3],
    ]);
    expect(items.slice(0, 3).map(lead)).toEqual([
      ['最高人民法院'],
      ['最高人民法院'],
      ['国家知识产权局'],
    ]);
    expect(names(items[0])).toEqual(['最高人民法院', '最高人民检察院', '国家知识产权局']);
    expect(items[0].title).toBe('知识产权民事、刑事、行政案件“三合一”审判');
    expectOnlyUnitNames(r);
  });
  it('takes the 推广范围 column for text, not for a deadline', () => {
    expect(items.flatMap(dues)).toEqual([]);
    expect(items[0].body).toContain('推广范围:全国');
    expect(r.warnings.filter((w) => w.code === 'TABLE_ROW')).toEqual([]);
  });
});

describe('corpus 05 国办发〔2019〕3号 (1. restarting per chapter, dates, no units)', () => {
  const r = parse('05_guobanfa2019_3_youeryuan_zhili.txt');
  it('reads 9 items numbered again in each chapter, none with units, each warned about', () => {
    expect(r.sections.map((s) => s.items.length)).toEqual([0, 3, 3, 3]);
    expect(withUnits(r)).toHaveLength(0);
    expect(r.warnings.filter((w) => w.code === 'ITEM_WITHOUT_UNITS')).toHaveLength(9);
    expect(r.warnings.filter((w) => w.code === 'NUMBERING')).toEqual([]);
    expect(r.plan).toMatchObject({ issuers: ['国务院办公厅'], issuedOn: '2019-01-09' });
  });
  it('reads every deadline of 三.1 and 三.2', () => {
    const [first, second] = r.sections[2].items;
    expect(dues(first)).toEqual(['2019年4月底前=2019-04-30']);
    expect(dues(second)).toEqual([
      '2019年6月底前=2019-06-30',
      '2019年9月底前=2019-09-30',
      '2019年12月底前=2019-12-31',
      '2020年12月底前=2020-12-31',
    ]);
  });
});

describe('corpus 06 贵州 行动方案 (1.–56. under unit-less (一) headings, 四季度)', () => {
  const r = parse('06_guizhou_fugong_fuchan_fushi_2022.txt');
  it('makes the numbered measures and the (n) with units of chapter 九 the 59 items', () => {
    expect(r.sections).toHaveLength(9);
    expect(itemsOf(r)).toHaveLength(59);
    expect(withUnits(r)).toHaveLength(59);
    expect(byNumber(r, '56').under).toMatchObject({ numberText: '二十二' });
    expect(r.sections[8].items.map((i) => i.numberText)).toEqual(['二十三', '二十四', '二十五']);
  });
  it('reads the first units, shared suffixes in 〔〕 and vague groups', () => {
    expect(
      itemsOf(r)
        .slice(0, 3)
        .map((i) => lead(i)[0]),
    ).toEqual(['省发展改革委', '省发展改革委', '各市(州)人民政府']);
    expect(names(itemsOf(r)[0])).toEqual([
      '省发展改革委',
      '其他省直有关部门和单位',
      '各市(州)人民政府',
      '各县(市、区、特区)人民政府',
    ]);
    expectOnlyUnitNames(r);
  });
  it('dates yearless phrases in the year of issue (2022), even when already past', () => {
    expect(dues(byNumber(r, '5'))).toEqual([
      '2022年10月10日前=2022-10-10',
      '10月25日前=2022-10-25',
      '年底前=2022-12-31',
    ]);
    expect(dues(byNumber(r, '6'))).toEqual(['10月10日前=2022-10-10']);
    expect(byNumber(r, '6').deadlines.map((d) => d.kind)).toContain('relative');
    expect(dues(byNumber(r, '7'))).toEqual(['10月15日前=2022-10-15']);
    expect(dues(byNumber(r, '13'))).toEqual(
      expect.arrayContaining(['11月底前=2022-11-30', '年底前=2022-12-31', '四季度=2022-12-31']),
    );
    for (const n of ['14', '15', '16', '18', '19', '20', '21', '32', '47']) {
      expect(dues(byNumber(r, n))).toContain('四季度=2022-12-31');
    }
    expect(dues(byNumber(r, '34'))).toEqual(
      expect.arrayContaining(['9月底=2022-09-30', '11月底前=2022-11-30']),
    );
    expect(dues(byNumber(r, '38'))).toEqual(
      expect.arrayContaining(['9月底前=2022-09-30', '年底前=2022-12-31']),
    );
    for (const n of ['22', '29', '30', '39']) {
      expect(dues(byNumber(r, n))).toContain('年底前=2022-12-31');
    }
    for (const n of ['40', '50', '51']) expect(dues(byNumber(r, n))).toContain('年底=2022-12-31');
  });
});

describe('corpus 08 济源示范区 (牵头单位/责任单位 in nested brackets, 1.–100.)', () => {
  const r = parse('08_jiyuan_tizhen_xinxin_2023.txt');
  it('reads 7 chapters and 100 items, all with units', () => {
    expect(r.sections).toHaveLength(7);
    expect(itemsOf(r)).toHaveLength(100);
    expect(withUnits(r)).toHaveLength(100);
  });
  it('reads labelled leads with nested brackets and the area written once', () => {
    expect(itemsOf(r).slice(0, 3).map(lead)).toEqual([
      ['示范区发展改革和统计局(商务局)'],
      ['示范区发展改革和统计局'],
      ['示范区发展改革和统计局(商务局)'],
    ]);
    expect(itemsOf(r)[0].units.map((u) => `${u.name}:${u.role}`)).toEqual([
      '示范区发展改革和统计局(商务局):lead',
      '示范区财政金融局:co',
    ]);
    expect(names(itemsOf(r)[1])).toContain('示范区住房和城乡建设局');
    expect(itemsOf(r)[0].units[0].roleSource).toBe('label');
    expectOnlyUnitNames(r);
  });
  it('reads the deadlines and keeps periods and conditions apart with their dates', () => {
    expect(dues(byNumber(r, '53'))).toEqual(['2023年6月底前=2023-06-30']);
    expect(dues(byNumber(r, '92'))).toEqual(['年底前=2023-12-31']);
    expect(kept(byNumber(r, '1'))).toEqual(['2023年1月1日—3月31日=2023-01-01…2023-03-31']);
    expect(kept(byNumber(r, '12'))).toEqual(['延至2023年3月31日=…2023-03-31']);
    expect(kept(byNumber(r, '21'))).toEqual(['至2023年4月30日期间=…2023-04-30']);
    expect(kept(byNumber(r, '22'))).toEqual(
      expect.arrayContaining(['2023年4月30日前=…2023-04-30']),
    );
    expect(kept(byNumber(r, '55'))).toEqual(
      expect.arrayContaining(['2023年3月31日前=…2023-03-31', '延至2023年6月30日=…2023-06-30']),
    );
    expect(kept(byNumber(r, '62'))).toEqual(['至2023年3月31日=…2023-03-31']);
  });
});

describe('corpus 10 定西 (one unit line per chapter, year from the text)', () => {
  const r = parse('10_dingxi_jindong_mingchun_2023.txt');
  it('gives every item of a chapter the chapter’s unit line', () => {
    expect(r.sections).toHaveLength(8);
    expect(itemsOf(r)).toHaveLength(30);
    expect(withUnits(r)).toHaveLength(30);
    expect(itemsOf(r).every((i) => i.unitsFrom === 'section')).toBe(true);
    expect(
      r.sections.slice(0, 3).map((s) => s.units?.find((u) => u.role === 'lead')?.name),
    ).toEqual(['市商务局', '市文体旅游局', '市工信局']);
    expect(itemsOf(r)[0].units.map((u) => `${u.name}:${u.role}`)).toEqual([
      '市商务局:lead',
      '各县区人民政府:co',
      '市政府相关单位:co',
    ]);
    expect(lead(r.sections[5].items[0])).toEqual(['市农业农村局', '市畜牧兽医局']);
    expectOnlyUnitNames(r);
  });
  it('dates 年底前 in 2023, 上旬 on the 10th and 2024年2月底前 on the 29th', () => {
    expect(dues(byNumber(r, '十八'))).toContain('年底前=2023-12-31');
    expect(dues(byNumber(r, '十九'))).toEqual([
      '2023年12月上旬=2023-12-10',
      '2024年2月底前=2024-02-29',
    ]);
    expect(dues(byNumber(r, '二十'))).toEqual(
      expect.arrayContaining(['年底前=2023-12-31', '2024年3月底前=2024-03-31']),
    );
    expect(kept(byNumber(r, '十五'))).toEqual(['截至2025年12月31日=…2025-12-31']);
  });
  it('skips the web page’s links after the text', () => {
    expect(r.ignored.map((p) => p.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PDF:/), expect.stringMatching(/^政策解读:/)]),
    );
  });
});

describe('corpus 12 宿松县 (一、 items, PDF page breaks, shared suffixes)', () => {
  const r = parse('12_susong_xian_fangdichan_2022.txt');
  it('reads 11 items, all with units', () => {
    expect(itemsOf(r)).toHaveLength(11);
    expect(withUnits(r)).toHaveLength(11);
    expect(itemsOf(r).slice(0, 3).map(lead)).toEqual([
      ['住房和城乡建设局'],
      ['自然资源和规划局'],
      ['住房和城乡建设局'],
    ]);
  });
  it('splits shared suffixes and joins a unit list broken by a page', () => {
    expect(names(itemsOf(r)[0])).toEqual([
      '住房和城乡建设局',
      '自然资源和规划局',
      '各乡人民政府',
      '各镇人民政府',
      '经开区管委会',
      '东北新城管委会',
    ]);
    expect(names(byNumber(r, '九'))).toEqual(
      expect.arrayContaining(['经开区管委会', '东北新城管委会', '自然资源和规划局']),
    );
    expect(byNumber(r, '二').units.map((u) => u.name)).toContain('自然资源和规划局');
    expectOnlyUnitNames(r);
  });
  it('keeps the 2021 cut-off apart and takes the 2022 deadlines', () => {
    expect(dues(itemsOf(r)[0])).toEqual([]);
    expect(kept(itemsOf(r)[0])[0]).toBe('2021年11月24日前=…2021-11-24');
    expect(dues(byNumber(r, '四'))).toEqual(['2022年12月31日前=2022-12-31']);
    expect(dues(byNumber(r, '五'))).toEqual(['2022年12月31日前=2022-12-31']);
    expect(byNumber(r, '七').deadlines).toContainEqual(
      expect.objectContaining({ kind: 'relative', workingDays: 2 }),
    );
  });
});

describe('corpus 14 福田区 (若干措施, one group per item)', () => {
  const r = parse('14_futian_qu_kuoda_xiaofei_2023.txt');
  it('reads 19 items with units', () => {
    expect(r.plan.title).toBe('福田区关于恢复和扩大消费的若干措施');
    expect(itemsOf(r)).toHaveLength(19);
    expect(withUnits(r)).toHaveLength(19);
    expect(itemsOf(r).slice(0, 3).map(lead)).toEqual([
      ['区发展改革局'],
      ['区工业和信息化局'],
      ['区住房建设局'],
    ]);
    expect(names(itemsOf(r)[0])).toEqual(['区发展改革局', '区工业和信息化局']);
    expect(names(byNumber(r, '十八'))[0]).toBe('市市场监管局福田局');
    expectOnlyUnitNames(r);
  });
  it('dates 年内 in the year the text points to', () => {
    expect(dues(byNumber(r, '十八'))).toEqual(['年内=2023-12-31']);
  });
});

describe('the corpus in other shapes', () => {
  it('reads 06 the same when the whole document arrives on one line', () => {
    const oneLine = read('06_guizhou_fugong_fuchan_fushi_2022.txt').split('\n').slice(1).join('');
    const r = parsePlan(oneLine);
    expect(itemsOf(r)).toHaveLength(59);
    expect(withUnits(r)).toHaveLength(59);
    expect(names(itemsOf(r)[0])[0]).toBe('省发展改革委');
  });
  it('reads every document’s units the same when a county’s directory is given', () => {
    // What an import passes: the system's units, here a county's. Names it does not know
    // (国务院国资委, 人民银行宿松支行, 中央军委政治工作部, 示范区工业和科技创新委员会) must stay whole, as
    // without a directory, and not be cut at a suffix or at a directory name inside them.
    const directory = ['县国资委', '县科技局', '县财政局', '县发展和改革局', '县委宣传部'].map(
      (name) => ({ name }),
    );
    const unitNames = (r: ParseResult) =>
      itemsOf(r).map((i) => [...names(i), ...i.tasks.flatMap((t) => t.units.map((u) => u.name))]);
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
      const text = read(file);
      expect([file, unitNames(parsePlan(text, { directory }))]).toEqual([
        file,
        unitNames(parsePlan(text)),
      ]);
    }
  });
  it('reads 03 the same with full-width punctuation folded by NFKC', () => {
    const r = parsePlan(read('03_guofa2018_39_cujin_jiuye.txt').normalize('NFKC'));
    expect(withUnits(r)).toHaveLength(15);
    expect(names(itemsOf(r)[0])).toEqual(['人力资源社会保障部', '财政部']);
  });
});
