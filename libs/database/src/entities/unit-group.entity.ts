import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { Kept } from './base';
import { Unit } from './unit.entity';

/** A phrase that stands for many units, e.g. 各镇(街道) or 区直各相关部门. */
@Entity('unit_groups')
export class UnitGroup extends Kept {
  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @ManyToMany(() => Unit)
  @JoinTable({
    name: 'unit_group_members',
    joinColumn: { name: 'group_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'unit_id', referencedColumnName: 'id' },
  })
  members!: Unit[];
}
