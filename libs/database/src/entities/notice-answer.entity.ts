import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Recorded } from './base';
import { NoticeAnswerOutcome } from './enums';
import { SupervisionNotice } from './supervision-notice.entity';

/**
 * One answer of a unit to a 督办单. A second answer (after the office sent the first back) is a
 * new row: the history is never overwritten. The office's verdict on an answer is kept on it.
 */
@Entity('notice_answers')
@Index('notice_answers_notice', ['noticeId', 'answeredAt'])
export class NoticeAnswer extends Recorded {
  @Column({ type: 'uuid' })
  noticeId!: string;

  @ManyToOne(() => SupervisionNotice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id' })
  notice?: SupervisionNotice;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz' })
  answeredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  @Column({
    type: 'enum',
    enum: NoticeAnswerOutcome,
    enumName: 'notice_answer_outcome',
    nullable: true,
  })
  outcome!: NoticeAnswerOutcome | null;

  @Column({ type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;
}
