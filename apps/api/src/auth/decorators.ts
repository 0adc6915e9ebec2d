import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@app/database';
import type { Actor, ActorRequest } from './actor';

export const IS_PUBLIC = 'luoshi:public';
export const ROLES = 'luoshi:roles';
export const OPEN_BEFORE_PASSWORD_CHANGE = 'luoshi:open-before-password-change';

/** No token needed (login, health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler; without it every signed-in role may. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);

/** Open to a user who must first change a reset password (/me and the change itself). */
export const OpenBeforePasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(OPEN_BEFORE_PASSWORD_CHANGE, true);

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<ActorRequest>().actor!,
);
