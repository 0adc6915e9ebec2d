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
import { CreateGroupDto, GroupPage, GroupView, UpdateGroupDto } from './group.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ApiOperation({ summary: '单位组列表' })
  @ApiOkResponse({ type: GroupPage })
  list(@Query() query: PageQuery) {
    return this.groups.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看单位组' })
  @ApiOkResponse({ type: GroupView })
  get(@IdParam() id: string) {
    return this.groups.get(id);
  }

  @Post()
  @ApiOperation({ summary: '新建单位组' })
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: GroupView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGroupDto) {
    return this.groups.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改单位组' })
  @Roles(Role.Admin)
  @ApiOkResponse({ type: GroupView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateGroupDto) {
    return this.groups.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: '删除单位组' })
  @Roles(Role.Admin)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.groups.remove(actor, id);
  }
}
