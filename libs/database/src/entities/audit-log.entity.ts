import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Writes (`create`, `update`, `delete`) and sign-in events (`login`, `login_failed`,
 * `login_refused` while an account or address is locked) share one trail (等保 安全审计).
 */
export type AuditAction =
  'create' | 'update' | 'delete' | 'login' | 'login_failed' | 'login_refused';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'login_refused',
];

/** One row for every write: who, when, which entity, before and after. */
@Entity('audit_log')
@Index('audit_log_entity', ['entityType', 'entityId', 'id'])
// The audit-log API's other filters: who, and when.
@Index('audit_log_actor', ['actorUserId', 'id'])
@Index('audit_log_at', ['at'])
export class AuditLog {
  /** bigint: pg returns it as a string, which is also how it travels in JSON. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUnitId!: string | null;

  @Column({ type: 'text' })
  action!: AuditAction;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'text' })
  entityId!: string;

  /** The assignment a write concerns (itself, or the one its report or file belongs to): the timeline reads by it. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}
