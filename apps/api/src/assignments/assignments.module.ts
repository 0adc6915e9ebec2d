import { Module } from '@nestjs/common';
import { AssignmentQueries } from './assignment.queries';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';

@Module({
  controllers: [AssignmentsController],
  providers: [AssignmentQueries, AssignmentsService],
  exports: [AssignmentQueries],
})
export class AssignmentsModule {}
