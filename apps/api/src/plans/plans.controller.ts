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
import { PageQuery } from '../common/pagination';
import {
  CreateItemDto,
  CreatePlanDto,
  CreateSectionDto,
  ItemDetailView,
  ItemPage,
  ItemView,
  PlanListQuery,
  PlanPage,
  PlanView,
  SectionPage,
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
  @ApiOperation({ summary: '方案列表' })
  @ApiOkResponse({ type: PlanPage })
  list(@CurrentActor() actor: Actor, @Query() query: PlanListQuery) {
    return this.plans.list(actor, query);
  }

  @Get('plans/:id')
  @ApiOperation({ summary: '查看方案' })
  @ApiOkResponse({ type: PlanView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.get(actor, id);
  }

  @Post('plans')
  @ApiOperation({ summary: '新建方案' })
  @Roles(Role.Leadership)
  @ApiCreatedResponse({ type: PlanView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto) {
    return this.plans.create(actor, dto);
  }

  @Patch('plans/:id')
  @ApiOperation({ summary: '修改方案' })
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: PlanView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(actor, id, dto);
  }

  @Delete('plans/:id')
  @ApiOperation({ summary: '删除方案' })
  @Roles(Role.Leadership)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.remove(actor, id);
  }

  @Get('plans/:id/sections')
  @ApiOperation({ summary: '方案的章' })
  @ApiOkResponse({ type: SectionPage })
  sections(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery) {
    return this.plans.sections(actor, id, query);
  }

  @Post('plans/:id/sections')
  @ApiOperation({ summary: '新建章' })
  @Roles(Role.Leadership)
  @ApiCreatedResponse({ type: SectionView })
  createSection(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CreateSectionDto,
  ) {
    return this.plans.createSection(actor, id, dto);
  }

  @Patch('sections/:id')
  @ApiOperation({ summary: '修改章' })
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
  @ApiOperation({ summary: '删除章' })
  @Roles(Role.Leadership)
  @HttpCode(204)
  removeSection(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.removeSection(actor, id);
  }

  @Get('plans/:id/items')
  @ApiOperation({ summary: '方案的条目' })
  @ApiOkResponse({ type: ItemPage })
  items(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery) {
    return this.plans.items(actor, id, query);
  }

  @Post('plans/:id/items')
  @ApiOperation({ summary: '新建条目' })
  @Roles(Role.Leadership)
  @ApiCreatedResponse({ type: ItemView })
  createItem(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CreateItemDto) {
    return this.plans.createItem(actor, id, dto);
  }

  @Get('items/:id')
  @ApiOperation({ summary: '查看条目（含责任单位、任务和经常性目标）' })
  @ApiOkResponse({ type: ItemDetailView })
  item(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.item(actor, id);
  }

  @Patch('items/:id')
  @ApiOperation({ summary: '修改条目' })
  @Roles(Role.Leadership)
  @ApiOkResponse({ type: ItemView })
  updateItem(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateItemDto) {
    return this.plans.updateItem(actor, id, dto);
  }

  @Delete('items/:id')
  @ApiOperation({ summary: '删除条目' })
  @Roles(Role.Leadership)
  @HttpCode(204)
  removeItem(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.plans.removeItem(actor, id);
  }
}
