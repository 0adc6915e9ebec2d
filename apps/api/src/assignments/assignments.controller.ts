import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: AssignmentPage })
  list(@CurrentActor() actor: Actor, @Query() query: AssignmentListQuery) {
    return this.assignments.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AssignmentView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.assignments.get(actor, id);
  }

  @Post()
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: CreatedAssignments })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAssignmentDto) {
    return this.assignments.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.Leadership, Role.Unit)
  @ApiOkResponse({ type: AssignmentView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateAssignmentDto) {
    return this.assignments.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(Role.Leadership)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.assignments.remove(actor, id);
  }
}
