import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { StoredFileRow } from './base';
import { NoticeAnswer } from './notice-answer.entity';

/** Evidence on a notice's answer; the bytes live in the evidence file storage, as a report's do. */
@Entity('notice_answer_files')
export class NoticeAnswerFile extends StoredFileRow {
  @Index()
  @Column({ type: 'uuid' })
  answerId!: string;

  @ManyToOne(() => NoticeAnswer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'answer_id' })
  answer?: NoticeAnswer;

  /** Copied from the answer so the scope check (the notice's unit) needs one join. */
  @Column({ type: 'uuid' })
  noticeId!: string;
}
