import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { Versioned } from './base';
import { Assignment } from './assignment.entity';
import { dateColumn } from './columns';
import { NoticeLevel, NoticeStatus } from './enums';
import { Unit } from './unit.entity';

/** 督办单: the supervision office's formal notice to a unit, to be answered by a date. */
@Entity('supervision_notices')
@Index('supervision_notices_unit_status', ['unitId', 'status'])
@Index('supervision_notices_open_reply_by', ['replyBy'], {
  where: "status IN ('issued', 'returned')",
})
@Index('supervision_notices_number', ['officeUnitId', 'numberYear', 'numberSerial'], {
  unique: true,
})
export class SupervisionNotice extends Versioned {
  /** The issuing office: numbers run per office and year (督办〔2026〕12号). */
  @Column({ type: 'uuid', nullable: true })
  officeUnitId!: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'office_unit_id' })
  office?: Unit;

  /** The day it was issued (Asia/Shanghai, the clock's): the date printed on the notice. */
  @Column(dateColumn)
  issuedOn!: string;

  @Column({ type: 'int' })
  numberYear!: number;

  @Column({ type: 'int' })
  numberSerial!: number;

  /** What the office chose (or raised to); `suggestedLevel` is what the warning light said at issue. */
  @Column({ type: 'enum', enum: NoticeLevel, enumName: 'notice_level' })
  level!: NoticeLevel;

  @Column({ type: 'enum', enum: NoticeLevel, enumName: 'notice_level' })
  suggestedLevel!: NoticeLevel;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'uuid', nullable: true })
  issuedByUserId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column(dateColumn)
  replyBy!: string;

  @Column({
    type: 'enum',
    enum: NoticeStatus,
    enumName: 'notice_status',
    default: NoticeStatus.Issued,
  })
  status!: NoticeStatus;

  @ManyToMany(() => Assignment)
  @JoinTable({
    name: 'supervision_notice_assignments',
    joinColumn: { name: 'notice_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'assignment_id', referencedColumnName: 'id' },
  })
  assignments?: Assignment[];

  /** The latest answer, kept for the lists and the digest; every answer is a `notice_answers` row. */
  @Column({ type: 'text', nullable: true })
  answerText!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  /** The office's comment when it sends an answer back or closes the notice. */
  @Column({ type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

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
}
