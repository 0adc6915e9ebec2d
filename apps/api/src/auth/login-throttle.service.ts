import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  CLOCK_SKEW_MS,
  ThrottleKind,
  throttleKey,
  ThrottleRule,
  throttleRules,
} from './login-throttle';

export interface Lock {
  kind: ThrottleKind;
  until: Date;
}

/**
 * Failed sign-ins counted per account name and per client address in PostgreSQL (one row per
 * key, updated by one atomic upsert, so concurrent guesses through several API processes all
 * count). Times come from the injectable clock, so tests move it to see a lock expire.
 */
@Injectable()
export class LoginThrottleService {
  private readonly rules: Record<ThrottleKind, ThrottleRule>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = throttleRules(config.login);
  }

  /** The lock that refuses a sign-in now: the address's first (it says less), then the account's. */
  async lockOf(username: string, address: string, now: Date): Promise<Lock | null> {
    const keys: Array<[ThrottleKind, string]> = [
      ['address', throttleKey('address', address)],
      ['account', throttleKey('account', username)],
    ];
    const rows: Array<{ key: string; locked_until: Date }> = await this.db.query(
      `SELECT key, locked_until FROM login_throttle
        WHERE key = ANY($1) AND locked_until > $2`,
      [keys.map(([, key]) => key), now],
    );
    for (const [kind, key] of keys) {
      const row = rows.find((r) => r.key === key);
      const latest = now.getTime() + this.rules[kind].lockMs + CLOCK_SKEW_MS;
      if (row && row.locked_until.getTime() <= latest) return { kind, until: row.locked_until };
    }
    return null;
  }

  /** Counts a failure against both keys; the lock it causes, if any (the address's first). */
  async recordFailure(username: string, address: string, now: Date): Promise<Lock | null> {
    const address_ = await this.fail('address', throttleKey('address', address), now);
    const account = await this.fail('account', throttleKey('account', username), now);
    const longest = Math.max(...Object.values(this.rules).map((r) => r.lockMs));
    // Old runs of names nobody tries any more go, so guessed names do not pile up.
    await this.db.query(
      `DELETE FROM login_throttle
        WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until < $2)`,
      [new Date(now.getTime() - longest), now],
    );
    return address_ ?? account;
  }

  /** A correct password ends the account's run; the address's run stays (one good account must not unlock guessing). */
  async recordSuccess(username: string): Promise<void> {
    await this.clearAccount(username);
  }

  /** An administrator's password reset unlocks the account. */
  async clearAccount(username: string): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE key = $1', [
      throttleKey('account', username),
    ]);
  }

  private async fail(kind: ThrottleKind, key: string, now: Date): Promise<Lock | null> {
    const { max, lockMs } = this.rules[kind];
    // A run starts again when its last failure is older than the lock time, when its lock has
    // run out, or when it was stamped by a clock ahead of this one.
    const restart = `(t.last_failure_at < $2::timestamptz - $4 * interval '1 millisecond'
      OR t.last_failure_at > $2::timestamptz + $5 * interval '1 millisecond'
      OR (t.locked_until IS NOT NULL AND t.locked_until <= $2))`;
    const failures = `CASE WHEN ${restart} THEN 1 ELSE t.failures + 1 END`;
    const [row]: Array<{ locked_until: Date | null }> = await this.db.query(
      `INSERT INTO login_throttle AS t (key, failures, first_failure_at, last_failure_at, locked_until)
       VALUES ($1, 1, $2, $2,
               CASE WHEN $3::int <= 1 THEN $2::timestamptz + $4 * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         failures = ${failures},
         first_failure_at = CASE WHEN ${restart} THEN $2 ELSE t.first_failure_at END,
         last_failure_at = $2,
         locked_until = CASE WHEN ${failures} >= $3
                        THEN $2::timestamptz + $4 * interval '1 millisecond' END
       RETURNING t.locked_until`,
      [key, now, max, lockMs, CLOCK_SKEW_MS],
    );
    return row?.locked_until ? { kind, until: row.locked_until } : null;
  }
}
