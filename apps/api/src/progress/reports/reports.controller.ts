import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { PageQuery } from '../../common/pagination';
import {
  CreateReportDto,
  ReportPage,
  ReportView,
  ReviewReportDto,
  UpdateReportDto,
  VersionDto,
} from './report.dto';
import { ReportsService } from './reports.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('assignments/:id/reports')
  @ApiOperation({ summary: '责任分工的进展报送' })
  @ApiOkResponse({ type: ReportPage })
  list(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery) {
    return this.reports.list(actor, id, query);
  }

  @Post('assignments/:id/reports')
  @ApiOperation({ summary: '填写进展报送' })
  @Roles(Role.Unit)
  @ApiCreatedResponse({ type: ReportView })
  create(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CreateReportDto) {
    return this.reports.create(actor, id, dto);
  }

  @Get('reports/:id')
  @ApiOperation({ summary: '查看进展报送' })
  @ApiOkResponse({ type: ReportView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.reports.get(actor, id);
  }

  @Patch('reports/:id')
  @ApiOperation({ summary: '修改进展报送（草稿或被退回）' })
  @Roles(Role.Unit)
  @ApiOkResponse({ type: ReportView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateReportDto) {
    return this.reports.update(actor, id, dto);
  }

  @Post('reports/:id/submit')
  @ApiOperation({ summary: '提交进展报送' })
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: VersionDto) {
    return this.reports.submit(actor, id, dto);
  }

  @Post('reports/:id/accept')
  @ApiOperation({ summary: '审核通过进展报送' })
  @Roles(Role.Leadership)
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  accept(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewReportDto) {
    return this.reports.accept(actor, id, dto);
  }

  @Post('reports/:id/return')
  @ApiOperation({ summary: '退回进展报送' })
  @Roles(Role.Leadership)
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  sendBack(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewReportDto) {
    return this.reports.sendBack(actor, id, dto);
  }
}
