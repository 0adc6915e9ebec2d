import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { Role } from '@app/database';
import { IS_PUBLIC, ROLES } from './decorators';
import { UserQueries } from '../users/user.queries';

interface TokenPayload {
  sub?: unknown;
}

/**
 * Global guard: a valid bearer token, a user that still exists and is active, and the role the
 * handler asks for. The user is re-read on every request so a deactivated account or a changed
 * role takes effect at once, not when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserQueries,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('请先登录');

    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    // A token signed with our key but without a user id (or with a malformed one) names no one.
    if (typeof payload.sub !== 'string' || !isUUID(payload.sub)) {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    const user = await this.users.findActiveById(payload.sub);
    if (!user) throw new UnauthorizedException('登录已失效，请重新登录');
    request.actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
    };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenException('无权执行此操作');
    return true;
  }
}
