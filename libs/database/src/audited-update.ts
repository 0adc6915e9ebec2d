import { Driver, EntityMetadata, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { AuditActor } from './unit-of-work';

/** Secrets and bulk text stay out of the audit trail; the row they belong to keeps them. */
export const NOT_AUDITED = new Set(['passwordHash', 'sourceText']);

/** The columns a snapshot holds: what a find reads, less the secrets. */
export function auditedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  return metadata.columns.filter((c) => c.isSelect && !NOT_AUDITED.has(c.propertyName));
}

/**
 * A row as PostgreSQL returned it (column names) turned into the entity a find would give:
 * the same per-column conversions, and no column a find leaves out (`select: false`, such as a
 * password hash).
 */
export function hydrate(
  metadata: EntityMetadata,
  driver: Driver,
  raw: ObjectLiteral,
): ObjectLiteral {
  const entity = metadata.create() as ObjectLiteral;
  for (const column of metadata.columns) {
    if (!column.isSelect || !(column.databaseName in raw)) continue;
    column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
  }
  return entity;
}

/**
 * The SQL of a row's audit snapshot, the same JSON `Tx` writes from the entity: property names,
 * dates as they are, timestamps as JavaScript's `toISOString()` writes them (milliseconds, UTC;
 * both truncate the microseconds), so the timeline compares a before and an after field by field
 * whichever path wrote them.
 */
const AS_TEXT = new Set(['bigint', 'int8', 'numeric', 'decimal']);

/** Per entity and alias: the text is the same on every update of that entity (a hot path). */
const SNAPSHOTS = new WeakMap<EntityMetadata, Map<string, string>>();

function snapshotSql(metadata: EntityMetadata, alias: string): string {
  let byAlias = SNAPSHOTS.get(metadata);
  if (!byAlias) SNAPSHOTS.set(metadata, (byAlias = new Map()));
  let sql = byAlias.get(alias);
  if (!sql) byAlias.set(alias, (sql = buildSnapshotSql(metadata, alias)));
  return sql;
}

function buildSnapshotSql(metadata: EntityMetadata, alias: string): string {
  const pairs = auditedColumns(metadata).map((c) => {
    const column = `${alias}.${quote(c.databaseName)}`;
    const value =
      c.type === 'timestamptz'
        ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : // pg hands these to JavaScript as strings, so the entity's snapshot holds strings.
          AS_TEXT.has(String(c.type))
          ? `${column}::text`
          : column;
    return `'${c.propertyName}', ${value}`;
  });
  // jsonb_build_object takes at most 100 arguments.
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) {
    chunks.push(`jsonb_build_object(${pairs.slice(i, i + 50).join(', ')})`);
  }
  return chunks.join(' || ');
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * What an audited update may add: conditions on the row besides its id and version (a property
 * and a value, or the values it may have), and more of the answer (columns selected and tables
 * joined to the written row, aliased `written`).
 */
export interface AuditedUpdateOptions {
  where?: Record<string, unknown>;
  also?: { select: string; joins: string };
}

/**
 * An update of one row at a version, and its audit row, as one statement (see
 * `UnitOfWork.updateAtVersion`). The version condition is checked again on the row as it is
 * when the lock is taken. The row before is read with `FOR UPDATE` too, so it is that same
 * latest row: a plain join would keep the row of the statement's snapshot, and a write that
 * changes no version (the triggers copying an item's section) committed in between would show
 * in the audit row as this caller's change.
 */
export function auditedUpdateStatement(
  metadata: EntityMetadata,
  driver: Driver,
  actor: AuditActor,
  id: string,
  version: number,
  set: Record<string, unknown>,
  options: AuditedUpdateOptions = {},
): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [id, version, actor.userId, actor.unitId, metadata.name];
  const written = Object.entries(set);
  for (const [property, value] of written) {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column || !column.isUpdate) throw new Error(`${metadata.name}.${property} is not written`);
    parameters.push(driver.preparePersistentValue(value, column));
  }
  const where = Object.entries(options.where ?? {});
  for (const [property, value] of where) {
    if (!metadata.findColumnWithPropertyName(property)) {
      throw new Error(`${metadata.name}.${property} is not a column`);
    }
    parameters.push(value);
  }
  const shape = [
    written.map(([property]) => property).join(','),
    where.map(([property, value]) => (Array.isArray(value) ? `${property}[]` : property)).join(','),
    options.also ? `${options.also.select}\u0000${options.also.joins}` : '',
  ].join('|');
  let texts = TEXTS.get(metadata);
  if (!texts) TEXTS.set(metadata, (texts = new Map()));
  let sql = texts.get(shape);
  if (!sql) texts.set(shape, (sql = statementText(metadata, written, where, options.also)));
  return { sql, parameters };
}

/**
 * Per entity, the text of each shape of update (the properties set, the conditions and whether
 * each is a list, the extra answer), built once: the hot paths send a few shapes, and a text
 * built anew on every call was hashed anew to find its prepared statement (3 % of a status
 * update's CPU, bench:profile).
 */
const TEXTS = new WeakMap<EntityMetadata, Map<string, string>>();

function statementText(
  metadata: EntityMetadata,
  written: Array<[string, unknown]>,
  where: Array<[string, unknown]>,
  also: AuditedUpdateOptions['also'],
): string {
  const versionColumn = metadata.versionColumn;
  if (!versionColumn) throw new Error(`${metadata.name} has no version to update at`);
  // $1 id, $2 version, $3–$5 the audit row's actor and entity, then the values, then the where.
  let n = 5;
  const assignments = written.map(
    ([property]) =>
      `${quote(metadata.findColumnWithPropertyName(property)!.databaseName)} = $${++n}`,
  );
  const v = quote(versionColumn.databaseName);
  assignments.push(`${v} = written.${v} + 1`);
  if (metadata.updateDateColumn) {
    assignments.push(`${quote(metadata.updateDateColumn.databaseName)} = now()`);
  }
  const assignmentColumn = metadata.findColumnWithPropertyName('assignmentId');
  // Everything that happened to an assignment is read by one index (see Tx's auditRow).
  const assignmentId =
    metadata.name === 'Assignment'
      ? 'written.id'
      : assignmentColumn
        ? `written.${quote(assignmentColumn.databaseName)}`
        : 'NULL';
  const conditions = where.map(([property, value]) => {
    const name = `written.${quote(metadata.findColumnWithPropertyName(property)!.databaseName)}`;
    return Array.isArray(value) ? ` AND ${name} = ANY($${++n})` : ` AND ${name} = $${++n}`;
  });
  const selected = metadata.columns
    .filter((c) => c.isSelect)
    .map((c) => `written.${quote(c.databaseName)}`)
    .concat(also ? [also.select] : [])
    .join(', ');
  return `
    WITH written AS (
      UPDATE ${quote(metadata.tableName)} AS written
         SET ${assignments.join(', ')}
        FROM (SELECT * FROM ${quote(metadata.tableName)} WHERE id = $1 FOR UPDATE) AS was
       WHERE written.id = $1 AND written.${v} = $2 AND was.id = written.id${conditions.join('')}
      RETURNING written.*, ${snapshotSql(metadata, 'was')} AS audit_before,
                ${snapshotSql(metadata, 'written')} AS audit_after
    ), audited AS (
      INSERT INTO audit_log
        (actor_user_id, actor_unit_id, action, entity_type, entity_id, assignment_id, before, after)
      SELECT $3::uuid, $4::uuid, 'update', $5::text, written.id::text, ${assignmentId},
             written.audit_before, written.audit_after
        FROM written
    )
    SELECT ${selected} FROM written ${also?.joins ?? ''}`;
}
