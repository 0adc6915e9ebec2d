import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@app/database';
import { Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import { XLSX_TYPE } from '../exports/xlsx';
import {
  AsOfQuery,
  OverduePage,
  OverdueQuery,
  StatisticsQuery,
  StatisticsView,
  WarningPage,
  WarningQuery,
} from './supervision.dto';
import { FileDownload, SupervisionService } from './supervision.service';

function send(res: Response, file: FileDownload): void {
  res.setHeader('Content-Disposition', file.disposition);
  res.send(file.body);
}

/** What the supervision and leadership offices read; a unit clerk reads none of it. */
@ApiTags('supervision')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Leadership, Role.Admin)
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('supervision/overdue')
  @ApiOkResponse({ type: OverduePage })
  overdue(@Query() query: OverdueQuery) {
    return this.supervision.overdue(query);
  }

  @Get('supervision/warnings')
  @ApiOkResponse({ type: WarningPage })
  warnings(@Query() query: WarningQuery) {
    return this.supervision.warnings(query);
  }

  @Get('supervision/statistics')
  @ApiOkResponse({ type: StatisticsView })
  statistics(@Query() query: StatisticsQuery) {
    return this.supervision.statistics(query);
  }

  @Get('supervision/exports/overdue.xlsx')
  @ApiProduces(XLSX_TYPE)
  @Header('Content-Type', XLSX_TYPE)
  async overdueWorkbook(@Query() query: OverdueQuery, @Res() res: Response) {
    send(res, await this.supervision.overdueWorkbook(query));
  }

  @Get('plans/:id/breakdown.xlsx')
  @ApiProduces(XLSX_TYPE)
  @Header('Content-Type', XLSX_TYPE)
  async breakdownWorkbook(@IdParam() id: string, @Query() query: AsOfQuery, @Res() res: Response) {
    send(res, await this.supervision.breakdownWorkbook(id, query.asOf));
  }
}
