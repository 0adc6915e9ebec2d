import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '@app/database';
import { PageQuery } from '../common/pagination';

@Injectable()
export class UserQueries {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findActiveById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id, active: true } });
  }

  /**
   * One statement (GET /me asks it on every console start): findOne with a relation adds a
   * SELECT DISTINCT of the ids first, because of its limit.
   */
  findById(id: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.unit', 'unit')
      .where('user.id = :id', { id })
      .getOne();
  }

  /** The reads that load the password hash: sign-in, and a user's own password change. */
  findWithHash(id: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .andWhere('user.active')
      .getOne();
  }

  findForLogin(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username', { username: username.trim().toLowerCase() })
      .andWhere('user.active')
      .getOne();
  }

  list(query: PageQuery, unitId?: string): Promise<[User[], number]> {
    const qb = this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.unit', 'unit')
      .orderBy('user.username')
      .skip(query.offset)
      .take(query.pageSize);
    if (unitId) qb.where('user.unitId = :unitId', { unitId });
    return qb.getManyAndCount();
  }
}
