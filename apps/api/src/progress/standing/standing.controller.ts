import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { ItemProgress, PlanProgress, TargetQuery, TargetStandingPage } from './standing.dto';
import { StandingService } from './standing.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class StandingController {
  constructor(private readonly standing: StandingService) {}

  @Get('items/:id/progress')
  @ApiOperation({ summary: '条目的落实情况' })
  @ApiOkResponse({ type: ItemProgress })
  itemProgress(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.standing.item(actor, id);
  }

  @Get('plans/:id/progress')
  @ApiOperation({ summary: '方案的落实情况' })
  @ApiOkResponse({ type: PlanProgress })
  planProgress(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.standing.plan(actor, id);
  }

  @Get('assignments/:id/targets')
  @ApiOperation({ summary: '年度目标完成情况' })
  @ApiOkResponse({ type: TargetStandingPage })
  targets(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: TargetQuery) {
    return this.standing.targets(actor, id, query);
  }
}
