import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { Role } from '@app/database';
import type { ActorRequest } from './actor';
import { IS_PUBLIC, OPEN_BEFORE_PASSWORD_CHANGE, ROLES } from './decorators';
import { IdentityCache } from './identity-cache';
import { TokenPayload, VerifiedTokens } from './verified-tokens';

export const PASSWORD_CHANGE_REQUIRED = '管理员已重置您的密码，请先修改密码后再继续操作';

/**
 * Global guard: a valid bearer token, a user that still exists and is active, and the role the
 * handler asks for. A deactivated account or a changed role takes effect on the next request,
 * not when the token expires: the identity cache is invalidated when the user changes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: VerifiedTokens,
    private readonly identities: IdentityCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<ActorRequest>();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('请先登录');

    let payload: TokenPayload;
    try {
      payload = await this.tokens.verify(token);
    } catch {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    // A token signed with our key but without a user id (or with a malformed one) names no one.
    if (typeof payload.sub !== 'string' || !isUUID(payload.sub)) {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    // The user row (cached per process, dropped at once on any change: IdentityCache) says
    // whether the account is active, and which password generation (tokenVersion) its tokens
    // must carry: a change or reset ends older sessions at once.
    const user = await this.identities.activeUser(payload.sub);
    if (!user || (payload.ver ?? 0) !== user.tokenVersion) {
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    request.actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
    };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenException('无权执行此操作');
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, targets)
    ) {
      throw new ForbiddenException(PASSWORD_CHANGE_REQUIRED);
    }
    return true;
  }
}
