import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deadline } from './deadline';
import { earliestDateDeadline, extractDeadlines } from './extract-deadlines';

// The seed plan 漯开文〔2022〕57号, issued 2022-10-21 for the period 2022—2025.
const plan = readFileSync(join(__dirname, '../../../../test/fixtures/plan-003.txt'), 'utf8');
const ctx = { issuedOn: '2022-10-21', periodStartYear: 2022, periodEndYear: 2025 };

// Each item is one paragraph opening with its half-width marker, e.g. "(七)加快建设服务型政府。".
const items = new Map(
  plan
    .split('\n')
    .map((line) => line.trim())
    .flatMap((line) => {
      const marker = /^\(([一二三四五六七八九十]+)\)/.exec(line);
      return marker ? [[marker[1], line] as const] : [];
    }),
);
const closing = plan.split('\n').find((line) => line.includes('确保2025年年底前全面完成')) ?? '';

const deadlinesOf = (item: string): Deadline[] => {
  const text = items.get(item);
  if (text === undefined) throw new Error(`item (${item}) not found in the seed plan`);
  return extractDeadlines(text, ctx);
};
const shapes = (deadlines: Deadline[]) => deadlines.map(({ index: _index, ...rest }) => rest);

describe('seed plan 经开区法治政府建设实施方案 (2022—2025年)', () => {
  it('has the 37 numbered items the extraction is checked against', () => {
    expect(items.size).toBe(37);
  });

  it.each([
    ['七', '2022-12-31'],
    ['二十三', '2022-12-31'],
    ['二十六', '2023-12-31'],
    ['二十五', '2024-12-31'],
  ])('gives item (%s) the single date deadline %s', (item, dueOn) => {
    expect(shapes(deadlinesOf(item))).toEqual([
      { text: `${dueOn.slice(0, 4)}年年底前`, kind: 'date', dueOn },
    ]);
  });

  it('gives item (三十二) 10 working days and 2022-12-31', () => {
    const deadlines = deadlinesOf('三十二');
    expect(shapes(deadlines)).toEqual([
      { text: '10个工作日内', kind: 'relative', workingDays: 10 },
      { text: '2022年年底前', kind: 'date', dueOn: '2022-12-31' },
    ]);
    expect(earliestDateDeadline(deadlines)).toBe('2022-12-31');
  });

  it('gives item (十八) one drill a year', () => {
    expect(shapes(deadlinesOf('十八'))).toEqual([
      { text: '每年至少开展1次', kind: 'recurring', count: 1, per: 'year', unit: '次' },
    ]);
  });

  it('gives item (三十七) its four recurring training targets', () => {
    expect(shapes(deadlinesOf('三十七'))).toEqual([
      { text: '每年不少于4次', kind: 'recurring', count: 4, per: 'year', unit: '次' },
      { text: '每年不少于2期', kind: 'recurring', count: 2, per: 'year', unit: '期' },
      { text: '任期内至少接受1次', kind: 'recurring', count: 1, per: 'term', unit: '次' },
      {
        text: '每人每年接受不少于60学时',
        kind: 'recurring',
        count: 60,
        per: 'year',
        unit: '学时',
      },
    ]);
  });

  it('reads the closing default 确保2025年年底前全面完成 as 2025-12-31', () => {
    expect(shapes(extractDeadlines(closing, ctx))).toEqual([
      { text: '2025年年底前', kind: 'date', dueOn: '2025-12-31' },
    ]);
  });

  it('reads the targets of the overall goal (三) as 2025 and 2035, not “十四五”', () => {
    expect(deadlinesOf('三').map((d) => [d.text, d.dueOn])).toEqual([
      ['到2025年', '2025-12-31'],
      ['到2035年', '2035-12-31'],
    ]);
  });

  it('finds no deadline of any kind in the other 29 items', () => {
    const withDeadlines = ['三', '七', '十八', '二十三', '二十五', '二十六', '三十二', '三十七'];
    const others = [...items.keys()].filter((item) => !withDeadlines.includes(item));
    expect(others).toHaveLength(29);
    expect(others.filter((item) => deadlinesOf(item).length > 0)).toEqual([]);
  });

  it('finds no deadline at all in the header with its issue date 2022年10月21日', () => {
    const header = plan.slice(0, plan.indexOf('一、总体要求'));
    expect(header).toContain('2022年10月21日');
    expect(extractDeadlines(header, ctx)).toEqual([]);
  });
});
