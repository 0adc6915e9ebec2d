import type { ReadManager } from '@app/database';
import type { MatchKind, ParseResult, UnitRef } from '@app/plan-parser';
import { readDirectoryId } from './directory';

/** What one name written in the plan stands for, as the preview shows it to a person. */
export interface UnitResolution {
  /** The name as the parser normalised it (the key decisions refer to). */
  name: string;
  group: boolean;
  /** Items and tasks that name it. */
  occurrences: number;
  /** How it matched; `none` and `ambiguous` need a decision before commit. */
  match: MatchKind;
  unitId?: string;
  groupId?: string;
  /** The directory's name for the match, e.g. 区经发局 for 经发局. */
  matchedName?: string;
  distance?: number;
  /** For `ambiguous`: the directory entries a person chooses from. */
  candidates?: Array<{ unitId?: string; groupId?: string; name: string }>;
  /** For a matched group: its active members, i.e. the assignments each mention becomes. */
  memberCount?: number;
  /** Why the office must decide or confirm before the commit (absent when it need not). */
  decision?: 'choose' | 'confirm-fuzzy' | 'confirm-group';
}

/** A group with more active members than this is confirmed by a person before it expands. */
export const GROUP_CONFIRM_ABOVE = 3;

function allRefs(result: ParseResult): UnitRef[] {
  return result.sections.flatMap((s) =>
    s.items.flatMap((i) => [...i.units, ...i.tasks.flatMap((t) => t.units)]),
  );
}

function target(id: string | undefined, group: boolean): { unitId?: string; groupId?: string } {
  const ref = readDirectoryId(id);
  // A group phrase matched to a unit (or the reverse) is no match at all.
  if (!ref || (ref.type === 'group') !== group) return {};
  return ref.type === 'unit' ? { unitId: ref.id } : { groupId: ref.id };
}

/** One resolution per distinct written name, in the order the plan first names them. */
export function resolveUnits(result: ParseResult): UnitResolution[] {
  const byName = new Map<string, UnitResolution>();
  for (const ref of allRefs(result)) {
    const known = byName.get(ref.name);
    if (known) {
      known.occurrences++;
      continue;
    }
    const match = ref.match;
    const found = target(match?.entry?.id, ref.group);
    const kind: MatchKind =
      match &&
      match.kind !== 'none' &&
      match.kind !== 'ambiguous' &&
      !found.unitId &&
      !found.groupId
        ? 'none'
        : (match?.kind ?? 'none');
    byName.set(ref.name, {
      name: ref.name,
      group: ref.group,
      occurrences: 1,
      match: kind,
      ...found,
      ...(found.unitId || found.groupId ? { matchedName: match?.entry?.name } : {}),
      ...(match?.distance !== undefined ? { distance: match.distance } : {}),
      ...(kind === 'ambiguous'
        ? {
            candidates: (match?.candidates ?? []).map((c) => ({
              ...target(c.id, ref.group),
              name: c.name,
            })),
          }
        : {}),
    });
  }
  return [...byName.values()];
}

/** Names the directory does not settle: a person maps, creates or skips them. */
export const needsChoice = (r: UnitResolution): boolean =>
  r.match === 'none' || r.match === 'ambiguous';

/** Everything the commit waits for: a choice, or a confirmation of a guess or a large group. */
export const needsDecision = (r: UnitResolution): boolean =>
  needsChoice(r) ||
  r.match === 'fuzzy' ||
  (r.groupId !== undefined && (r.memberCount ?? 0) > GROUP_CONFIRM_ABOVE);

/** Adds each matched group's member count and says which names wait for a decision. */
export async function describeResolutions(
  manager: ReadManager,
  resolutions: UnitResolution[],
): Promise<UnitResolution[]> {
  const groupIds = [...new Set(resolutions.flatMap((r) => (r.groupId ? [r.groupId] : [])))];
  const counts = new Map<string, number>();
  if (groupIds.length) {
    const rows: Array<{ groupId: string; n: number }> = await manager.query(
      `SELECT m.group_id AS "groupId", count(*)::int AS n FROM unit_group_members m
       JOIN units u ON u.id = m.unit_id AND u.active WHERE m.group_id = ANY($1) GROUP BY m.group_id`,
      [groupIds],
    );
    for (const row of rows) counts.set(row.groupId, row.n);
  }
  return resolutions.map((r) => {
    const described: UnitResolution = r.groupId
      ? { ...r, memberCount: counts.get(r.groupId) ?? 0 }
      : { ...r };
    if (needsChoice(described)) described.decision = 'choose';
    else if (described.match === 'fuzzy') described.decision = 'confirm-fuzzy';
    else if (needsDecision(described)) described.decision = 'confirm-group';
    return described;
  });
}
