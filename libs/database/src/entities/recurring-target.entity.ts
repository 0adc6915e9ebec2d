import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Identified } from './base';
import { Item } from './item.entity';

/** 每年至少…次: a count every unit of an item must reach in each period of the plan. */
@Entity('recurring_targets')
@Index(['itemId', 'text'], { unique: true })
export class RecurringTarget extends Identified {
  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => Item, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Item;

  /** The phrase as the plan wrote it, e.g. 每年至少开展1次综合应急演练. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'int' })
  count!: number;

  /** year, half, quarter, month, week, or term (任期内: once over the whole plan). */
  @Column({ type: 'text' })
  per!: string;

  @Column({ type: 'text', default: '次' })
  unit!: string;
}
