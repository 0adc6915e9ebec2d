/*
 * Parse speed of @app/plan-parser on the seed plan and on a ~1 MB plan made of seed copies.
 * Run: node -r @swc-node/register test/bench/parse.bench.ts
 * Each case stops after its run count or its time budget, whichever comes first.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePlan } from '@app/plan-parser';

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

function bench({ name, text, runs, budgetMs }: Case): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  for (let i = 0; i < 3; i++) parsePlan(text); // warm-up: lets the JIT compile the hot paths
  const times: number[] = [];
  const started = performance.now();
  let items = 0;
  while (times.length < runs && performance.now() - started < budgetMs) {
    const t0 = performance.now();
    const result = parsePlan(text);
    times.push(performance.now() - t0);
    items = result.sections.reduce((n, s) => n + s.items.length, 0);
  }
  const ms = median(times);
  console.log(
    `${name}: ${(bytes / MB).toFixed(2)} MB, ${items} items, median ${ms.toFixed(1)} ms ` +
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
