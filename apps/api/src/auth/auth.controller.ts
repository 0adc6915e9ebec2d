import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MeView } from '../users/user.dto';
import { UsersService } from '../users/users.service';
import { Actor } from './actor';
import { ChangePasswordDto, LoginDto, TokenView } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor, OpenBeforePasswordChange, Public } from './decorators';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('auth/login')
  @ApiOperation({ summary: '登录，换取访问令牌' })
  @ApiResponse({ status: 401, description: '用户名或密码错误（未知用户与错误密码的回答相同）' })
  @ApiResponse({ status: 429, description: '登录失败次数过多：账号已锁定或该地址暂被阻止' })
  @HttpCode(200)
  @ApiOkResponse({ type: TokenView })
  login(@Body() dto: LoginDto, @Ip() address: string) {
    return this.auth.login(dto.username, dto.password, address);
  }

  @Get('me')
  @OpenBeforePasswordChange()
  @ApiOperation({ summary: '当前登录用户' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor) {
    return this.users.me(actor.userId);
  }

  @Post('me/password')
  @HttpCode(200)
  @ApiOperation({ summary: '修改自己的密码' })
  @ApiResponse({ status: 429, description: '当前密码错误次数过多，账号已锁定' })
  @OpenBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOkResponse({ type: TokenView, description: '新令牌；此前签发的令牌（含本次所用）全部失效' })
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Ip() address: string,
  ) {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, address);
  }
}
