import type { WhereExpressionBuilder } from 'typeorm';
import { AccessScope } from './actor';

/*
 * Unit scope is security: every read of a unit's work goes through the caller's scope inside
 * the SQL, so a unit's query cannot return another unit's row whatever ids or filters it sends.
 * The offices (scope `all`) see every unit. One rule, written here for each way a query is made.
 */

/** A query builder's rows limited to the scope's unit by `column` (e.g. `a.unitId`). */
export function withinScope<Q extends WhereExpressionBuilder>(
  qb: Q,
  scope: AccessScope,
  column: string,
): Q {
  if (scope.kind === 'unit') qb.andWhere(`${column} = :scopeUnitId`, { scopeUnitId: scope.unitId });
  return qb;
}

/** The `where` of a find or a lock: the scope's unit, or nothing for the offices. */
export const scopeWhere = (scope: AccessScope): { unitId?: string } =>
  scope.kind === 'unit' ? { unitId: scope.unitId } : {};

/**
 * In raw SQL built per request: the condition on `alias.unit_id` with the unit as a parameter
 * (`param` adds it and names it), or none for the offices. A prepared statement's generic plan
 * then still reads a unit's rows by its index, which `inScope`'s `$n IS NULL OR` would hide.
 */
export const scopeCondition = (
  scope: AccessScope,
  alias: string,
  param: (value: unknown) => string,
): string[] => (scope.kind === 'unit' ? [`${alias}.unit_id = ${param(scope.unitId)}`] : []);

/** In raw SQL: `$n` is the scope's unit id, or NULL for the offices (see {@link scopeParam}). */
export const inScope = (alias: string, n: number) =>
  `($${n}::uuid IS NULL OR ${alias}.unit_id = $${n})`;
export const scopeParam = (scope: AccessScope): string | null =>
  scope.kind === 'unit' ? scope.unitId : null;
