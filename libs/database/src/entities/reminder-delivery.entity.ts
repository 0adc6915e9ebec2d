import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Kept } from './base';
import { DeliveryKind, DeliveryStatus } from './enums';
import { Unit } from './unit.entity';

/**
 * One email owed to one unit for one period. The unique key (unit, kind, period) is what makes
 * a reminder go out once, whatever the queue does: planning inserts it once, sending claims it.
 * The message is composed when the row is planned, so a retry sends the same words.
 */
@Entity('reminder_deliveries')
@Index('reminder_deliveries_key', ['unitId', 'kind', 'period'], { unique: true })
@Index('reminder_deliveries_status', ['status', 'updatedAt'])
export class ReminderDelivery extends Kept {
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'enum', enum: DeliveryKind, enumName: 'delivery_kind' })
  kind!: DeliveryKind;

  /** The digest's slot date or the alert's day, YYYY-MM-DD. */
  @Column({ type: 'text' })
  period!: string;

  @Column({
    type: 'enum',
    enum: DeliveryStatus,
    enumName: 'delivery_status',
    default: DeliveryStatus.Pending,
  })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recipients!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cc!: string[];

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  textBody!: string;

  @Column({ type: 'text' })
  htmlBody!: string;

  /** How many assignments the message lists, for the delivery list. */
  @Column({ type: 'int', default: 0 })
  itemCount!: number;

  @Column({ type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
