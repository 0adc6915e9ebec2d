import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  @ApiOperation({ summary: '立即生成并发送每周催办' })
  @ApiResponse({ status: 503, description: '队列（Redis）不可用，请稍后重试' })
  @Roles(Role.Leadership, Role.Admin)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DigestRunView })
  run(@Body() dto: DigestRunDto) {
    return this.reminders.runDigest(dto.date);
  }

  @Get('digest-preview')
  @ApiOperation({ summary: '预览某单位将收到的每周催办' })
  @ApiOkResponse({ type: DigestPreviewView })
  preview(@CurrentActor() actor: Actor, @Query() query: DigestPreviewQuery) {
    return this.reminders.preview(actor, query);
  }
}
