import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { CalendarSource } from './holiday-calendars';
import { IdentityChannel } from './identity-channel';
import { PreparedStatements } from './prepared-statements';
import { ReplicaReads } from './replica-reads';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        // Nest must not run migrations behind the operator's back: `db:migrate` does.
        migrationsRun: false,
      }),
    }),
  ],
  // Every process that has the database has its one calendar, loaded from it at start.
  providers: [UnitOfWork, CalendarSource, ReplicaReads, IdentityChannel, PreparedStatements],
  exports: [UnitOfWork, CalendarSource, ReplicaReads, IdentityChannel, PreparedStatements],
})
export class DatabaseModule {}
