import { Global, Module } from '@nestjs/common';
import { CLOCK, SystemClock } from '@app/calendar';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuthModule } from './auth/auth.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { PlanImportModule } from './plan-import/plan-import.module';
import { PlansModule } from './plans/plans.module';
import { ProgressModule } from './progress/progress.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

/** "Today" comes from here only, so tests and jobs can move time. */
@Global()
@Module({
  providers: [{ provide: CLOCK, useClass: SystemClock }],
  exports: [CLOCK],
})
export class ClockModule {}

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    ClockModule,
    AuthModule,
    UsersModule,
    UnitsModule,
    GroupsModule,
    PlanImportModule,
    PlansModule,
    SupervisionModule,
    ProgressModule,
    AssignmentsModule,
    HealthModule,
  ],
})
export class AppModule {}
