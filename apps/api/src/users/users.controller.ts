import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { IdParam } from '../common/id-param';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import {
  CreateUserDto,
  PasswordResetDto,
  UpdateUserDto,
  UserListQuery,
  UserPage,
  UserView,
} from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: '用户列表' })
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: UserListQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看用户' })
  @ApiOkResponse({ type: UserView })
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: '新建用户' })
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改用户' })
  @ApiOkResponse({ type: UserView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: '重置用户密码（临时密码，下次登录须修改）' })
  @ApiOkResponse({
    type: UserView,
    description: '已设临时密码；该用户原有登录全部失效，下次登录须先改密码',
  })
  resetPassword(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: PasswordResetDto,
  ) {
    return this.users.resetPassword(actor, id, dto.temporaryPassword);
  }

  @Delete(':id')
  @ApiOperation({ summary: '删除用户' })
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.users.remove(actor, id);
  }
}
