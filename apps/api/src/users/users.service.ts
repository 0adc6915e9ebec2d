import { Injectable, NotFoundException } from '@nestjs/common';
import { Tx, Unit, UnitOfWork, User } from '@app/database';
import { Actor } from '../auth/actor';
import { page, Page } from '../common/pagination';
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
    const passwordHash = await hashPassword(password);
    const user = await this.uow.run(actor, async (tx) => {
      await this.requireUnit(tx, dto.unitId);
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
    if (password) changes.passwordHash = await hashPassword(password);
    await this.uow.run(actor, async (tx) => {
      const user = await tx.lock(User, id, { missing: '未找到该用户' });
      if (dto.unitId) await this.requireUnit(tx, dto.unitId);
      await tx.update(User, user, changes);
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const user = await tx.lock(User, id, { missing: '未找到该用户' });
      await tx.remove(User, user);
    });
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
