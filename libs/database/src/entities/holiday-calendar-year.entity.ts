import { Column, Entity, Index } from 'typeorm';
import { Versioned } from './base';

export interface StoredOfficialDay {
  date: string;
  name: string;
}

/**
 * One year's public holidays and adjusted working days (调休), as the office confirmed them from
 * the State Council's notice. A stored year overrides the chinese-days package for that year;
 * the notice's text is kept beside the days it was read from.
 */
@Entity('holiday_calendars')
export class HolidayCalendarYear extends Versioned {
  @Index('holiday_calendars_year', { unique: true })
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  holidays!: StoredOfficialDay[];

  @Column({ type: 'jsonb' })
  workdays!: StoredOfficialDay[];

  /** The notice's title line, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  /** The pasted text, exactly as received (kept out of the audit trail: it is bulky). */
  @Column({ type: 'text' })
  sourceText!: string;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId!: string | null;
}
