import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/database';
import { Roles } from '../auth/decorators';
import { download } from '../common/attachment';
import { IdParam } from '../common/id-param';
import { XLSX_TYPE } from '../exports/xlsx';
import {
  AsOfQuery,
  OverdueFilter,
  OverduePage,
  OverdueQuery,
  StatisticsQuery,
  StatisticsView,
  WarningPage,
  WarningQuery,
} from './supervision.dto';
import { FileDownload, SupervisionService } from './supervision.service';

// The file's type comes with the file: a refusal (400, 404) must still be labelled JSON.
const send = (file: FileDownload): StreamableFile =>
  download(file.body, XLSX_TYPE, file.disposition);

/** What the supervision and leadership offices read; a unit clerk reads none of it. */
@ApiTags('supervision')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Leadership, Role.Admin)
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('supervision/overdue')
  @ApiOperation({ summary: '逾期清单' })
  @ApiOkResponse({ type: OverduePage })
  overdue(@Query() query: OverdueQuery) {
    return this.supervision.overdue(query);
  }

  @Get('supervision/warnings')
  @ApiOperation({ summary: '预警清单（红黄灯）' })
  @ApiOkResponse({ type: WarningPage })
  warnings(@Query() query: WarningQuery) {
    return this.supervision.warnings(query);
  }

  @Get('supervision/statistics')
  @ApiOperation({ summary: '落实情况统计与排名' })
  @ApiOkResponse({ type: StatisticsView })
  statistics(@Query() query: StatisticsQuery) {
    return this.supervision.statistics(query);
  }

  @Get('supervision/exports/overdue.xlsx')
  @ApiOperation({ summary: '导出逾期清单（.xlsx）' })
  @ApiProduces(XLSX_TYPE)
  async overdueWorkbook(@Query() query: OverdueFilter) {
    return send(await this.supervision.overdueWorkbook(query));
  }

  @Get('supervision/exports/statistics.xlsx')
  @ApiOperation({ summary: '导出落实情况统计与排名（.xlsx）' })
  @ApiProduces(XLSX_TYPE)
  async statisticsWorkbook(@Query() query: StatisticsQuery) {
    return send(await this.supervision.statisticsWorkbook(query));
  }

  @Get('plans/:id/breakdown.xlsx')
  @ApiOperation({ summary: '导出任务分解表（.xlsx）' })
  @ApiProduces(XLSX_TYPE)
  async breakdownWorkbook(@IdParam() id: string, @Query() query: AsOfQuery) {
    return send(await this.supervision.breakdownWorkbook(id, query.asOf));
  }
}
