import { AccessScope } from '../auth/actor';

/*
 * Every read of progress data goes through the caller's scope inside the SQL: a unit's query
 * cannot return another unit's report, file, share or history whatever ids it sends.
 */

/** `$n` is the scope's unit id, or NULL for the offices (who see every unit). */
export const inScope = (alias: string, n: number) =>
  `($${n}::uuid IS NULL OR ${alias}.unit_id = $${n})`;
export const scopeParam = (scope: AccessScope): string | null =>
  scope.kind === 'unit' ? scope.unitId : null;
