import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import {
  CalendarYearsView,
  CalendarYearView,
  HolidayNoticeDto,
  HolidayNoticePreviewView,
  StoreHolidayYearDto,
  WorkingDaysQuery,
  WorkingDaysView,
  YearParam,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

/**
 * Public holidays for any year. Reading is for everyone (every unit counts working days);
 * importing a notice is for the admin and the leadership office, who run the system's calendar.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Reads a pasted notice and shows what it says; stores nothing. */
  @Post('holiday-notices/preview')
  @Roles(Role.Admin, Role.Leadership)
  @HttpCode(200)
  @ApiOkResponse({ type: HolidayNoticePreviewView })
  preview(@Body() dto: HolidayNoticeDto) {
    return this.calendar.preview(dto.text);
  }

  /** Stores the year the notice arranges (read again from the text sent), replacing a stored one. */
  @Put('years/:year')
  @Roles(Role.Admin, Role.Leadership)
  @ApiOkResponse({ type: CalendarYearView })
  store(
    @CurrentActor() actor: Actor,
    @Param() { year }: YearParam,
    @Body() dto: StoreHolidayYearDto,
  ) {
    return this.calendar.store(actor, year, dto);
  }

  @Get('years')
  @ApiOkResponse({ type: CalendarYearsView })
  years() {
    return this.calendar.years();
  }

  @Get('years/:year')
  @ApiOkResponse({ type: CalendarYearView })
  year(@Param() { year }: YearParam) {
    return this.calendar.year(year);
  }

  /** The n-th working day after a date: the due date of “N个工作日内”. */
  @Get('working-days')
  @ApiOkResponse({ type: WorkingDaysView })
  workingDays(@Query() query: WorkingDaysQuery) {
    return this.calendar.workingDays(query);
  }
}
