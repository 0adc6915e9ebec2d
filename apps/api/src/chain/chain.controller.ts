import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  ChaseBatchView,
  ChaseListQuery,
  ChasePage,
  CreateChaseDto,
  CreateExtensionRequestDto,
  DecideExtensionDto,
  ExtensionListQuery,
  ExtensionRequestPage,
  ExtensionRequestView,
} from './chain.dto';
import { ChasesService } from './chases.service';
import { ExtensionsService } from './extensions.service';

@ApiTags('extension requests')
@ApiBearerAuth()
@Controller()
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsService) {}

  @Post('assignments/:id/extension-requests')
  @ApiOperation({ summary: '申请延期（本单位，完成时限前）' })
  @Roles(Role.Unit)
  @ApiCreatedResponse({ type: ExtensionRequestView })
  request(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CreateExtensionRequestDto,
  ) {
    return this.extensions.request(actor, id, dto);
  }

  @Get('extension-requests')
  @ApiOperation({ summary: '延期申请列表（单位只见本单位的）' })
  @ApiOkResponse({ type: ExtensionRequestPage })
  list(@CurrentActor() actor: Actor, @Query() query: ExtensionListQuery) {
    return this.extensions.list(actor, query);
  }

  @Get('extension-requests/:id')
  @ApiOperation({ summary: '查看延期申请' })
  @ApiOkResponse({ type: ExtensionRequestView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.extensions.get(actor, id);
  }

  @Post('extension-requests/:id/approve')
  @ApiOperation({ summary: '同意延期：完成时限改为申请的日期，原时限留存' })
  @Roles(Role.Leadership)
  @HttpCode(200)
  @ApiOkResponse({ type: ExtensionRequestView })
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: DecideExtensionDto) {
    return this.extensions.approve(actor, id, dto);
  }

  @Post('extension-requests/:id/refuse')
  @ApiOperation({ summary: '不同意延期（须写明意见）' })
  @Roles(Role.Leadership)
  @HttpCode(200)
  @ApiOkResponse({ type: ExtensionRequestView })
  refuse(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: DecideExtensionDto) {
    return this.extensions.refuse(actor, id, dto);
  }
}

@ApiTags('chases')
@ApiBearerAuth()
@Controller('chases')
export class ChasesController {
  constructor(private readonly chases: ChasesService) {}

  @Post()
  @ApiOperation({ summary: '催办：立即给所列任务的责任单位各发一封邮件' })
  @Roles(Role.Leadership, Role.Supervisor)
  @ApiCreatedResponse({ type: ChaseBatchView })
  chase(@CurrentActor() actor: Actor, @Body() dto: CreateChaseDto) {
    return this.chases.chase(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: '催办记录（单位只见本单位的）' })
  @ApiOkResponse({ type: ChasePage })
  list(@CurrentActor() actor: Actor, @Query() query: ChaseListQuery) {
    return this.chases.list(actor, query);
  }
}
