import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Versioned } from './base';
import { Assignment } from './assignment.entity';
import { dateColumn } from './columns';
import { ReportFrequency, ReportStatus } from './enums';

/** A figure in a report; `targetId` tags it as counting towards a recurring target. */
export interface ReportFigure {
  name: string;
  value: number;
  unit: string;
  targetId?: string;
}

/** 进展报送: what a unit reports on one assignment for one period. */
@Entity('progress_reports')
@Index('progress_reports_assignment_period', ['assignmentId', 'periodKind', 'periodStart'], {
  unique: true,
})
@Index('progress_reports_status_period', ['status', 'periodStart'])
@Check('progress_reports_percent_range', '"percent" BETWEEN 0 AND 100')
export class ProgressReport extends Versioned {
  @Column({ type: 'uuid' })
  assignmentId!: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Assignment;

  @Column({ type: 'enum', enum: ReportFrequency, enumName: 'report_frequency' })
  periodKind!: ReportFrequency;

  @Column(dateColumn)
  periodStart!: string;

  @Column(dateColumn)
  periodEnd!: string;

  @Column({ type: 'text', default: '' })
  workDone!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  figures!: ReportFigure[];

  @Column({ type: 'text', default: '' })
  problems!: string;

  @Column({ type: 'text', default: '' })
  nextSteps!: string;

  @Column({ type: 'smallint', default: 0 })
  percent!: number;

  @Column({
    type: 'enum',
    enum: ReportStatus,
    enumName: 'report_status',
    default: ReportStatus.Draft,
  })
  status!: ReportStatus;

  @Column({ type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;
}
