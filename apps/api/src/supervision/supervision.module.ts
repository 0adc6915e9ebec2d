import { Module } from '@nestjs/common';
import { BreakdownQueries } from './breakdown.queries';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { SupervisionController } from './supervision.controller';
import { SupervisionQueries } from './supervision.queries';
import { SupervisionService } from './supervision.service';

@Module({
  controllers: [SupervisionController, NoticesController],
  providers: [SupervisionQueries, BreakdownQueries, SupervisionService, NoticesService],
  exports: [SupervisionQueries, NoticesService],
})
export class SupervisionModule {}
