import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Kept } from './base';
import { UnitKind } from './enums';

/** 责任单位: a department, town, office — anything that answers for work. */
@Entity('units')
export class Unit extends Kept {
  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  shortName!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column({ type: 'enum', enum: UnitKind, enumName: 'unit_kind', default: UnitKind.Department })
  kind!: UnitKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Unit, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Unit | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** 排序号: the office's order of units in every list (unitOrderSql); null after the numbered. */
  @Index()
  @Column({ type: 'int', nullable: true })
  sortOrder!: number | null;
}
