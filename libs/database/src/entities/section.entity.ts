import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Plan } from './plan.entity';

/** A chapter (一、二、…) of a plan. */
@Entity('sections')
@Index(['planId', 'number'], { unique: true })
export class Section {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Column({ type: 'int' })
  number!: number;

  /** The Chinese numeral as the document writes it, for display (一, 十). */
  @Column({ type: 'text' })
  numberText!: string;

  @Column({ type: 'text' })
  title!: string;
}
