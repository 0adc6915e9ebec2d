import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dateColumn } from './columns';

/**
 * How many assignments of working plans are open (not completed) per due date: the overdue
 * count as of today or later is the sum below a date, whatever the data's size. Kept by database
 * triggers in the transaction of every write to assignments and plans (migration
 * OpenDueCounts), never by the application; test/e2e/open-due-counts proves the rows equal a
 * recount after random writes.
 */
@Entity('open_due_counts')
export class OpenDueCount {
  @PrimaryColumn(dateColumn)
  dueOn!: string;

  @Column({ type: 'int' })
  open!: number;
}
