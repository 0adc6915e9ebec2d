import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last 督办单 number an office gave in a year. Issuing takes the next one with a single
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the issuing transaction: concurrent issues
 * wait on this row, and a rolled-back issue gives its number back (no gaps, no duplicates).
 */
@Entity('notice_number_counters')
export class NoticeNumberCounter {
  @PrimaryColumn({ type: 'uuid' })
  officeUnitId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastSerial!: number;
}
