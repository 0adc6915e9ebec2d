import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Unit } from '@app/database';
import { UnitQueries } from './unit.queries';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  imports: [TypeOrmModule.forFeature([Unit])],
  controllers: [UnitsController],
  providers: [UnitQueries, UnitsService],
  exports: [UnitQueries],
})
export class UnitsModule {}
