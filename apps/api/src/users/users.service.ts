import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CLOCK, Clock, todayIn } from '@app/calendar';
import { LoginThrottle, Tx, Unit, UnitOfWork, User } from '@app/database';
import { Actor } from '../auth/actor';
import { throttleKey } from '../auth/login-throttle';
import { page, Page } from '../common/pagination';
import { assertPasswordAllowed } from './password-policy';
import { hashPassword } from './passwords';
import { CreateUserDto, MeView, UpdateUserDto, UserListQuery, UserView } from './user.dto';
import { UserQueries } from './user.queries';

@Injectable()
export class UsersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: UserQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(query: UserListQuery): Promise<Page<UserView>> {
    const [users, total] = await this.queries.list(query, query.unitId);
    return page(users.map(UserView.from), total, query);
  }

  async get(id: string): Promise<UserView> {
    return UserView.from(await this.require(id));
  }

  /** The signed-in user, with the server's today that the console's date fields start from. */
  async me(id: string): Promise<MeView> {
    return Object.assign(new MeView(), await this.get(id), { today: todayIn(this.clock) });
  }

  /** The first password is the administrator's, so it is temporary like a reset. */
  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const { password, ...rest } = dto;
    assertPasswordAllowed(password, dto.username);
    const passwordHash = await hashPassword(password);
    const user = await this.uow.run(actor, async (tx) => {
      await this.requireUnit(tx, dto.unitId);
      return tx.create(User, {
        ...rest,
        username: dto.username.toLowerCase(),
        email: dto.email ?? null,
        passwordHash,
        mustChangePassword: true,
      });
    });
    return this.get(user.id);
  }

  /** A password in the update is an administrator's reset, with all that a reset does. */
  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const { password, ...rest } = dto;
    const changes: Partial<User> = { ...rest };
    if (dto.username) changes.username = dto.username.toLowerCase();
    await this.uow.run(actor, async (tx) => {
      const user = await this.lock(tx, id);
      if (dto.unitId) await this.requireUnit(tx, dto.unitId);
      if (password !== undefined) {
        const username = changes.username ?? user.username;
        Object.assign(changes, await this.newPassword(tx, user, username, password, true));
      }
      await tx.update(User, user, changes);
    });
    return this.get(id);
  }

  /**
   * 管理员重置密码: a temporary password the user must change at the next sign-in; the
   * account's sign-in lock is lifted and every session it had ends.
   */
  async resetPassword(actor: Actor, id: string, temporaryPassword: string): Promise<UserView> {
    await this.uow.run(actor, async (tx) => {
      const user = await this.lock(tx, id);
      const changes = await this.newPassword(
        tx,
        user,
        user.username,
        temporaryPassword,
        true,
        'temporaryPassword',
      );
      await tx.update(User, user, changes);
    });
    return this.get(id);
  }

  /** The user's own change (the current password already checked): ends every other session. */
  async changeOwnPassword(actor: Actor, newPassword: string): Promise<User> {
    return this.uow.run(actor, async (tx) => {
      const user = await this.lock(tx, actor.userId);
      const changes = await this.newPassword(
        tx,
        user,
        user.username,
        newPassword,
        false,
        'newPassword',
      );
      return tx.update(User, user, changes);
    });
  }

  /**
   * Only an account that never signed in nor wrote anything may be deleted: the audit trail
   * names people by their account, so one with history is deactivated instead (409).
   */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const user = await this.lock(tx, id);
      const [{ used }]: Array<{ used: boolean }> = await tx.read.query(
        `SELECT EXISTS (SELECT 1 FROM audit_log WHERE actor_user_id = $1)
             OR EXISTS (SELECT 1 FROM audit_log WHERE entity_type = 'Login' AND entity_id = $2)
             AS used`,
        [id, user.username],
      );
      if (used) {
        throw new ConflictException(
          '该用户已有登录或操作记录，不能删除（审计记录需对应到人）；不再使用时请停用（将 active 改为 false）',
        );
      }
      await tx.remove(User, user);
    });
  }

  /** The one way a password is set through the API: the policy, a new hash, a new token generation. */
  private async newPassword(
    tx: Tx,
    user: User,
    username: string,
    password: string,
    temporary: boolean,
    field = 'password',
  ): Promise<Partial<User>> {
    assertPasswordAllowed(password, username, field);
    await tx.deleteWhere(LoginThrottle, { key: throttleKey('account', user.username) });
    return {
      passwordHash: await hashPassword(password),
      mustChangePassword: temporary,
      tokenVersion: user.tokenVersion + 1,
    };
  }

  private lock(tx: Tx, id: string): Promise<User> {
    return tx.lock(User, id, { missing: '未找到该用户' });
  }

  private async require(id: string): Promise<User> {
    const user = await this.queries.findById(id);
    if (!user) throw new NotFoundException('未找到该用户');
    return user;
  }

  private async requireUnit(tx: Tx, unitId: string): Promise<void> {
    if (!(await tx.read.exists(Unit, { where: { id: unitId } }))) {
      throw new NotFoundException('所属单位不存在');
    }
  }
}
