import { ConflictException, Injectable, Logger, NotFoundException, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntityTarget,
  FindOptionsRelations,
  FindOptionsWhere,
  InsertResult,
  ObjectLiteral,
} from 'typeorm';
import {
  AuditedUpdateOptions,
  auditedUpdateStatement,
  hydrate,
  NOT_AUDITED,
} from './audited-update';
import { AuditAction, AuditLog, User } from './entities';
import { IDENTITY_CHANNEL, IdentityChannel } from './identity-channel';
import { PreparedStatements } from './prepared-statements';

/** Who a write is recorded against; the worker writes as nobody (null). */
export interface AuditActor {
  userId: string | null;
  unitId: string | null;
}

/**
 * What a transaction may do besides the audited writes: read. Writes go through `Tx` so that
 * each one leaves its audit row (the entity manager itself is private to `Tx`).
 */
export type ReadManager = Pick<
  EntityManager,
  'find' | 'findOne' | 'findOneOrFail' | 'exists' | 'count' | 'query'
>;

function snapshot(entity: object | null | undefined): Record<string, unknown> | null {
  if (!entity) return null;
  // Plain JSON: relations loaded on the entity are not part of its own state.
  return Object.fromEntries(
    Object.entries(entity).filter(
      ([key, value]) =>
        !NOT_AUDITED.has(key) &&
        (typeof value !== 'object' ||
          value === null ||
          value instanceof Date ||
          Array.isArray(value)),
    ),
  );
}

/** The assignment a write belongs to, so one index answers "everything that happened to it". */
function assignmentOf(entityType: string, entityId: string, state: object | null): string | null {
  if (entityType === 'Assignment') return entityId;
  const id = (state as { assignmentId?: unknown } | null)?.assignmentId;
  return typeof id === 'string' ? id : null;
}

/** The one wording of a lost race: someone else's write came first. */
export const STALE_VERSION_MESSAGE = '该记录已被他人修改，请刷新后重试';

export interface LockOptions<E> {
  /** The 404 message, e.g. `未找到该方案`. */
  missing: string;
  /** The version the caller read; another one answers 409. */
  version?: number;
  /** The 409 message for a stale version. */
  stale?: string | ((current: E) => string);
  /** Extra conditions, e.g. the caller's unit: a row outside them reads as missing. */
  where?: FindOptionsWhere<E>;
  /**
   * Related rows read in the same statement (only the row itself is locked: `FOR UPDATE OF`),
   * so an answer can name them without another read after the commit.
   */
  relations?: FindOptionsRelations<E>;
}

/**
 * One transaction, with the audit trail written inside it: a write and its audit row commit or
 * roll back together, so a failed request leaves neither.
 */
export class Tx {
  private readonly afterCommit: Array<() => Promise<void> | void> = [];
  /** Users changed in this transaction, announced to identity caches (see IdentityChannel). */
  readonly changedUsers = new Set<string>();
  /** The backend that sent the announcements: the processes' answers name it. */
  announcedBy?: number;

  constructor(
    private readonly manager: EntityManager,
    readonly actor: AuditActor,
  ) {}

  /** Reads inside this transaction. */
  get read(): ReadManager {
    return this.manager;
  }

  /**
   * "Lock the row, check the version, else 404 or 409": the row is locked until the transaction
   * ends, so concurrent writers are serialised and each sees the last committed version.
   */
  async lock<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    id: string,
    options: LockOptions<E>,
  ): Promise<E> {
    const { name, tableName } = this.manager.getRepository(target).metadata;
    // getOne, not findOne: findOne's limit makes TypeORM read the ids first (SELECT DISTINCT)
    // when relations are joined, one more statement on the hot path of every write.
    const found = await this.manager
      .createQueryBuilder(target, name)
      .setFindOptions({
        where: { ...(options.where ?? {}), id } as FindOptionsWhere<E>,
        relations: options.relations,
        lock: { mode: 'pessimistic_write', tables: [tableName] },
      })
      .getOne();
    if (!found) throw new NotFoundException(options.missing);
    if (
      options.version !== undefined &&
      (found as { version?: number }).version !== options.version
    ) {
      const stale = options.stale ?? STALE_VERSION_MESSAGE;
      throw new ConflictException(typeof stale === 'function' ? stale(found) : stale);
    }
    return found;
  }

  async create<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    values: Partial<E>,
    auditView: (saved: E) => object = (saved) => saved,
  ): Promise<E> {
    const repository = this.manager.getRepository(target);
    const saved = await repository.save(repository.create(values as E));
    await this.audit('create', repository.metadata.name, saved.id, null, auditView(saved));
    return saved;
  }

  /**
   * Writes only the columns in `changes`, and only if the row still has the version `entity` was
   * read at (`UPDATE … SET cols, version = version + 1 WHERE id = $1 AND version = $2`): a write
   * committed in between is never undone, the caller gets 409 instead. Returns the row as stored.
   */
  async update<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    entity: E,
    changes: Partial<E>,
    /** `false` where the caller writes one audit row for a wider change (a group and its members). */
    options: { audit?: boolean } = {},
  ): Promise<E> {
    const repository = this.manager.getRepository(target);
    const metadata = repository.metadata;
    const set = Object.fromEntries(
      Object.entries(changes).filter(
        ([key, value]) => value !== undefined && metadata.findColumnWithPropertyName(key),
      ),
    );
    const versionColumn = metadata.versionColumn?.propertyName;
    if (!Object.keys(set).length) return entity;
    const where: Record<string, unknown> = { id: entity.id };
    if (versionColumn) where[versionColumn] = (entity as Record<string, unknown>)[versionColumn];
    // TypeORM adds `version = version + 1` and `updated_at = now()` to a query-builder update;
    // RETURNING gives the row as stored without a second statement (the hot path of a status
    // update: lock, update, audit insert).
    const result = await this.manager
      .createQueryBuilder()
      .update(target)
      .set(set as never)
      .where(where)
      .returning('*')
      .execute();
    if (!result.affected) throw new ConflictException(STALE_VERSION_MESSAGE);
    await this.announce(target, entity.id);
    const saved = hydrate(
      metadata,
      this.manager.connection.driver,
      (result.raw as ObjectLiteral[])[0],
    ) as E;
    if (options.audit !== false) await this.audit('update', metadata.name, saved.id, entity, saved);
    return saved;
  }

  /**
   * A changed user is announced with NOTIFY inside the transaction: PostgreSQL delivers it to
   * every listening process when (and only if) the change commits, so no cache keeps a role,
   * a unit, an active flag or a password generation that is no longer true.
   */
  private async announce(target: EntityTarget<ObjectLiteral>, id: string): Promise<void> {
    if (this.manager.getRepository(target).metadata.target !== User) return;
    if (!this.changedUsers.has(id)) {
      const [{ pid }]: Array<{ pid: number }> = await this.manager.query(
        'SELECT pg_notify($1, $2), pg_backend_pid() AS pid',
        [IDENTITY_CHANNEL, id],
      );
      this.announcedBy = pid;
    }
    this.changedUsers.add(id);
  }

  /** Replaces a many-to-many relation (a group's members, a notice's assignments). */
  async relate<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    id: string,
    relation: string,
    before: string[],
    after: string[],
  ): Promise<void> {
    const keep = new Set(after);
    const had = new Set(before);
    await this.manager
      .createQueryBuilder()
      .relation(target, relation)
      .of(id)
      .addAndRemove(
        after.filter((x) => !had.has(x)),
        before.filter((x) => !keep.has(x)),
      );
  }

  async remove<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    entity: E,
    auditView: (entity: E) => object = (e) => e,
  ): Promise<void> {
    const repository = this.manager.getRepository(target);
    await repository.delete(entity.id);
    await this.announce(target, entity.id);
    await this.audit('delete', repository.metadata.name, entity.id, auditView(entity), null);
  }

  /**
   * Bulk rows of the system's own bookkeeping (reminder runs and deliveries) that a row already
   * present leaves alone; the caller writes one audit row for the batch.
   */
  async insertIgnore<E extends ObjectLiteral>(
    target: EntityTarget<E>,
    values: Partial<E> | Array<Partial<E>>,
    returning: string[] = [],
  ): Promise<InsertResult> {
    const qb = this.manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(values as never)
      .orIgnore();
    return (returning.length ? qb.returning(returning) : qb).execute();
  }

  /** A bookkeeping update by criteria, audited by the caller (see `insertIgnore`). */
  async updateWhere<E extends ObjectLiteral>(
    target: EntityTarget<E>,
    criteria: FindOptionsWhere<E>,
    changes: Partial<E>,
  ): Promise<void> {
    await this.manager.update(target, criteria, changes as never);
  }

  /** Bookkeeping rows removed by criteria (sign-in counters), audited by the caller. */
  async deleteWhere<E extends ObjectLiteral>(
    target: EntityTarget<E>,
    criteria: FindOptionsWhere<E>,
  ): Promise<void> {
    await this.manager.delete(target, criteria);
  }

  async audit(
    action: AuditAction,
    entityType: string,
    entityId: string,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    await this.manager.insert(AuditLog, this.auditRow(action, entityType, entityId, before, after));
  }

  /** One `delete` row per entity, written in batches (a cascade can take hundreds of rows). */
  async auditRemoved(entityType: string, entities: Array<{ id: string }>): Promise<void> {
    for (let i = 0; i < entities.length; i += 500) {
      const rows = entities
        .slice(i, i + 500)
        .map((entity) => this.auditRow('delete', entityType, entity.id, entity, null));
      await this.manager.insert(AuditLog, rows);
    }
  }

  private auditRow(
    action: AuditAction,
    entityType: string,
    entityId: string,
    before: object | null,
    after: object | null,
  ) {
    return {
      // jsonb columns: TypeORM's deep-partial type cannot describe arbitrary JSON.
      actorUserId: this.actor.userId,
      actorUnitId: this.actor.unitId,
      action,
      entityType,
      entityId,
      assignmentId: assignmentOf(entityType, entityId, after ?? before),
      before: snapshot(before) as never,
      after: snapshot(after) as never,
    };
  }

  /**
   * Work that must only happen once the data is committed (enqueueing jobs, sending mail). It
   * must be safe to lose: the write has committed, so its failure is logged, not thrown, and
   * the worker's next tick picks up what it left (see `UnitOfWork.run`).
   */
  onCommit(work: () => Promise<void> | void): void {
    this.afterCommit.push(work);
  }

  /** @internal */
  takeAfterCommit(): Array<() => Promise<void> | void> {
    return this.afterCommit.splice(0);
  }
}

@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger('UnitOfWork');
  private readonly statements: PreparedStatements;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    /** Absent in the CLI: no process of its own caches identities. */
    @Optional() private readonly identities?: IdentityChannel,
  ) {
    this.statements = new PreparedStatements(dataSource);
  }

  /**
   * `Tx.update` without a transaction of its own making: the row is written only if it still has
   * the version it was read at (and meets `options.where`), and its audit row is written by the
   * same statement, which PostgreSQL commits or rolls back whole. One round trip where a
   * transaction takes five (BEGIN, lock, update, audit, COMMIT): a status update's path
   * (bench:load). The caller checks what it may change on the row as it read it, or puts what
   * the row must be in `options.where`; the version makes that the row written, so no lock is
   * held between a read and the write. Returns the row as stored, as PostgreSQL returned it
   * (column names, and what `options.also` selected; `hydrate` makes it the entity), or null
   * when the row is not at that version or not as `where` asks (the caller reads again).
   *
   * Not for users: their changes are announced to identity caches inside a transaction.
   */
  async updateAtVersion<E extends ObjectLiteral & { id: string; version: number }>(
    actor: AuditActor,
    target: EntityTarget<E>,
    at: { id: string; version: number },
    changes: Partial<E>,
    options: AuditedUpdateOptions = {},
  ): Promise<ObjectLiteral | null> {
    const metadata = this.dataSource.getMetadata(target);
    if (metadata.target === User) throw new Error('a user is updated in a transaction (Tx.update)');
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (!Object.keys(set).length) throw new Error('an update at a version needs a change');
    const { sql, parameters } = auditedUpdateStatement(
      metadata,
      this.dataSource.driver,
      actor,
      at.id,
      at.version,
      set,
      options,
    );
    const [row] = await this.statements.query<ObjectLiteral>(sql, parameters);
    return row ?? null;
  }

  async run<T>(actor: AuditActor, work: (tx: Tx) => Promise<T>): Promise<T> {
    let tx!: Tx;
    let announced: ReturnType<IdentityChannel['expect']> | undefined;
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        tx = new Tx(manager, actor);
        const value = await work(tx);
        if (tx.changedUsers.size) {
          announced = this.identities?.expect([...tx.changedUsers], tx.announcedBy);
        }
        return value;
      });
      // The answer to a user change leaves once the change was heard: the next request, in any
      // API process, finds the old identity gone.
      await announced?.heard();
      await runAfterCommit(tx.takeAfterCommit(), this.logger);
      return result;
    } catch (error) {
      announced?.cancel();
      throw error;
    }
  }
}

/** Tries each hook twice; a hook that still fails is logged and left to the worker's next tick. */
export async function runAfterCommit(
  hooks: Array<() => Promise<void> | void>,
  logger: Pick<Logger, 'warn' | 'error'>,
  attempts = 2,
): Promise<void> {
  for (const hook of hooks) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await hook();
        break;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt < attempts) {
          logger.warn(`after-commit work failed (attempt ${attempt}), trying again: ${reason}`);
        } else {
          logger.error(
            `after-commit work failed ${attempts} times; the write is committed and the worker's next tick picks it up: ${reason}`,
          );
        }
      }
    }
  }
}
