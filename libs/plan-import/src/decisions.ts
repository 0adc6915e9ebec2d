import { UnitKind } from '@app/database';

/**
 * What the leadership office decided for a written name the directory did not settle, or did
 * settle only by a guess (`confirm` accepts a fuzzy match or a group of many units as shown).
 */
export type UnitDecision =
  | { name: string; action: 'map'; unitId?: string; groupId?: string }
  | { name: string; action: 'create'; kind?: UnitKind }
  | { name: string; action: 'confirm' }
  | { name: string; action: 'skip' };

/** A commit that cannot go ahead until a person decides; each problem is a sentence for them. */
export class ImportDecisionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
    this.name = 'ImportDecisionError';
  }
}

/** Towns and sub-districts are named by their endings; anything else starts as a department. */
export function guessUnitKind(name: string): UnitKind {
  if (/(镇|乡|街道|办事处)$/.test(name)) return UnitKind.Town;
  return UnitKind.Department;
}
