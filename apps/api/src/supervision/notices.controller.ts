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
  AnswerNoticeDto,
  CreateNoticeDto,
  NoticeListQuery,
  NoticePage,
  NoticeView,
  ReviewNoticeDto,
} from './notice.dto';
import { NoticesService } from './notices.service';

@ApiTags('supervision notices')
@ApiBearerAuth()
@Controller('supervision/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @ApiOperation({ summary: '督办单列表' })
  @ApiOkResponse({ type: NoticePage })
  list(@CurrentActor() actor: Actor, @Query() query: NoticeListQuery) {
    return this.notices.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看督办单' })
  @ApiOkResponse({ type: NoticeView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notices.get(actor, id);
  }

  @Post(':id/acknowledge')
  @ApiOperation({ summary: '签收督办单（本单位任一用户；已签收的不变）' })
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  acknowledge(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notices.acknowledge(actor, id);
  }

  @Post()
  @ApiOperation({ summary: '下发督办单' })
  @Roles(Role.Supervisor)
  @ApiCreatedResponse({ type: NoticeView })
  issue(@CurrentActor() actor: Actor, @Body() dto: CreateNoticeDto) {
    return this.notices.issue(actor, dto);
  }

  @Post(':id/answer')
  @ApiOperation({ summary: '答复督办单' })
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: AnswerNoticeDto) {
    return this.notices.answer(actor, id, dto);
  }

  @Post(':id/return')
  @ApiOperation({ summary: '退回督办单答复' })
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  sendBack(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewNoticeDto) {
    return this.notices.sendBack(actor, id, dto);
  }

  @Post(':id/close')
  @ApiOperation({ summary: '办结督办单' })
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewNoticeDto) {
    return this.notices.close(actor, id, dto);
  }
}
