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

/** In raw SQL: `$n` is the scope's unit id, or NULL for the offices (see {@link scopeParam}). */
export const inScope = (alias: string, n: number) =>
  `($${n}::uuid IS NULL OR ${alias}.unit_id = $${n})`;
export const scopeParam = (scope: AccessScope): string | null =>
  scope.kind === 'unit' ? scope.unitId : null;
