/*
 * The province-scale data set for the benchmarks (not part of the product's CLI):
 *   npm run bench:generate           units, plans, items, assignments and progress reports
 *   npm run bench:generate-reports   only the progress reports, for a data set made without them
 * Against DATABASE_URL (test/bench/prepare.sh points it at luoshi_bench); BENCH_SCALE=5 makes it
 * five times larger (prepare.sh then uses luoshi_bench_x5).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { generateProvince, generateReports, provinceAt } from './generate-province';

async function main(what: string | undefined): Promise<number> {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  if (!Number.isInteger(scale) || scale < 1) {
    console.error(`BENCH_SCALE 须为正整数，而不是 ${process.env.BENCH_SCALE}`);
    return 2;
  }
  const size = provinceAt(scale);
  // Set-based inserts of a million rows run for tens of seconds: no statement timeout here.
  const db = new DataSource(dataSourceOptions(loadDatabaseUrl(), { statementTimeoutMs: 0 }));
  await db.initialize();
  try {
    if (what === 'province') {
      const made = await generateProvince(db, size);
      console.log(
        `基准数据：${made.units} 个单位，${made.plans} 个方案，${made.items} 个条目，` +
          `${made.assignments} 条责任分工，${made.reports} 份进展报告` +
          `（用时 ${made.seconds} 秒，其中进展报告 ${made.reportSeconds} 秒）`,
      );
      return 0;
    }
    if (what === 'reports') {
      const made = await generateReports(db, size);
      console.log(
        made.added
          ? `基准数据：已生成进展报告，共 ${made.reports} 份（用时 ${made.seconds} 秒）`
          : `基准数据已有进展报告（${made.reports} 份），未作改动`,
      );
      return 0;
    }
    console.error('用法: node -r @swc-node/register test/bench/generate.ts province|reports');
    return 2;
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
