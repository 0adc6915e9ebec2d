import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { TodoView } from './todo.dto';
import { TodoService } from './todo.service';

@ApiTags('todo')
@ApiBearerAuth()
@Controller()
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  @Get('me/todo')
  @ApiOperation({ summary: '我的待办：按角色列出等待当前用户处理的工作（单位只见本单位）' })
  @ApiOkResponse({ type: TodoView })
  get(@CurrentActor() actor: Actor) {
    return this.todo.forActor(actor);
  }
}
