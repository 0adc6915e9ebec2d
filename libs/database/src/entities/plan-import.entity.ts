import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A parsed plan text waiting for the leadership office's review: the preview is kept here, not
 * in memory, so any API instance can commit it and a person can come back to it.
 */
@Entity('plan_imports')
export class PlanImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The uploaded file's name, or null for text sent in the body. */
  @Column({ type: 'text', nullable: true })
  sourceName!: string | null;

  @Column({ type: 'text' })
  sourceText!: string;

  /** The parser's result, as the preview showed it. */
  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  docNumber!: string | null;

  /** The plan a commit created or updated. */
  @Column({ type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  committedAt!: Date | null;
}
