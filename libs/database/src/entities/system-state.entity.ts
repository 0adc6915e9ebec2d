import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Facts about the installation itself, one row each (e.g. `installed_at`). */
@Entity('system_state')
export class SystemState {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** When the installation began: the first migration run on an empty database. */
export const INSTALLED_AT = 'installed_at';
