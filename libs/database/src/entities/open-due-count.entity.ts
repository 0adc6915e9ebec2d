import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from './columns';

/**
 * Changes to the number of open assignments of working plans per due date: the overdue count as
 * of today or later is the sum of the rows before a date, whatever the data's size. Database
 * triggers add a row in the transaction of every write that changes the count (migration
 * OpenDueCounts), never the application; rows are only ever inserted, so writers never wait on
 * one another, and the worker's tick folds them into one row per date
 * (compact_open_due_counts()). test/e2e/open-due-counts proves the sums equal a recount after
 * random writes.
 */
@Entity('open_due_counts')
@Index('open_due_counts_due_on', ['dueOn'])
export class OpenDueCount {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column(dateColumn)
  dueOn!: string;

  @Column({ type: 'int' })
  open!: number;
}
