import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QUEUES } from '@app/queue-contracts';
import { RemindersProcessor } from './reminders.processor';

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ redis: config.redisUrl, prefix: 'luoshi' }),
    }),
    BullModule.registerQueue({ name: QUEUES.reminders }),
  ],
  providers: [RemindersProcessor],
})
export class WorkerModule {}
