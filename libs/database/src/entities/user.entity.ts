import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Kept } from './base';
import { Role } from './enums';
import { Unit } from './unit.entity';

@Entity('users')
export class User extends Kept {
  /** Stored lower-case so `Leader` and `leader` are one account. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Index()
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * Goes up with every password change or reset; a token carries the value it was issued
   * under (`ver`), so the auth guard's one read of the user ends every older session at once.
   */
  @Column({ type: 'int', default: 0 })
  tokenVersion!: number;

  /** Set by an administrator's reset (and a new account): only /me and the change are open. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;
}
