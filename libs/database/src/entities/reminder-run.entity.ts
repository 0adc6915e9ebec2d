import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A planned digest or alert day: inserted once, so two workers never plan the same period. */
@Entity('reminder_runs')
export class ReminderRun {
  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'text' })
  period!: string;

  @Column({ type: 'int', default: 0 })
  deliveries!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  plannedAt!: Date;
}
