import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditAction, AuditLog } from './entities';

/** Who a write is recorded against; the worker writes as nobody (null). */
export interface AuditActor {
  userId: string | null;
  unitId: string | null;
}

/** Secrets and bulk text stay out of the audit trail; the row they belong to keeps them. */
const NOT_AUDITED = new Set(['passwordHash', 'sourceText']);

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

/**
 * One transaction, with the audit trail written inside it: a write and its audit row commit or
 * roll back together, so a failed request leaves neither.
 */
export class Tx {
  private readonly afterCommit: Array<() => Promise<void> | void> = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: AuditActor,
  ) {}

  async create<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    values: Partial<E>,
  ): Promise<E> {
    const repository = this.manager.getRepository(target);
    const saved = await repository.save(repository.create(values as E));
    await this.audit('create', repository.metadata.name, saved.id, null, saved);
    return saved;
  }

  /** Applies `changes` to `entity` and saves it; the entity's own @VersionColumn guards it. */
  async update<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    entity: E,
    changes: Partial<E>,
  ): Promise<E> {
    const repository = this.manager.getRepository(target);
    const before = snapshot(entity);
    const saved = await repository.save(repository.merge(repository.create(entity), changes as E));
    await this.audit('update', repository.metadata.name, saved.id, before, saved);
    return saved;
  }

  async remove<E extends ObjectLiteral & { id: string }>(
    target: EntityTarget<E>,
    entity: E,
  ): Promise<void> {
    const repository = this.manager.getRepository(target);
    await repository.delete(entity.id);
    await this.audit('delete', repository.metadata.name, entity.id, entity, null);
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

  /** Work that must only happen once the data is committed (enqueueing jobs, sending mail). */
  onCommit(work: () => Promise<void> | void): void {
    this.afterCommit.push(work);
  }

  /** @internal */
  async runAfterCommit(): Promise<void> {
    for (const work of this.afterCommit) await work();
  }
}

@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(actor: AuditActor, work: (tx: Tx) => Promise<T>): Promise<T> {
    let tx!: Tx;
    const result = await this.dataSource.transaction(async (manager) => {
      tx = new Tx(manager, actor);
      return work(tx);
    });
    await tx.runAfterCommit();
    return result;
  }
}
