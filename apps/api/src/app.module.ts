import { Module } from '@nestjs/common';
import { AppConfigModule, ClockModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { LoggingModule } from '@app/logging';
import { AnnualReportModule } from './annual-report/annual-report.module';
import { AssessmentModule } from './assessment/assessment.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuditLogModule } from './audit/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { AcknowledgeModule } from './chain/acknowledgement';
import { ChainModule } from './chain/chain.module';
import { ConsoleModule } from './console/console.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { PlanImportModule } from './plan-import/plan-import.module';
import { PlansModule } from './plans/plans.module';
import { ProgressModule } from './progress/progress.module';
import { RemindersModule } from './reminders/reminders.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UnitsModule } from './units/units.module';
import { TodoModule } from './todo/todo.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule.forRoot(),
    DatabaseModule,
    ClockModule,
    AcknowledgeModule,
    AuthModule,
    UsersModule,
    UnitsModule,
    GroupsModule,
    PlanImportModule,
    PlansModule,
    SupervisionModule,
    AssessmentModule,
    AnnualReportModule,
    ProgressModule,
    RemindersModule,
    AssignmentsModule,
    CalendarModule,
    AuditLogModule,
    HealthModule,
    TodoModule,
    ChainModule,
    // Last: its catch-all for the console's paths must not shadow an API route.
    ConsoleModule,
  ],
})
export class AppModule {}
