/*
 * Parse speed of @app/plan-parser on the seed plan and on a ~1 MB plan made of seed copies.
 * Run: node -r @swc-node/register test/bench/parse.bench.ts
 * Each case stops after its run count or its time budget, whichever comes first.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePlan, PlanParseError } from '@app/plan-parser';

const SEED = readFileSync(join(__dirname, '../fixtures/plan-003.txt'), 'utf8');
const MB = 1024 * 1024;

interface Case {
  name: string;
  text: string;
  runs: number;
  budgetMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Item count, or the error code for input the parser refuses (hostile shapes). */
function parseOnce(text: string): string {
  try {
    const result = parsePlan(text);
    return `${result.sections.reduce((n, s) => n + s.items.length, 0)} items`;
  } catch (error) {
    if (error instanceof PlanParseError) return `refused ${error.code}`;
    throw error;
  }
}

function bench({ name, text, runs, budgetMs }: Case): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  parseOnce(text); // warm-up: lets the JIT compile the hot paths
  const times: number[] = [];
  const started = performance.now();
  let outcome = '';
  while (times.length < runs && performance.now() - started < budgetMs) {
    const t0 = performance.now();
    outcome = parseOnce(text);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(
    `${name}: ${(bytes / MB).toFixed(2)} MB, ${outcome}, median ${ms.toFixed(1)} ms ` +
      `of ${times.length} runs, ${(bytes / MB / (ms / 1000)).toFixed(2)} MB/s`,
  );
}

const copies = Math.ceil(MB / Buffer.byteLength(SEED, 'utf8'));
bench({ name: 'seed plan', text: SEED, runs: 50, budgetMs: 10_000 });
bench({
  name: `${copies} seed copies`,
  text: Array(copies).fill(SEED).join('\n'),
  runs: 9,
  budgetMs: 20_000,
});
// The shapes hostile.spec.ts feeds the parser, timed here instead of asserted there.
const line = Array.from(
  { length: 900 },
  (_, i) => `(${i + 1})推进第${i + 1}项工作。具体内容${'甲乙丙'.repeat(150)}。(责任单位:区财政局)`,
).join('');
const hostile: [string, string][] = [
  ['one line of 1 MB (a plan without line breaks)', `某县工作方案\n一、重点任务 ${line}`],
  [
    '10 MB of seed copies',
    Array(copies * 10)
      .fill(SEED)
      .join('\n'),
  ],
  ['one 10 MB line of x', 'x'.repeat(10 * MB)],
  ['10 MB of unclosed unit brackets', '(一)标题。正文〔责任单位:'.repeat(400_000)],
  ['brackets nested 2,000,000 deep', `(一)标题${'('.repeat(2_000_000)}${')'.repeat(2_000_000)}`],
  ['brackets nested 1,000 deep', `一、任务\n(一)甲。${'('.repeat(1000)}乙${')'.repeat(1000)}`],
  // Every list closing a sentence makes a task: each part's end is found once, not per list.
  [
    '1 MB of sentences in one item, each closed by a unit list',
    `一、任务\n(一)甲。${'推进工作。(区财政局负责)'.repeat(80_000)}`,
  ],
  // Label sentences that go on with the task before: roles are worked out once per task, after
  // all its lists (redone per list, 640 KB took 60 s).
  [
    '1 MB of 配合单位 sentences going on with one task',
    `一、任务\n(一)甲。责任单位:区财政局。推进工作。${'配合单位:区审计局。'.repeat(100_000)}`,
  ],
  // A 完成时限 cell's trailing stops are cut by a loop: a regex anchored at the end was quadratic.
  [
    'a table whose 完成时限 cell is 2024年 and 100,000 。 then x',
    `序号\t任务\t牵头单位\t完成时限\n1\t甲。\t区财政局\t2024年${'。'.repeat(100_000)}x`,
  ],
  // Each header looks ahead for its sentence's end: bounded by a block's length, not the line's.
  [
    'a 1 MB sentence of 【牵头单位】 headers',
    `一、任务\n(一)甲。${'【牵头单位】区财政局'.repeat(100_000)}`,
  ],
  [
    'a notice, then a 1 MB tab-separated task table',
    [
      SEED.slice(0, 3000),
      '附件:重点任务清单',
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      // Numbered again in each part, as long tables are (a 序号 has at most three digits).
      ...Array.from({ length: 18_000 }, (_, i) => [
        ...(i % 500 === 0 ? [`第${i / 500 + 1}部分 重点任务`] : []),
        `${(i % 500) + 1}\t推进第${i + 1}项工作,完善机制。\t区财政局\t${i % 3 ? '' : '区经发局'}\t年底前`,
      ]).flat(),
    ].join('\n'),
  ],
  // 各 given to a run of places once per name (a review found it quadratic: 96 KB took 21 s).
  [
    'a 100 KB 责任单位 cell of places, each with its 各 (各县、各市、…人民政府)',
    [
      '某县工作方案',
      '序号\t工作任务\t责任单位\t完成时限',
      `1\t推进工作\t${Array.from({ length: 32_000 }, (_, i) => `各${'县市区镇乡'[i % 5]}`).join('、')}人民政府\t2024年6月`,
    ].join('\n'),
  ],
  [
    '10 MB of table rows whose quoted cells never close',
    [
      '序号\t工作任务\t责任单位\t完成时限',
      ...Array.from(
        { length: 200_000 },
        (_, i) => `${(i % 999) + 1}\t"任务甲乙丙丁${i}\t区财政局\t`,
      ),
    ].join('\n'),
  ],
];
for (const [name, text] of hostile) bench({ name, text, runs: 3, budgetMs: 20_000 });
