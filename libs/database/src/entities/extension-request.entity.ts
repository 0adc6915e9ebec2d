import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Versioned } from './base';
import { Assignment } from './assignment.entity';
import { dateColumn } from './columns';
import { ExtensionStatus } from './enums';
import { Unit } from './unit.entity';

/**
 * 延期申请: a unit asks for a later due date before its due date passes; the leadership office
 * approves (the assignment's due date changes, `currentDueOn` keeps the date it replaced) or
 * refuses with a comment.
 */
@Entity('extension_requests')
@Index('extension_requests_status', ['status', 'createdAt'])
@Index('extension_requests_unit', ['unitId', 'createdAt'])
// One open request per assignment: a second waits for the first to be decided.
@Index('extension_requests_one_pending', ['assignmentId'], {
  unique: true,
  where: "status = 'pending'",
})
export class ExtensionRequest extends Versioned {
  @Index()
  @Column({ type: 'uuid' })
  assignmentId!: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Assignment;

  /** Copied from the assignment so a unit's list needs no join. */
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  /** The due date when the request was made. */
  @Column(dateColumn)
  currentDueOn!: string;

  @Column(dateColumn)
  requestedDueOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({
    type: 'enum',
    enum: ExtensionStatus,
    enumName: 'extension_status',
    default: ExtensionStatus.Pending,
  })
  status!: ExtensionStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionComment!: string | null;
}
