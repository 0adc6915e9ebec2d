import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * The office's 考评 rules (weights and deductions), one row. Without a row the defaults in
 * `@app/assessment` apply; the stored rules are merged over them, so a rule added later starts
 * at its default.
 */
@Entity('assessment_settings')
export class AssessmentSettings {
  /** Always `default`: there is one set of rules per installation. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'jsonb' })
  rules!: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
