import {
  Column,
  CreateDateColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A row known by a uuid (items, sections: their time is their plan's). */
export abstract class Identified {
  @PrimaryGeneratedColumn('uuid')
  id!: string;
}

/** A row written once: a chase, an evidence file, an import. */
export abstract class Recorded extends Identified {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A row edited in place, by the office that owns it (units, users, plans). */
export abstract class Kept extends Recorded {
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A row that several people edit at once (assignments, reports, notices): every update names
 * the version it read and changes nothing when another landed first (409, libs/database's
 * `Tx.update`).
 */
export abstract class Versioned extends Kept {
  @VersionColumn({ default: 1 })
  version!: number;
}

/**
 * An uploaded file whose bytes live in file storage (evidence on a report, on a notice's
 * answer): what was uploaded, its checksum, and the key the storage knows it by.
 */
export abstract class StoredFileRow extends Recorded {
  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  storageKey!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedByUserId!: string | null;
}
