import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Identified } from './base';
import { dateColumn } from './columns';
import { Item } from './item.entity';

/** A measure inside an item tracked on its own (optional split of an item). */
@Entity('tasks')
@Index(['itemId', 'number'], { unique: true })
export class Task extends Identified {
  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => Item, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Item;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ ...dateColumn, nullable: true })
  dueOn!: string | null;
}
