import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadDatabaseUrl } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { migrate, revertLast } from './commands/migrate';
import { seedDemo } from './commands/seed-demo';

const USAGE = `用法: npm run cli -- <命令>

  db:migrate     执行尚未执行的数据库迁移
  db:revert      回滚最后一次迁移
  seed:demo      载入演示数据（单位、单位组、用户、示范方案）；可重复执行
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
      const summary = await withDatabase((db) => seedDemo(db, password));
      console.log(
        `演示数据就绪：${summary.units} 个单位，${summary.users} 个用户` +
          (summary.planCreated ? '，已创建示范方案' : '（示范方案已存在）'),
      );
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
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
