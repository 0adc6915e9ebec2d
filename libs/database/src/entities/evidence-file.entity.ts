import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { StoredFileRow } from './base';
import { ProgressReport } from './progress-report.entity';

/** A file attached to a progress report; the bytes live in file storage, not the database. */
@Entity('evidence_files')
export class EvidenceFile extends StoredFileRow {
  @Index()
  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => ProgressReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ProgressReport;

  /** Copied from the report so the timeline and scope checks need no join. */
  @Column({ type: 'uuid' })
  assignmentId!: string;
}
