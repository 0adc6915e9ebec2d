import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Recorded } from './base';
import { Assignment } from './assignment.entity';
import { Unit } from './unit.entity';

/**
 * 催办 by hand: one row per assignment an office chased. The rows of one action share a
 * `batchId`; each unit gets one email per batch (reminder_deliveries kind `chase`, period the
 * batch id).
 */
@Entity('chases')
@Index('chases_unit', ['unitId', 'createdAt'])
export class Chase extends Recorded {
  @Index()
  @Column({ type: 'uuid' })
  batchId!: string;

  @Index()
  @Column({ type: 'uuid' })
  assignmentId!: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Assignment;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'uuid', nullable: true })
  sentByUserId!: string | null;
}
