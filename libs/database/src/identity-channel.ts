import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@app/config';

/** The PostgreSQL channel on which a committed change to a user is announced. */
export const IDENTITY_CHANNEL = 'luoshi_identity';
/**
 * On which each listening process says it has dropped the user announced: the user's id and the
 * announcing backend's pid (`<id>:<pid>`), so an answer to an earlier change of the same user,
 * made through another connection, is not taken for one to this change.
 */
export const IDENTITY_HEARD_CHANNEL = 'luoshi_identity_heard';
/** The listening connections' application_name: a writer counts them to know who must answer. */
export const IDENTITY_LISTENER_NAME = 'luoshi-identity';

/** The answers heard so far for one announced user, by one waiting writer. */
interface Answers {
  /** The answer's payload: `<user id>:<announcing backend's pid>`. */
  key: string;
  count: number;
}

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
 * the primary, opened only when something subscribes (the worker never does). Each process
 * answers on IDENTITY_HEARD_CHANNEL once it has dropped the user, so the writer can hold the
 * change's answer until every listening process has (see `expect`).
 *
 * Fail safe: while the connection is down, `up` is false and subscribers are reset; they must
 * then read the database on every request. It reconnects by itself (1 s, doubling to 30 s).
 */
@Injectable()
export class IdentityChannel implements OnModuleDestroy {
  private readonly logger = new Logger('IdentityChannel');
  private readonly listeners = new Set<IdentityListener>();
  /** The writers waiting for answers, by user, and how to tell them one came. */
  private readonly waiting = new Map<string, Set<Answers>>();
  private readonly answered = new Set<() => void>();
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
   * Registered before the commit of a user change (so no answer can slip past unheard);
   * `heard()` after the commit resolves once every process listening at that moment has
   * answered that it dropped the users, so the answer to the change leaves after the next
   * request to any API process finds the old identity gone. Waiting for this process's own
   * echo alone was not enough: another process may hear the NOTIFY a few milliseconds later,
   * and a request sent to it at once was still served the old role (identity-cache e2e, on a
   * busy machine). Bounded: a slow or dying process delays one admin's answer by at most `ms`,
   * and never loses the change (caches are reset whenever a channel drops).
   */
  expect(
    userIds: string[],
    announcedBy?: number,
  ): { heard(ms?: number): Promise<void>; cancel(): void } {
    if (!this.up || !userIds.length) return { heard: async () => undefined, cancel: () => {} };
    const answers = userIds.map((userId) => ({ key: `${userId}:${announcedBy}`, count: 0 }));
    for (const a of answers) {
      this.waiting.set(a.key, (this.waiting.get(a.key) ?? new Set()).add(a));
    }
    const forget = () => {
      for (const a of answers) {
        const set = this.waiting.get(a.key);
        set?.delete(a);
        if (!set?.size) this.waiting.delete(a.key);
      }
    };
    return {
      heard: async (ms = 1000) => {
        let timer: NodeJS.Timeout | undefined;
        let wake: (() => void) | undefined;
        const until = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
        try {
          const listening = await Promise.race([this.listening(), until.then(() => 0)]);
          const done = () => !this.up || answers.every((a) => a.count >= listening);
          await Promise.race([
            until,
            new Promise<void>((resolve) => {
              wake = () => done() && resolve();
              this.answered.add(wake);
              wake();
            }),
          ]);
        } finally {
          clearTimeout(timer);
          if (wake) this.answered.delete(wake);
          forget();
        }
      },
      cancel: forget,
    };
  }

  /** How many processes listen now (this one included): each answers every change. */
  private async listening(): Promise<number> {
    try {
      const { rows } = await this.client!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE application_name = $1 AND datname = current_database()`,
        [IDENTITY_LISTENER_NAME],
      );
      return rows[0].n;
    } catch {
      return 0; // the channel is going down: setUp(false) resets every cache
    }
  }

  private heardAnswer(key: string): void {
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    for (const a of waiting) a.count++;
    for (const wake of this.answered) wake();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: IDENTITY_LISTENER_NAME,
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
      if (!message.payload) return;
      if (message.channel === IDENTITY_HEARD_CHANNEL) return this.heardAnswer(message.payload);
      if (message.channel !== IDENTITY_CHANNEL) return;
      const userId = message.payload;
      for (const listener of this.listeners) listener.changed(userId);
      // Dropped (changed() is synchronous): say so to whoever made the change.
      const answer = `${userId}:${message.processId}`;
      client.query('SELECT pg_notify($1, $2)', [IDENTITY_HEARD_CHANNEL, answer]).catch(() => {
        // The connection is going down; its 'error' or 'end' resets every cache.
      });
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${IDENTITY_CHANNEL}; LISTEN ${IDENTITY_HEARD_CHANNEL}`);
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
    // Down: no writer waits for answers any more (`done` sees `up` false).
    if (!up) for (const wake of this.answered) wake();
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
