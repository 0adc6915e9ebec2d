import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import {
  DeliveryListQuery,
  DeliveryPage,
  DigestPreviewQuery,
  DigestPreviewView,
  DigestRunDto,
  DigestRunView,
} from './reminder.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get('deliveries')
  @ApiOperation({ summary: '催办邮件发送记录' })
  @ApiOkResponse({ type: DeliveryPage })
  deliveries(@CurrentActor() actor: Actor, @Query() query: DeliveryListQuery) {
    return this.reminders.deliveries(actor, query);
  }

  @Post('digest-runs')
  @ApiOperation({ summary: '立即生成并发送该周的每周催办（只能针对该周的催办日）' })
  @ApiResponse({ status: 503, description: '队列（Redis）不可用，请稍后重试' })
  @ApiResponse({ status: 400, description: '该日期不是所在周的催办日' })
  @Roles(Role.Leadership, Role.Admin)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DigestRunView, description: '已交给后台生成并发送' })
  @ApiOkResponse({ type: DigestRunView, description: '本次不发送：该周已发送过，或没有单位有待办' })
  async run(@Body() dto: DigestRunDto, @Res({ passthrough: true }) res: Response) {
    const run = await this.reminders.runDigest(dto.date);
    if (!run.queued) res.status(200);
    return run;
  }

  @Get('digest-preview')
  @ApiOperation({ summary: '预览某单位将收到的每周催办' })
  @ApiOkResponse({ type: DigestPreviewView })
  preview(@CurrentActor() actor: Actor, @Query() query: DigestPreviewQuery) {
    return this.reminders.preview(actor, query);
  }
}
