import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CLOCK, Clock } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuditAction, UnitOfWork, User } from '@app/database';
import { hashPassword, verifyPassword } from '../users/passwords';
import { UserQueries } from '../users/user.queries';
import { TokenView } from './auth.dto';
import { lockedError } from './login-throttle';
import { LoginThrottleService } from './login-throttle.service';

// Compared against when the user does not exist, so a wrong username costs the same time as a
// wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const DUMMY_HASH = (): Promise<string> => (dummyHash ??= hashPassword('not-a-password'));

function seconds(duration: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(duration);
  if (!m) return 0;
  return (
    Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  );
}

/** The name a sign-in is counted and recorded under (accounts are stored lower-case). */
export const loginName = (username: string): string => username.trim().toLowerCase();

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserQueries,
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
      throw lockedError(lock.kind, lock.until, this.config.timeZone);
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
      if (locked) throw lockedError(locked.kind, locked.until, this.config.timeZone);
      throw new UnauthorizedException('用户名或密码错误');
    }
    await this.throttle.recordSuccess(name);
    await this.record('login', name, user, { address });
    return this.issue(user);
  }

  /** A token bound to the user's current password (its `ver`): a change or reset ends it. */
  async issue(user: User): Promise<TokenView> {
    const expiresIn = seconds(this.config.jwtExpiresIn);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role }, { expiresIn });
    return { accessToken, expiresIn };
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
