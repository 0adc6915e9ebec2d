import { Module } from '@nestjs/common';
import { PlanQueries } from './plan.queries';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  controllers: [PlansController],
  providers: [PlanQueries, PlansService],
  exports: [PlanQueries],
})
export class PlansModule {}
