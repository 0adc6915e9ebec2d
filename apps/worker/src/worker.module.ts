import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppConfigModule, ClockModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { LoggingModule } from '@app/logging';
import { QUEUES } from '@app/queue-contracts';
import { Mailer } from './reminders/mailer.service';
import { ReminderPlanner } from './reminders/planner.service';
import { RemindersProcessor } from './reminders/reminders.processor';
import { ReminderSchedule } from './reminders/schedule.service';
import { DeliverySender } from './reminders/sender.service';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule.forRoot(),
    ClockModule,
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        redis: config.redisUrl,
        prefix: 'luoshi',
        settings: {
          // A worker killed mid-job gives its job back after this long.
          lockDuration: config.reminders.stalledMs,
          stalledInterval: config.reminders.stalledMs,
        },
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.reminders }),
  ],
  providers: [Mailer, DeliverySender, ReminderPlanner, RemindersProcessor, ReminderSchedule],
})
export class WorkerModule {}
