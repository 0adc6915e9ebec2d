import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/database';
import { Roles } from '../auth/decorators';
import { download } from '../common/attachment';
import { IdParam } from '../common/id-param';
import { AnnualReportQuery } from './annual-report.dto';
import { AnnualReportService, DOCX_TYPE, MARKDOWN_TYPE, ReportFile } from './annual-report.service';

const send = (file: ReportFile): StreamableFile =>
  download(file.body, file.contentType, file.disposition);

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
  async forPlan(@IdParam() id: string, @Query() query: AnnualReportQuery) {
    return send(await this.reports.forPlan(id, query));
  }

  @Get('annual-report')
  @ApiOperation({ summary: '全部实施中方案的年度报告初稿' })
  @ApiProduces(MARKDOWN_TYPE, DOCX_TYPE)
  @ApiOkResponse({ description: '全部实施中方案的年度报告初稿（Markdown 或 .docx）' })
  async forOffice(@Query() query: AnnualReportQuery) {
    return send(await this.reports.forOffice(query));
  }
}
