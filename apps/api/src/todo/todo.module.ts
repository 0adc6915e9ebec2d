import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module';
import { TodoController } from './todo.controller';
import { TodoQueries } from './todo.queries';
import { TodoService } from './todo.service';

@Module({
  imports: [SupervisionModule],
  controllers: [TodoController],
  providers: [TodoQueries, TodoService],
})
export class TodoModule {}
