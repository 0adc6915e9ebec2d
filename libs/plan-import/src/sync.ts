import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { Tx } from '@app/database';

export type SyncOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Creates the row, or writes only the fields that differ: a re-import of an unchanged document
 * writes nothing, so it leaves no audit rows and no new versions behind.
 */
export async function syncRow<E extends ObjectLiteral & { id: string }>(
  tx: Tx,
  target: EntityTarget<E>,
  existing: E | undefined,
  values: Partial<E>,
  dryRun = false,
): Promise<{ row: E; outcome: SyncOutcome }> {
  if (!existing) {
    // A dry run only counts: the row it would create stands in with an id of its own.
    if (dryRun) return { row: { ...values, id: randomUUID() } as E, outcome: 'created' };
    return { row: await tx.create(target, values), outcome: 'created' };
  }
  const changes = Object.fromEntries(
    Object.entries(values).filter(([key, value]) => !isDeepStrictEqual(existing[key], value)),
  ) as Partial<E>;
  if (!Object.keys(changes).length) return { row: existing, outcome: 'unchanged' };
  if (dryRun) return { row: { ...existing, ...changes }, outcome: 'updated' };
  return { row: await tx.update(target, existing, changes), outcome: 'updated' };
}
