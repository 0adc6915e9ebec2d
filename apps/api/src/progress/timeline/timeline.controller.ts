import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { PageQuery } from '../../common/pagination';
import { TimelinePage } from './timeline.dto';
import { TimelineService } from './timeline.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get('assignments/:id/timeline')
  @ApiOperation({ summary: '责任分工的历史记录' })
  @ApiOkResponse({ type: TimelinePage })
  assignmentTimeline(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: PageQuery,
  ) {
    return this.timeline.forAssignment(actor, id, query);
  }

  @Get('items/:id/timeline')
  @ApiOperation({ summary: '条目的历史记录' })
  @ApiOkResponse({ type: TimelinePage })
  itemTimeline(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery) {
    return this.timeline.forItem(actor, id, query);
  }
}
