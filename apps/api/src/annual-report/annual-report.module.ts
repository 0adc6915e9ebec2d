import { Module } from '@nestjs/common';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportQueries } from './annual-report.queries';
import { AnnualReportService } from './annual-report.service';

@Module({
  controllers: [AnnualReportController],
  providers: [AnnualReportQueries, AnnualReportService],
})
export class AnnualReportModule {}
