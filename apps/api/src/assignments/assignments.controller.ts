import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import {
  AssignmentListQuery,
  AssignmentPage,
  AssignmentView,
  CreateAssignmentDto,
  CreatedAssignments,
  UpdateAssignmentDto,
} from './assignment.dto';
import { AssignmentsService } from './assignments.service';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @ApiOperation({ summary: '责任分工列表' })
  @ApiOkResponse({ type: AssignmentPage })
  list(@CurrentActor() actor: Actor, @Query() query: AssignmentListQuery) {
    return this.assignments.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看责任分工' })
  @ApiOkResponse({ type: AssignmentView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.assignments.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: '分配责任单位' })
  @Roles(Role.Leadership)
  @ApiCreatedResponse({ type: CreatedAssignments })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAssignmentDto) {
    return this.assignments.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: '更新责任分工（状态、进度、时限）' })
  @Roles(Role.Leadership, Role.Unit)
  @ApiOkResponse({ type: AssignmentView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateAssignmentDto) {
    return this.assignments.update(actor, id, dto);
  }

  @Post(':id/acknowledge')
  @ApiOperation({ summary: '签收任务（本单位任一用户；已签收的不变）' })
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentView })
  acknowledge(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.assignments.acknowledge(actor, id);
  }

  @Delete(':id')
  @ApiOperation({ summary: '删除责任分工' })
  @Roles(Role.Leadership)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.assignments.remove(actor, id);
  }
}
