import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@app/database';
import { Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import { AnnualReportQuery } from './annual-report.dto';
import { AnnualReportService, DOCX_TYPE, MARKDOWN_TYPE, ReportFile } from './annual-report.service';

function send(res: Response, file: ReportFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', file.disposition);
  res.send(file.body);
}

/** The annual report draft, for the offices that write it; a unit clerk has none of it. */
@ApiTags('annual report')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Leadership, Role.Admin)
@Controller()
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Get('plans/:id/annual-report')
  @ApiOperation({ summary: '方案的年度报告初稿' })
  @ApiProduces(MARKDOWN_TYPE, DOCX_TYPE)
  @ApiOkResponse({ description: '年度报告初稿（Markdown 或 .docx）' })
  async forPlan(@IdParam() id: string, @Query() query: AnnualReportQuery, @Res() res: Response) {
    send(res, await this.reports.forPlan(id, query));
  }

  @Get('annual-report')
  @ApiOperation({ summary: '全部实施中方案的年度报告初稿' })
  @ApiProduces(MARKDOWN_TYPE, DOCX_TYPE)
  @ApiOkResponse({ description: '全部实施中方案的年度报告初稿（Markdown 或 .docx）' })
  async forOffice(@Query() query: AnnualReportQuery, @Res() res: Response) {
    send(res, await this.reports.forOffice(query));
  }
}
