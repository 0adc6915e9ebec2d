import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Identified } from './base';
import { Plan } from './plan.entity';

/** A chapter (一、二、…) of a plan. */
@Entity('sections')
@Index(['planId', 'number'], { unique: true })
export class Section extends Identified {
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
