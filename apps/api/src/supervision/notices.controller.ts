import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: NoticePage })
  list(@CurrentActor() actor: Actor, @Query() query: NoticeListQuery) {
    return this.notices.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: NoticeView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notices.get(actor, id);
  }

  @Post()
  @Roles(Role.Supervisor)
  @ApiOkResponse({ type: NoticeView })
  issue(@CurrentActor() actor: Actor, @Body() dto: CreateNoticeDto) {
    return this.notices.issue(actor, dto);
  }

  @Post(':id/answer')
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: AnswerNoticeDto) {
    return this.notices.answer(actor, id, dto);
  }

  @Post(':id/return')
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  sendBack(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewNoticeDto) {
    return this.notices.sendBack(actor, id, dto);
  }

  @Post(':id/close')
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewNoticeDto) {
    return this.notices.close(actor, id, dto);
  }
}
