import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { HolidayNoticeError } from '@app/calendar';
import { describeNotice, importHolidayNotice } from './commands/calendar-import';
import {
  ConfigError,
  DEFAULT_DEMO_PASSWORD,
  loadBackupSettings,
  loadDatabaseSettings,
  loadLogSettings,
} from '@app/config';
import { backup } from './backup/backup';
import { BackupError } from './backup/pg-tools';
import { restore } from './backup/restore';
import { createLogger } from '@app/logging';
import { dataSourceOptions, useStoredHolidayCalendar } from '@app/database';
import { migrate, pendingMigrations, revertLast } from './commands/migrate';
import { describe, importPlanFile } from './commands/plan-import';
import { parsePlanFile, readPlanSourceText, summarise } from './commands/plan-parse';
import { seedDemo } from './commands/seed-demo';
import { seedLiveDemo } from './commands/seed-live';
import { clockFromEnv, todayIn } from '@app/calendar';
import { PlanParseError } from '@app/plan-parser';
import { ImportDecisionError, PlanFileError } from '@app/plan-import';
import { resolve } from 'node:path';

/** The seed plan's text; relative to the working directory, which the scripts set to the repo. */
const DEMO_PLAN_FILE = 'test/fixtures/plan-003.txt';

const USAGE = `用法: npm run cli -- <命令>

  db:migrate     执行尚未执行的数据库迁移
  db:pending     列出尚未执行的数据库迁移（不执行；升级前查看）
  db:revert      回滚最后一次迁移
  seed:demo      载入演示数据（单位、单位组、用户、示范方案）；可重复执行
  seed:live      在示范方案之外加一份按今天排布的本年度工作要点（红黄绿灯、报告、督办单俱全）
  plan:import <文件> [--create-units] [--active]   (.txt UTF-8/GB18030、.docx、.xlsx)
                 导入实施方案（同一文号再次导入时原地更新）；--create-units 自动新建名录中没有的单位
  calendar:import <文件> [--yes] [--accept-warnings]
                 读取国务院办公厅《关于YYYY年部分节假日安排的通知》全文，显示放假和调休上班日；
                 加 --yes 保存该年度（覆盖已保存的同一年度，并记入审计日志）
  backup         备份数据库和证明材料文件到 BACKUP_DIR（luoshi-backup-日期-时间.tar.gz），
                 只保留最新的 BACKUP_KEEP 个
  restore <备份文件> [--force]
                 把备份恢复到空的安装；目标已有数据时须加 --force（原文件移到一旁保留）
  plan:parse <文件> [--json]
                 解析实施方案文本，打印章、条目、责任单位和时限（不连接数据库）
`;

/**
 * The CLI's commands are batch work (migrations, imports, the province data set): no
 * statement limit, only the connect limit, so a database that is down is still said at once.
 */
async function withDatabase<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(dataSourceOptions(loadDatabaseSettings(), { statementTimeoutMs: 0 }));
  await db.initialize();
  try {
    // Every working-day rule in this process reads the stored years too.
    await useStoredHolidayCalendar(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * The CLI's log (LOG_LEVEL, LOG_FORMAT) goes to stderr: stdout carries the command's results
 * (summaries, `--json`), which scripts read.
 */
function cliLogger() {
  try {
    return createLogger(loadLogSettings(), undefined, 2);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
const log = cliLogger();

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  log.debug({ command }, '命令开始');
  switch (command) {
    case 'db:migrate': {
      const applied = await withDatabase(migrate);
      console.log(
        applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新，无需迁移',
      );
      return 0;
    }
    case 'db:pending': {
      const pending = await withDatabase(pendingMigrations);
      console.log(
        pending.length
          ? `尚未执行的迁移（${pending.length} 个，db:migrate 将依次执行）：\n${pending.join('\n')}`
          : '数据库已是最新，无待执行的迁移',
      );
      return 0;
    }
    case 'db:revert':
      await withDatabase(revertLast);
      console.log('已回滚最后一次迁移');
      return 0;
    case 'seed:demo': {
      const password = process.env.DEMO_PASSWORD?.trim() || DEFAULT_DEMO_PASSWORD;
      const text = await readPlanSourceText(resolve(process.env.DEMO_PLAN_FILE ?? DEMO_PLAN_FILE));
      const summary = await withDatabase((db) => seedDemo(db, password, text));
      console.log(`演示数据就绪：${summary.units} 个单位，${summary.users} 个用户。示范方案：`);
      console.log(describe(summary.plan));
      return 0;
    }
    case 'seed:live': {
      const today = todayIn(clockFromEnv());
      console.log(await withDatabase((db) => seedLiveDemo(db, today)));
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
    case 'backup': {
      const done = await backup(loadBackupSettings(), log);
      const mb = (done.manifest.files.bytes / 1024 / 1024).toFixed(1);
      console.log(`备份完成：${done.file}`);
      console.log(`  数据库 + ${done.manifest.files.count} 个证明材料文件（${mb} MB）`);
      for (const old of done.removed) console.log(`  已删除旧备份：${old}`);
      return 0;
    }
    case 'restore': {
      const file = argv.slice(1).find((arg) => !arg.startsWith('--'));
      if (!file) {
        process.stderr.write(USAGE);
        return 2;
      }
      const done = await restore(loadBackupSettings(), file, argv.includes('--force'), log);
      console.log(
        `恢复完成：${done.tables} 个数据表，${done.files} 个文件；` +
          `${done.evidenceChecked} 个证明材料的文件已核对无误`,
      );
      if (done.setAside) console.log(`  原有文件已移到：${done.setAside}`);
      return 0;
    }
    case 'calendar:import': {
      const file = argv.slice(1).find((arg) => !arg.startsWith('--'));
      if (!file) {
        process.stderr.write(USAGE);
        return 2;
      }
      const outcome = await withDatabase((db) =>
        importHolidayNotice(db, file, {
          yes: argv.includes('--yes'),
          acceptWarnings: argv.includes('--accept-warnings'),
        }),
      );
      console.log(describeNotice(outcome.notice));
      const year = outcome.notice.year;
      console.log(
        outcome.previousSource
          ? `与现用${year}年数据（${outcome.previousSource === 'stored' ? '已导入的通知' : 'chinese-days 自带'}）相比：${outcome.differences} 天不同`
          : `现用数据中没有${year}年`,
      );
      if (!outcome.saved) {
        console.log(outcome.reason);
        return outcome.notice.warnings.length && argv.includes('--yes') ? 1 : 0;
      }
      console.log(`已保存${year}年节假日安排${outcome.replaced ? '（替换了原先保存的版本）' : ''}`);
      return 0;
    }
    case 'plan:parse': {
      const file = argv.slice(1).find((arg) => !arg.startsWith('--'));
      if (!file) {
        process.stderr.write(USAGE);
        return 2;
      }
      const result = await parsePlanFile(file);
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
      error instanceof HolidayNoticeError ||
      error instanceof PlanParseError ||
      error instanceof PlanFileError ||
      error instanceof ImportDecisionError ||
      error instanceof BackupError;
    const missing = (error as NodeJS.ErrnoException)?.code === 'ENOENT';
    if (known) console.error(error.message);
    else if (missing) console.error(`找不到文件：${(error as NodeJS.ErrnoException).path}`);
    else log.fatal({ err: error }, '命令失败');
    log.flush();
    process.exit(1);
  },
);
