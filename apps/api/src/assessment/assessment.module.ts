import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module';
import { AssessmentController } from './assessment.controller';
import { AssessmentQueries } from './assessment.queries';
import { AssessmentService } from './assessment.service';

@Module({
  imports: [SupervisionModule],
  controllers: [AssessmentController],
  providers: [AssessmentQueries, AssessmentService],
})
export class AssessmentModule {}
