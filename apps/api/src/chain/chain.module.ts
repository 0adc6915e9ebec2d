import { Module } from '@nestjs/common';
import { ChasesController, ExtensionsController } from './chain.controller';
import { ChasesService } from './chases.service';
import { ExtensionsService } from './extensions.service';

/** The 督办 chain's own records: extension requests (延期申请) and chases (催办). */
@Module({
  controllers: [ExtensionsController, ChasesController],
  providers: [ExtensionsService, ChasesService],
})
export class ChainModule {}
