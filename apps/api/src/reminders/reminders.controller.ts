import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: DeliveryPage })
  deliveries(@CurrentActor() actor: Actor, @Query() query: DeliveryListQuery) {
    return this.reminders.deliveries(actor, query);
  }

  @Post('digest-runs')
  @Roles(Role.Leadership, Role.Admin)
  @HttpCode(202)
  @ApiOkResponse({ type: DigestRunView })
  run(@Body() dto: DigestRunDto) {
    return this.reminders.runDigest(dto.date);
  }

  @Get('digest-preview')
  @ApiOkResponse({ type: DigestPreviewView })
  preview(@CurrentActor() actor: Actor, @Query() query: DigestPreviewQuery) {
    return this.reminders.preview(actor, query);
  }
}
