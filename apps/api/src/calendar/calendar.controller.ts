import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: '预览节假日安排通知（不保存）' })
  @ApiResponse({ status: 422, description: '不是节假日安排通知，或读不出年份和放假日' })
  @ApiOkResponse({ type: HolidayNoticePreviewView })
  preview(@Body() dto: HolidayNoticeDto) {
    return this.calendar.preview(dto.text);
  }

  /** Stores the year the notice arranges (read again from the text sent), replacing a stored one. */
  @Put('years/:year')
  @Roles(Role.Admin, Role.Leadership)
  @ApiOperation({ summary: '保存某年度的节假日安排（据通知全文）' })
  @ApiResponse({ status: 422, description: '通知不是该年度的、读不出，或有提示而未确认' })
  @ApiOkResponse({ type: CalendarYearView })
  store(
    @CurrentActor() actor: Actor,
    @Param() { year }: YearParam,
    @Body() dto: StoreHolidayYearDto,
  ) {
    return this.calendar.store(actor, year, dto);
  }

  @Get('years')
  @ApiOperation({ summary: '已有节假日数据的年度及其来源' })
  @ApiOkResponse({ type: CalendarYearsView })
  years() {
    return this.calendar.years();
  }

  @Get('years/:year')
  @ApiOperation({ summary: '某年度的放假日和调休上班日' })
  @ApiOkResponse({ type: CalendarYearView })
  year(@Param() { year }: YearParam) {
    return this.calendar.year(year);
  }

  /** The n-th working day after a date: the due date of “N个工作日内”. */
  @Get('working-days')
  @ApiOperation({ summary: '某日之后第 N 个工作日（“N个工作日内”的期限）' })
  @ApiOkResponse({ type: WorkingDaysView })
  workingDays(@Query() query: WorkingDaysQuery) {
    return this.calendar.workingDays(query);
  }
}
