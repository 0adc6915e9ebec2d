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
import { CreateUnitDto, UnitListQuery, UnitPage, UnitView, UpdateUnitDto } from './unit.dto';
import { UnitsService } from './units.service';

/** The unit directory is readable by every signed-in user (it names units, not their work). */
@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: '单位名录' })
  @ApiOkResponse({ type: UnitPage })
  list(@Query() query: UnitListQuery) {
    return this.units.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看单位' })
  @ApiOkResponse({ type: UnitView })
  get(@IdParam() id: string) {
    return this.units.get(id);
  }

  @Post()
  @ApiOperation({ summary: '新建单位' })
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: UnitView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto) {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改单位' })
  @Roles(Role.Admin)
  @ApiOkResponse({ type: UnitView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: '删除单位' })
  @Roles(Role.Admin)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.units.remove(actor, id);
  }
}
