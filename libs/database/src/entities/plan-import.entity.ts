import { Column, Entity, Index } from 'typeorm';
import { Recorded } from './base';

/**
 * A parsed plan text waiting for the leadership office's review: the preview is kept here, not
 * in memory, so any API instance can commit it and a person can come back to it.
 */
@Entity('plan_imports')
export class PlanImport extends Recorded {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

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

  /**
   * A task table read from a .docx, .xlsx or pasted text, before any column correction: a
   * commit with corrected columns renders the text again from it.
   */
  @Column({ type: 'jsonb', nullable: true })
  sourceTable!: Record<string, unknown> | null;

  /**
   * What the commit wrote (plan fields, items, assignments), so the next import of the plan
   * tells values the office changed by hand from values that followed the text.
   */
  @Column({ type: 'jsonb', nullable: true })
  written!: Record<string, unknown> | null;

  /** The plan a commit created or updated. */
  @Column({ type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  committedAt!: Date | null;
}
