import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserView } from '../users/user.dto';
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
  @HttpCode(200)
  @ApiOkResponse({ type: TokenView })
  login(@Body() dto: LoginDto, @Ip() address: string) {
    return this.auth.login(dto.username, dto.password, address);
  }

  @Get('me')
  @OpenBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  me(@CurrentActor() actor: Actor) {
    return this.users.get(actor.userId);
  }

  @Post('me/password')
  @HttpCode(200)
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
