/**
 * How each supervision figure grows from one data-set scale to the next: reads the results
 * supervision.bench.ts wrote (BENCH_JSON) for each scale and prints one table. A list page
 * should not grow with the data; statistics at most in proportion to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './supervision.bench';

interface Result {
  units: number;
  assignments: number;
  rows: BenchRow[];
}

const dir = process.argv[2];
const results = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Result)
  .sort((a, b) => a.assignments - b.assignments);
if (results.length >= 2) {
  const [small, large] = [results[0], results[results.length - 1]];
  const data = large.assignments / small.assignments;
  console.log(
    `\ngrowth from ${small.assignments.toLocaleString('en')} to ` +
      `${large.assignments.toLocaleString('en')} assignments (data ×${data.toFixed(1)}), p95 in ms`,
  );
  console.log('| query | API p95 | API p95 larger | growth | SQL p95 | SQL p95 larger | growth |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of small.rows) {
    const other = large.rows.find((r) => r.query === row.query);
    if (!other) continue;
    const f = (x: number) => x.toFixed(1);
    const g = (a: number, b: number) => `×${(b / a).toFixed(2)}`;
    console.log(
      `| ${row.query} | ${f(row.api.p95)} | ${f(other.api.p95)} | ${g(row.api.p95, other.api.p95)} ` +
        `| ${f(row.sql.p95)} | ${f(other.sql.p95)} | ${g(row.sql.p95, other.sql.p95)} |`,
    );
  }
}
