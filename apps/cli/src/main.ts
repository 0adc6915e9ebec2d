import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadDatabaseUrl } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { migrate, revertLast } from './commands/migrate';
import { generateProvince, generateReports } from './commands/generate-province';
import { describe, importPlanFile } from './commands/plan-import';
import { parsePlanFile, readPlanText, summarise } from './commands/plan-parse';
import { seedDemo } from './commands/seed-demo';
import { seedLiveDemo } from './commands/seed-live';
import { clockFromEnv, todayIn } from '@app/calendar';
import { PlanParseError } from '@app/plan-parser';
import { ImportDecisionError } from '@app/plan-import';
import { resolve } from 'node:path';

/** The seed plan's text; relative to the working directory, which the scripts set to the repo. */
const DEMO_PLAN_FILE = 'test/fixtures/plan-003.txt';

const USAGE = `用法: npm run cli -- <命令>

  db:migrate     执行尚未执行的数据库迁移
  db:revert      回滚最后一次迁移
  seed:demo      载入演示数据（单位、单位组、用户、示范方案）；可重复执行
  seed:live      在示范方案之外加一份按今天排布的本年度工作要点（红黄绿灯、报告、督办单俱全）
  plan:import <文件> [--create-units] [--active]
                 导入实施方案（同一文号再次导入时原地更新）；--create-units 自动新建名录中没有的单位
  bench:generate 生成省级规模的基准数据（约 2000 个单位、2000 个方案、6 万条目、30 万责任分工、
                 100 万份进展报告）
  bench:generate-reports
                 为已有的基准数据补上进展报告（已有则不变）
  plan:parse <文件> [--json]
                 解析实施方案文本，打印章、条目、责任单位和时限（不连接数据库）
`;

async function withDatabase<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(dataSourceOptions(loadDatabaseUrl()));
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'db:migrate': {
      const applied = await withDatabase(migrate);
      console.log(
        applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新，无需迁移',
      );
      return 0;
    }
    case 'db:revert':
      await withDatabase(revertLast);
      console.log('已回滚最后一次迁移');
      return 0;
    case 'seed:demo': {
      const password = process.env.DEMO_PASSWORD?.trim() || DEFAULT_DEMO_PASSWORD;
      const text = readPlanText(resolve(process.env.DEMO_PLAN_FILE ?? DEMO_PLAN_FILE));
      const summary = await withDatabase((db) => seedDemo(db, password, text));
      console.log(`演示数据就绪：${summary.units} 个单位，${summary.users} 个用户。示范方案：`);
      console.log(describe(summary.plan));
      return 0;
    }
    case 'seed:live': {
      const today = todayIn(clockFromEnv(), process.env.APP_TIME_ZONE?.trim() || 'Asia/Shanghai');
      console.log(await withDatabase((db) => seedLiveDemo(db, today)));
      return 0;
    }
    case 'bench:generate': {
      const made = await withDatabase((db) => generateProvince(db));
      console.log(
        `基准数据：${made.units} 个单位，${made.plans} 个方案，${made.items} 个条目，` +
          `${made.assignments} 条责任分工，${made.reports} 份进展报告` +
          `（用时 ${made.seconds} 秒，其中进展报告 ${made.reportSeconds} 秒）`,
      );
      return 0;
    }
    case 'bench:generate-reports': {
      const made = await withDatabase((db) => generateReports(db));
      console.log(
        made.added
          ? `基准数据：已生成进展报告，共 ${made.reports} 份（用时 ${made.seconds} 秒）`
          : `基准数据已有进展报告（${made.reports} 份），未作改动`,
      );
      return 0;
    }
    case 'plan:import': {
      const file = argv.slice(1).find((arg) => !arg.startsWith('--'));
      if (!file) {
        process.stderr.write(USAGE);
        return 2;
      }
      const report = await withDatabase((db) =>
        importPlanFile(db, file, {
          createUnknownUnits: argv.includes('--create-units'),
          active: argv.includes('--active'),
        }),
      );
      console.log(report);
      return 0;
    }
    case 'plan:parse': {
      const file = argv.slice(1).find((arg) => !arg.startsWith('--'));
      if (!file) {
        process.stderr.write(USAGE);
        return 2;
      }
      const result = parsePlanFile(file);
      console.log(argv.includes('--json') ? JSON.stringify(result, null, 2) : summarise(result));
      return 0;
    }
    default:
      process.stderr.write(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const known =
      error instanceof ConfigError ||
      error instanceof PlanParseError ||
      error instanceof ImportDecisionError;
    const missing = (error as NodeJS.ErrnoException)?.code === 'ENOENT';
    console.error(
      known
        ? error.message
        : missing
          ? `找不到文件：${(error as NodeJS.ErrnoException).path}`
          : error,
    );
    process.exit(1);
  },
);
