import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A run of failed sign-ins, per account name (`user:<name>`) or per client address
 * (`address:<ip>`). Kept in PostgreSQL, not in the process, so a lock survives a restart and
 * holds across several API processes. Account names are counted whether or not the account
 * exists, so a lock never tells a guesser which names are real.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** Failures in the current run (since the run began; a success or an expired run resets it). */
  @Column({ type: 'int' })
  failures!: number;

  @Column({ type: 'timestamptz' })
  firstFailureAt!: Date;

  /** Rows whose last failure is older than every window are deleted on the next failure. */
  @Index()
  @Column({ type: 'timestamptz' })
  lastFailureAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
