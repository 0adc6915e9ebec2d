import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Identified } from './base';
import { dateColumn } from './columns';
import { ReportFrequency } from './enums';
import { Plan } from './plan.entity';
import { Section } from './section.entity';

/** A numbered paragraph of a plan ((四) …); items are numbered straight through the sections. */
@Entity('items')
@Index(['planId', 'number'], { unique: true })
export class Item extends Identified {
  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Index()
  @Column({ type: 'uuid' })
  sectionId!: string;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: Section;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  numberText!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  /** Guiding ideas and principles (总体要求): no units, nothing to track. */
  @Column({ type: 'boolean', default: false })
  preamble!: boolean;

  @Column({ type: 'text', nullable: true })
  deadlineText!: string | null;

  @Column({ ...dateColumn, nullable: true })
  dueOn!: string | null;

  /** Every deadline phrase found in the item (dates, recurring targets, working-day rules). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  deadlines!: ItemDeadline[];

  /** Overrides the plan's report frequency for this item. */
  @Column({ type: 'enum', enum: ReportFrequency, enumName: 'report_frequency', nullable: true })
  reportFrequency!: ReportFrequency | null;

  /** The responsible units as the document wrote them, for a person to check the split. */
  @Column({ type: 'text', nullable: true })
  unitsText!: string | null;
}

export interface ItemDeadline {
  text: string;
  kind: 'date' | 'recurring' | 'relative';
  dueOn?: string;
  count?: number;
  per?: string;
  unit?: string;
  /** recurring: the clause with its subject (区政府常务会议学法每年不少于4次). */
  subject?: string;
  workingDays?: number;
  days?: number;
  months?: number;
}
