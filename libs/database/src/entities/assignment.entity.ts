import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Versioned } from './base';
import { dateColumn } from './columns';
import { AssignmentRole, AssignmentStatus, ReportFrequency } from './enums';
import { Item } from './item.entity';
import { Plan } from './plan.entity';
import { Unit } from './unit.entity';

/**
 * 责任分工: one unit's share of one item, with its own status and due date. The units a plan
 * names for a task of the item (一、…) share the item: the item is what is reported and chased.
 */
@Entity('assignments')
@Check('assignments_progress_percent_range', '"progress_percent" BETWEEN 0 AND 100')
@Index('assignments_item_unit_unique', ['itemId', 'unitId'], { unique: true })
// A unit's own list, newest deadlines first, is the commonest read.
@Index('assignments_unit_due', ['unitId', 'dueOn'])
@Index('assignments_plan_due', ['planId', 'dueOn'])
// The overdue list reads open work by due date; completed work is most rows and never overdue.
@Index('assignments_open_due', ['dueOn', 'unitId'], { where: 'completed_on IS NULL' })
// …and in its order, so the first page reads one page of the index however many share a date.
@Index('assignments_open_due_item', ['dueOn', 'itemNumber', 'itemId'], {
  where: 'completed_on IS NULL',
})
// As of a past date, work completed since is open again: the lists then read every row by due
// date and sort only the rows of each date (warnings' first page at province scale: 230 ms → 30 ms).
@Index('assignments_due', ['dueOn'])
export class Assignment extends Versioned {
  /** Copied from the item so lists filter by plan without a join. */
  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Index()
  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => Item, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Item;

  /*
   * The item's chapter and own report frequency, copied by the database in the writing
   * transaction (triggers of migration AssignmentsCopyItem: on every insert, and on every
   * change of the item), never by the application. The supervision counts read every
   * assignment; with these they need not join the items (a hash of 60,000 to 300,000 rows on
   * each of them). test/e2e/item-copies proves them equal to the items after random writes.
   */
  @Column({ type: 'uuid', insert: false, update: false })
  sectionId!: string;

  @Column({
    type: 'enum',
    enum: ReportFrequency,
    enumName: 'report_frequency',
    nullable: true,
    insert: false,
    update: false,
  })
  itemReportFrequency!: ReportFrequency | null;

  /**
   * The days on which a report counts as the filed report of the period then due, each
   * frequency's in an era of its own (应报未报 is their absence), kept by the database as reports
   * are written (migration AssignmentsFiledDays); read only by the shared SQL rule, reportFiled.
   */
  @Column({
    type: 'datemultirange',
    default: () => "'{}'",
    select: false,
    insert: false,
    update: false,
  })
  filedDays!: string;

  /** The item's number, copied the same way: the overdue list's order, served by an index. */
  @Column({ type: 'integer', insert: false, update: false })
  itemNumber!: number;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'enum', enum: AssignmentRole, enumName: 'assignment_role' })
  role!: AssignmentRole;

  @Column(dateColumn)
  dueOn!: string;

  @Column({
    type: 'enum',
    enum: AssignmentStatus,
    enumName: 'assignment_status',
    default: AssignmentStatus.NotStarted,
  })
  status!: AssignmentStatus;

  @Column({ type: 'smallint', default: 0 })
  progressPercent!: number;

  @Column({ ...dateColumn, nullable: true })
  completedOn!: string | null;

  /** Why the leadership office last returned the work; cleared when it is accepted. */
  @Column({ type: 'text', nullable: true })
  returnReason!: string | null;

  /** 签收: when a user of the unit acknowledged receipt; null while 未签收. */
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedByUserId!: string | null;

  /**
   * The last day for 签收 (ACKNOWLEDGE_WORKING_DAYS working days after it was given), fixed when
   * the row is made; null for rows made before 签收 existed (the migration acknowledged them).
   */
  @Column({ ...dateColumn, nullable: true })
  acknowledgeBy!: string | null;

  /** The due date before the first approved extension (延期); null while never extended. */
  @Column({ ...dateColumn, nullable: true })
  originalDueOn!: string | null;
}
