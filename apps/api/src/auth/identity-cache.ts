import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityChannel, IdentityListener, User } from '@app/database';
import { UserQueries } from '../users/user.queries';

/** What the auth guard needs of a user, kept per process. */
export type Identity = Pick<
  User,
  'id' | 'username' | 'role' | 'unitId' | 'tokenVersion' | 'mustChangePassword'
>;

/** Beyond this many users the map starts afresh (a province has a few thousand accounts). */
const MAX_ENTRIES = 50_000;

/**
 * The active users this API process has seen, so a request costs no database read for who
 * makes it. Correct, not merely fresh: every committed change to a user (role, unit, active,
 * password change or reset, deletion) is announced over PostgreSQL NOTIFY (IdentityChannel)
 * and drops the entry in every process before the change's answer leaves. While that channel
 * is down nothing is cached: every request reads the user, as before.
 *
 * A read that started before a change was heard may return the old row; the generation
 * counter keeps such a read from being remembered.
 */
@Injectable()
export class IdentityCache implements IdentityListener, OnModuleInit {
  private readonly entries = new Map<string, Identity>();
  private generation = 0;
  private enabled = false;

  constructor(
    private readonly channel: IdentityChannel,
    private readonly users: UserQueries,
  ) {}

  onModuleInit(): void {
    this.channel.subscribe(this);
  }

  /** The active user with this id, or null (missing or deactivated). */
  async activeUser(id: string): Promise<Identity | null> {
    const known = this.entries.get(id);
    if (known) return known;
    const generation = this.generation;
    const user = await this.users.findActiveById(id);
    if (user && this.enabled && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      const { username, role, unitId, tokenVersion, mustChangePassword } = user;
      this.entries.set(id, { id, username, role, unitId, tokenVersion, mustChangePassword });
    }
    return user;
  }

  changed(userId: string): void {
    this.generation++;
    this.entries.delete(userId);
  }

  reset(up: boolean): void {
    this.generation++;
    this.entries.clear();
    this.enabled = up;
  }
}
