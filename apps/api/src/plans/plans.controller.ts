import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import {
  CreateItemDto,
  CreatePlanDto,
  CreateSectionDto,
  ItemView,
  PlanListQuery,
  PlanPage,
  PlanView,
  SectionView,
  UpdateItemDto,
  UpdatePlanDto,
  UpdateSectionDto,
} from './plan.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get('plans')
  @ApiOkResponse({ type: PlanPage })
  list(@CurrentActor() actor: Actor, @Query() query: PlanListQuery) {
    return this.plans.list(actor, query);
  }

  @Get('plans/:id')
  @ApiOkResponse({ type: PlanView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.get(actor, id);
  }

  @Post('plans')
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: PlanView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto) {
    return this.plans.create(actor, dto);
  }

  @Patch('plans/:id')
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: PlanView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(actor, id, dto);
  }

  @Delete('plans/:id')
  @Roles(Role.Leadership)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.remove(actor, id);
  }

  @Get('plans/:id/sections')
  @ApiOkResponse({ type: [SectionView] })
  sections(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.sections(actor, id);
  }

  @Post('plans/:id/sections')
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: SectionView })
  createSection(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CreateSectionDto,
  ) {
    return this.plans.createSection(actor, id, dto);
  }

  @Patch('sections/:id')
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: SectionView })
  updateSection(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateSectionDto,
  ) {
    return this.plans.updateSection(actor, id, dto);
  }

  @Delete('sections/:id')
  @Roles(Role.Leadership)
  @HttpCode(204)
  removeSection(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.removeSection(actor, id);
  }

  @Get('plans/:id/items')
  @ApiOkResponse({ type: [ItemView] })
  items(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.items(actor, id);
  }

  @Post('plans/:id/items')
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: ItemView })
  createItem(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CreateItemDto) {
    return this.plans.createItem(actor, id, dto);
  }

  @Get('items/:id')
  @ApiOkResponse({ type: ItemView })
  item(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.item(actor, id);
  }

  @Patch('items/:id')
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: ItemView })
  updateItem(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateItemDto) {
    return this.plans.updateItem(actor, id, dto);
  }

  @Delete('items/:id')
  @Roles(Role.Leadership)
  @HttpCode(204)
  removeItem(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.removeItem(actor, id);
  }
}
