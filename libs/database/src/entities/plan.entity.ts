import { Column, Entity, Index } from 'typeorm';
import { Kept } from './base';
import { dateColumn } from './columns';
import { PlanStatus, ReportFrequency } from './enums';

/** 实施方案: a document of numbered items with a period. */
@Entity('plans')
export class Plan extends Kept {
  @Column({ type: 'text' })
  title!: string;

  /** 文号; unique when present so re-importing a document updates it in place. */
  @Index({ unique: true, where: 'doc_number IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  docNumber!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  issuers!: string[];

  @Column({ ...dateColumn, nullable: true })
  issuedOn!: string | null;

  @Column({ ...dateColumn, nullable: true })
  periodStart!: string | null;

  @Column({ ...dateColumn, nullable: true })
  periodEnd!: string | null;

  @Column({ ...dateColumn, nullable: true })
  defaultDueOn!: string | null;

  @Column({ type: 'enum', enum: PlanStatus, enumName: 'plan_status', default: PlanStatus.Draft })
  status!: PlanStatus;

  /** How often units report progress on this plan's work (items may say otherwise). */
  @Column({
    type: 'enum',
    enum: ReportFrequency,
    enumName: 'report_frequency',
    default: ReportFrequency.Month,
  })
  reportFrequency!: ReportFrequency;
}
