import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AssignmentsModule } from '../assignments/assignments.module';
import { PlansModule } from '../plans/plans.module';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceQueries } from './evidence/evidence.queries';
import { EvidenceService } from './evidence/evidence.service';
import { FileStorage, LocalFileStorage } from './evidence/file-storage';
import { ReportsController } from './reports/reports.controller';
import { ReportQueries } from './reports/report.queries';
import { ReportsService } from './reports/reports.service';
import { StandingController } from './standing/standing.controller';
import { StandingQueries } from './standing/standing.queries';
import { StandingService } from './standing/standing.service';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineQueries } from './timeline/timeline.queries';
import { TimelineService } from './timeline/timeline.service';

@Module({
  imports: [
    AssignmentsModule,
    PlansModule,
    // One byte over the limit is enough for EvidenceService to refuse it with its own message.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.uploadMaxBytes + 1, files: 1 },
      }),
    }),
  ],
  controllers: [ReportsController, EvidenceController, TimelineController, StandingController],
  providers: [
    ReportQueries,
    ReportsService,
    EvidenceQueries,
    EvidenceService,
    TimelineQueries,
    TimelineService,
    StandingQueries,
    StandingService,
    {
      provide: FileStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStorage(config.storageDir),
    },
  ],
  // The evidence storage, for the answers to supervision notices as well.
  exports: [FileStorage],
})
export class ProgressModule {}
