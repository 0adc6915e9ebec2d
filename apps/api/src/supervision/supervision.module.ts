import { Module } from '@nestjs/common';
import { ProgressModule } from '../progress/progress.module';
import { BreakdownQueries } from './breakdown.queries';
import { NoticeFilesService } from './notice-files.service';
import { NoticeQueries } from './notice.queries';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { SupervisionController } from './supervision.controller';
import { SupervisionQueries } from './supervision.queries';
import { SupervisionService } from './supervision.service';

@Module({
  imports: [ProgressModule],
  controllers: [SupervisionController, NoticesController],
  providers: [
    SupervisionQueries,
    BreakdownQueries,
    SupervisionService,
    NoticesService,
    NoticeQueries,
    NoticeFilesService,
  ],
  exports: [SupervisionQueries, NoticesService],
})
export class SupervisionModule {}
