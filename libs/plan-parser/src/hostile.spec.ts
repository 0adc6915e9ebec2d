import { readFileSync } from 'fs';
import { join } from 'path';
import { MAX_PLAN_ITEMS, MAX_PLAN_TEXT_LENGTH, PlanParseError } from './errors';
import { parsePlan } from './parse-plan';
import { MAX_WARNINGS } from './warnings';

const ROOT = join(__dirname, '../../..');
const SEED = readFileSync(join(ROOT, 'test/fixtures/plan-003.txt'), 'utf8');

function parseError(input: unknown): PlanParseError {
  try {
    parsePlan(input as string);
  } catch (error) {
    if (error instanceof PlanParseError) return error;
    throw error;
  }
  throw new Error('parsePlan did not throw');
}

/** Parses, and returns the result or the PlanParseError; anything else thrown fails the test. */
function outcome(text: string): ReturnType<typeof parsePlan> | PlanParseError {
  try {
    return parsePlan(text);
  } catch (error) {
    if (error instanceof PlanParseError) return error;
    throw error;
  }
}

/*
 * Speed is measured by `npm run bench:parse` (seed, 1 MB, 10 MB and the hostile shapes below);
 * these tests assert behaviour only: a clear error or a bounded result with warnings.
 */
describe('hostile input', () => {
  it.each([
    ['empty text', ''],
    ['only whitespace', ' \n\t\n　\n'],
  ])('refuses %s with EMPTY', (_, text) => {
    const error = parseError(text);
    expect(error.code).toBe('EMPTY');
    expect(error.message).toContain('未识别到任何条目');
  });

  it('refuses something that is not a string', () => {
    expect(parseError(Buffer.from('一、')).code).toBe('NOT_TEXT');
    expect(parseError(undefined).code).toBe('NOT_TEXT');
  });

  it('refuses text without numbered items with NO_ITEMS and a message in Chinese', () => {
    const error = parseError('这是一段普通文字。\n没有任何编号，也没有责任单位。');
    expect(error).toBeInstanceOf(PlanParseError);
    expect(error.name).toBe('PlanParseError');
    expect(error.code).toBe('NO_ITEMS');
    expect(error.message).toMatch(/^未识别到任何条目/);
  });

  it('refuses binary data (a file decoded as UTF-8) with BINARY', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const error = parseError(bytes.toString('utf8'));
    expect(error.code).toBe('BINARY');
    expect(error.message).toContain('二进制');
  });

  it('removes a few NUL bytes and replacement characters, and says where', () => {
    const damaged = SEED.replace('(五)深化', '(五)\u0000深化').replace(
      '区信访局',
      '区信\uFFFD访局',
    );
    const result = parsePlan(damaged);
    expect(result.sections.flatMap((s) => s.items)).toHaveLength(37);
    expect(
      result.warnings.filter((w) => w.code === 'CONTROL_CHARS_REMOVED').map((w) => w.line),
    ).toEqual([50, 90]);
    const item20 = result.sections[6].items[0];
    expect(item20.units.map((u) => u.name)).toEqual(['区法院', '区信访局', '各镇(街道)']);
  });

  it('refuses text longer than MAX_PLAN_TEXT_LENGTH before reading it', () => {
    const error = parseError('一'.repeat(MAX_PLAN_TEXT_LENGTH + 1));
    expect(error.code).toBe('TOO_LONG');
    expect(error.message).toContain('文本过长');
  });

  it.each([
    ['seed reports of 2022 and 2023', '000_e08b2b13115da112.txt'],
    ['a township report', '002_bdd5a2bb1f760610.txt'],
    ['a bureau report', '004_6efd04db04ef329f.txt'],
  ])('refuses an annual report (%s) as NOT_A_PLAN', (_, file) => {
    const text = readFileSync(join(ROOT, 'test/fixtures', `report-${file}`), 'utf8');
    expect(parseError(text).code).toBe('NOT_A_PLAN');
  });

  it('refuses a report flattened onto one line', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/report-001_fd658a1a66ad7d13.txt'), 'utf8');
    expect(['NO_ITEMS', 'NOT_A_PLAN']).toContain(parseError(text).code);
  });

  it('parses a 10 MB plan and caps its warnings with a count', () => {
    const copies = Math.ceil((10 * 1024 * 1024) / SEED.length);
    const big = Array.from({ length: copies }, () => SEED).join('\n');
    const result = parsePlan(big);
    expect(result.sections.flatMap((s) => s.items)).toHaveLength(37 * copies);
    expect(result.warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(result.warnings[MAX_WARNINGS].code).toBe('TOO_MANY_WARNINGS');
  }, 120_000);

  it.each([
    ['one 10 MB line', () => 'x'.repeat(10 * 1024 * 1024)],
    ['10 MB of unclosed unit brackets', () => '(一)标题。正文〔责任单位:'.repeat(400_000)],
    ['deeply nested brackets', () => `(一)标题${'('.repeat(2_000_000)}${')'.repeat(2_000_000)}`],
    [
      'a million concatenated names',
      () => `(一)甲。乙〔责任单位:${'区人劳局'.repeat(150)}〕\n`.repeat(10_000),
    ],
  ])(
    'survives %s with an error or a bounded result',
    (_, make) => {
      const result = outcome(make());
      if (result instanceof PlanParseError) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
      else expect(result.warnings.length).toBeLessThanOrEqual(MAX_WARNINGS + 1);
    },
    120_000,
  );

  it('reads a plan whose 1 MB is one line', () => {
    const body = Array.from(
      { length: 900 },
      (_, i) =>
        `(${i + 1})推进第${i + 1}项工作。具体内容${'甲乙丙'.repeat(150)}。(责任单位:区财政局)`,
    ).join('');
    const text = `某县工作方案\n一、重点任务 ${body}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    const result = outcome(text);
    expect(result).not.toBeInstanceOf(PlanParseError);
    const items = (result as ReturnType<typeof parsePlan>).sections.flatMap((s) => s.items);
    expect(items).toHaveLength(900);
    expect(items[0].units.map((u) => u.name)).toEqual(['区财政局']);
  }, 120_000);

  it('warns about brackets nested 1,000 deep and unbalanced, and keeps the item', () => {
    const deep = `${'('.repeat(1000)}嵌套${')'.repeat(1000)}`;
    const unbalanced = `${'〔'.repeat(1000)}责任单位:区财政局`;
    const result = parsePlan(
      `某方案\n一、任务\n(一)甲。${deep}(责任单位:区人劳局)\n(二)乙。${unbalanced}\n(三)丙。正文${')'.repeat(1000)}`,
    );
    const items = result.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(3);
    expect(items[0].units.map((u) => u.name)).toEqual(['区人劳局']);
    const lines = result.warnings
      .filter((w) => w.code === 'UNBALANCED_BRACKETS')
      .map((w) => w.line);
    expect(lines).toEqual(expect.arrayContaining([4, 5]));
  });

  it('refuses more than MAX_PLAN_ITEMS items with TOO_MANY_ITEMS', () => {
    const text = '(一)甲\n'.repeat(MAX_PLAN_ITEMS + 1);
    const error = parseError(text);
    expect(error.code).toBe('TOO_MANY_ITEMS');
    expect(error.message).toContain('条目过多');
  }, 120_000);

  it('warns about unbalanced brackets and still reads the units', () => {
    const result = parsePlan(
      '某方案(2023—2024年)\n一、任务\n(一)加强。正文〔责任单位:区人劳局、区经发局\n(二)推进。内容)〕〔责任单位:区财政局〕',
    );
    const items = result.sections[0].items;
    expect(items[0].units.map((u) => u.name)).toEqual(['区人劳局', '区经发局']);
    expect(items[1].units.map((u) => u.name)).toEqual(['区财政局']);
    expect(result.warnings.filter((w) => w.code === 'UNBALANCED_BRACKETS')).toEqual([
      expect.objectContaining({ line: 3, text: '(一)加强。正文〔责任单位:区人劳局、区经发局' }),
      expect.objectContaining({ line: 4, text: '(二)推进。内容)〕〔责任单位:区财政局〕' }),
    ]);
  });

  it('reads a pasted table whose quoted cells never close as rows, quotes kept as text', () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `${(i % 999) + 1}\t"任务${i + 1}\t区财政局\t年底前`,
    );
    const result = parsePlan(
      ['某县任务清单', '序号\t工作任务\t责任单位\t完成时限', ...rows].join('\n'),
    );
    const items = result.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(20_000);
    expect(items[0].title).toBe('"任务1');
    expect(items[19_999].units.map((u) => u.name)).toEqual(['区财政局']);
  }, 120_000);
});
