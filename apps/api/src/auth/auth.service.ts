import { BadRequestException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CLOCK, Clock, TIME_ZONE } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuditAction, UnitOfWork, User } from '@app/database';
import { hashPassword, verifyPassword } from '../users/passwords';
import { UserQueries } from '../users/user.queries';
import { UsersService } from '../users/users.service';
import { Actor } from './actor';
import { TokenView } from './auth.dto';
import { lockedError } from './login-throttle';
import { LoginThrottleService } from './login-throttle.service';

// Compared against when the user does not exist, so a wrong username costs the same time as a
// wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const DUMMY_HASH = (): Promise<string> => (dummyHash ??= hashPassword('not-a-password'));

/** The name a sign-in is counted and recorded under (accounts are stored lower-case). */
export const loginName = (username: string): string => username.trim().toLowerCase();

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserQueries,
    private readonly accounts: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A locked account answers the same whether it exists or not (names are counted, not
   * accounts), and an unknown name is checked against a dummy hash: neither the answer nor its
   * time tells a guesser which names are real.
   */
  async login(username: string, password: string, address: string): Promise<TokenView> {
    const name = loginName(username);
    const now = this.clock.now();
    const lock = await this.throttle.lockOf(name, address, now);
    if (lock) {
      await this.record('login_refused', name, null, { address, reason: lock.kind });
      throw lockedError(lock.kind, lock.until, TIME_ZONE);
    }
    const user = await this.users.findForLogin(name);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH()));
    if (!user || !ok) {
      const locked = await this.throttle.recordFailure(name, address, now);
      await this.record('login_failed', name, null, {
        address,
        userId: user?.id ?? null,
        lockedUntil: locked?.until ?? null,
      });
      if (locked) throw lockedError(locked.kind, locked.until, TIME_ZONE);
      throw new UnauthorizedException('用户名或密码错误');
    }
    await this.throttle.recordSuccess(name);
    await this.record('login', name, user, { address });
    return this.issue(user);
  }

  /**
   * 修改密码: the current password is checked like a sign-in (a wrong one counts towards the
   * account's lock, so a stolen token cannot guess it), the new one meets the policy, and every
   * earlier session ends; the answer is a fresh token for this one.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<TokenView> {
    const name = actor.username;
    const now = this.clock.now();
    const lock = await this.throttle.lockOf(name, address, now);
    if (lock) {
      await this.record('login_refused', name, null, { address, reason: lock.kind });
      throw lockedError(lock.kind, lock.until, TIME_ZONE);
    }
    const user = await this.users.findWithHash(actor.userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      const locked = await this.throttle.recordFailure(name, address, now);
      await this.record('login_failed', name, null, {
        address,
        userId: actor.userId,
        lockedUntil: locked?.until ?? null,
        during: 'password_change',
      });
      if (locked) throw lockedError(locked.kind, locked.until, TIME_ZONE);
      throw new BadRequestException('currentPassword：当前密码不正确');
    }
    if (currentPassword === newPassword) {
      throw new BadRequestException('newPassword：新密码不能与当前密码相同');
    }
    return this.issue(await this.accounts.changeOwnPassword(actor, newPassword));
  }

  /** A token bound to the user's current password (its `ver`): a change or reset ends it. */
  private async issue(user: User): Promise<TokenView> {
    const expiresIn = this.config.jwtExpiresIn;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role, ver: user.tokenVersion },
      { expiresIn },
    );
    return { accessToken, expiresIn, mustChangePassword: user.mustChangePassword };
  }

  /** Sign-in events in the audit trail: entity `Login`, id the name tried, actor when signed in. */
  private async record(
    action: AuditAction,
    name: string,
    user: User | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    const actor = { userId: user?.id ?? null, unitId: user?.unitId ?? null };
    await this.uow.run(actor, (tx) =>
      tx.audit(action, 'Login', name, null, { username: name, ...details }),
    );
  }
}
