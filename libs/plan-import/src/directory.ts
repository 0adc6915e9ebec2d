import { ReadManager, Unit, UnitGroup } from '@app/database';
import type { UnitDirectoryEntry } from '@app/plan-parser';

/** Directory ids say what they point at, so one directory serves units and group phrases. */
export type DirectoryRef = { type: 'unit' | 'group'; id: string };

export const directoryId = (ref: DirectoryRef): string => `${ref.type}:${ref.id}`;

export function readDirectoryId(id: string | undefined): DirectoryRef | undefined {
  const match = /^(unit|group):(.+)$/.exec(id ?? '');
  return match ? { type: match[1] as DirectoryRef['type'], id: match[2] } : undefined;
}

/** Every active unit and every unit group, with their other spellings, for the parser. */
export async function loadDirectory(manager: ReadManager): Promise<UnitDirectoryEntry[]> {
  const [units, groups] = await Promise.all([
    manager.find(Unit, { where: { active: true }, order: { name: 'ASC' } }),
    manager.find(UnitGroup, { order: { name: 'ASC' } }),
  ]);
  return [
    ...units.map((u) => ({
      id: directoryId({ type: 'unit', id: u.id }),
      name: u.name,
      ...(u.shortName ? { shortName: u.shortName } : {}),
      aliases: u.aliases,
    })),
    ...groups.map((g) => ({
      id: directoryId({ type: 'group', id: g.id }),
      name: g.name,
      aliases: g.aliases,
    })),
  ];
}
