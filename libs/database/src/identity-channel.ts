import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@app/config';

/** The PostgreSQL channel on which a committed change to a user is announced. */
export const IDENTITY_CHANNEL = 'luoshi_identity';

export interface IdentityListener {
  /** A user row changed (role, unit, active, password generation…) or was deleted. */
  changed(userId: string): void;
  /** The channel went down or came back: anything remembered may be stale. */
  reset(up: boolean): void;
}

/**
 * Announces user changes to every process over PostgreSQL's LISTEN/NOTIFY, so identity caches
 * (the API's auth guard) drop an entry at once instead of waiting for it to expire. The NOTIFY
 * is sent inside the write's transaction (Tx.update/remove of a User): PostgreSQL delivers it
 * exactly when the change commits, never for a rollback. One LISTEN connection per process, to
 * the primary, opened only when something subscribes (the worker never does).
 *
 * Fail safe: while the connection is down, `up` is false and subscribers are reset; they must
 * then read the database on every request. It reconnects by itself (1 s, doubling to 30 s).
 */
@Injectable()
export class IdentityChannel implements OnModuleDestroy {
  private readonly logger = new Logger('IdentityChannel');
  private readonly listeners = new Set<IdentityListener>();
  private readonly echoes = new Map<string, Array<() => void>>();
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private pause = 1000;
  private closed = false;
  up = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  subscribe(listener: IdentityListener): void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) void this.connect();
  }

  /**
   * Registered before the commit of a user change (so the NOTIFY cannot slip past unheard);
   * `heard()` after the commit resolves once this process's own connection has heard it, so the
   * answer to the change leaves after the listening processes were told (PostgreSQL signals
   * every listener at commit). Bounded: a slow channel delays one admin's answer by at most
   * `ms`, and never loses the change (caches are reset whenever the channel drops).
   */
  expect(userIds: string[]): { heard(ms?: number): Promise<void>; cancel(): void } {
    if (!this.up || !userIds.length) return { heard: async () => undefined, cancel: () => {} };
    const resolvers: Array<() => void> = [];
    const all = Promise.all(
      userIds.map(
        (id) =>
          new Promise<void>((resolve) => {
            resolvers.push(resolve);
            this.echoes.set(id, [...(this.echoes.get(id) ?? []), resolve]);
          }),
      ),
    );
    return {
      heard: async (ms = 1000) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
        clearTimeout(timer);
        this.forget(resolvers);
      },
      cancel: () => this.forget(resolvers),
    };
  }

  private forget(resolvers: Array<() => void>): void {
    for (const [id, waiting] of this.echoes) {
      const left = waiting.filter((resolve) => !resolvers.includes(resolve));
      if (left.length) this.echoes.set(id, left);
      else this.echoes.delete(id);
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.config.database.url,
      connectionTimeoutMillis: this.config.database.connectTimeoutMs || undefined,
      keepAlive: true,
    });
    this.client = client;
    let lost = false;
    const down = (why: string) => {
      if (lost) return;
      lost = true;
      this.setUp(false);
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`身份变更通知通道断开（${why}），在恢复前每个请求都读取数据库`);
      this.retry = setTimeout(() => void this.connect(), this.pause);
      this.pause = Math.min(this.pause * 2, 30_000);
    };
    client.on('error', (error) => down(error.message));
    client.on('end', () => down('connection ended'));
    client.on('notification', (message) => {
      if (message.channel !== IDENTITY_CHANNEL || !message.payload) return;
      for (const listener of this.listeners) listener.changed(message.payload);
      for (const resolve of this.echoes.get(message.payload) ?? []) resolve();
      this.echoes.delete(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${IDENTITY_CHANNEL}`);
      if (this.closed) {
        // Shut down while connecting: leave nothing open behind.
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
        return;
      }
      this.pause = 1000;
      this.setUp(true);
    } catch (error) {
      down(error instanceof Error ? error.message : String(error));
    }
  }

  private setUp(up: boolean): void {
    this.up = up;
    // Whatever was remembered before a reconnect may have missed a change: start afresh.
    for (const listener of this.listeners) listener.reset(up);
    if (!up) {
      for (const waiting of this.echoes.values()) waiting.forEach((resolve) => resolve());
      this.echoes.clear();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      this.setUp(false);
      await client.end().catch(() => undefined);
    }
  }
}
