import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Unit, UnitOfWork, User } from '@app/database';
import { Actor } from '../auth/actor';
import { page, Page } from '../common/pagination';
import { assertPasswordAllowed } from './password-policy';
import { hashPassword } from './passwords';
import { CreateUserDto, UpdateUserDto, UserListQuery, UserView } from './user.dto';
import { UserQueries } from './user.queries';

@Injectable()
export class UsersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: UserQueries,
  ) {}

  async list(query: UserListQuery): Promise<Page<UserView>> {
    const [users, total] = await this.queries.list(query, query.unitId);
    return page(users.map(UserView.from), total, query);
  }

  async get(id: string): Promise<UserView> {
    return UserView.from(await this.require(id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const { password, ...rest } = dto;
    assertPasswordAllowed(password, dto.username);
    const passwordHash = await hashPassword(password);
    const user = await this.uow.run(actor, async (tx) => {
      await this.requireUnit(tx.manager, dto.unitId);
      return tx.create(User, {
        ...rest,
        username: dto.username.toLowerCase(),
        email: dto.email ?? null,
        passwordHash,
      });
    });
    return this.get(user.id);
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const { password, ...rest } = dto;
    const changes: Partial<User> = { ...rest };
    if (dto.username) changes.username = dto.username.toLowerCase();
    await this.uow.run(actor, async (tx) => {
      const user = await tx.manager.findOne(User, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundException('未找到该用户');
      if (password !== undefined) {
        assertPasswordAllowed(password, changes.username ?? user.username);
        changes.passwordHash = await hashPassword(password);
      }
      if (dto.unitId) await this.requireUnit(tx.manager, dto.unitId);
      await tx.update(User, user, changes);
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const user = await tx.manager.findOne(User, { where: { id } });
      if (!user) throw new NotFoundException('未找到该用户');
      await tx.remove(User, user);
    });
  }

  private async require(id: string): Promise<User> {
    const user = await this.queries.findById(id);
    if (!user) throw new NotFoundException('未找到该用户');
    return user;
  }

  private async requireUnit(manager: EntityManager, unitId: string): Promise<void> {
    if (!(await manager.exists(Unit, { where: { id: unitId } }))) {
      throw new NotFoundException('所属单位不存在');
    }
  }
}
