import { matchUnits } from './matching';
import type { Section, UnitDirectoryEntry, UnitMatch, UnitRef } from './types';
import type { Warnings } from './warnings';

/** Matches every distinct unit name once and tells about those the directory does not hold. */
export function attachMatches(
  sections: Section[],
  directory: UnitDirectoryEntry[],
  warnings: Warnings,
): void {
  const placed: { unit: UnitRef; line: number }[] = [];
  for (const item of sections.flatMap((s) => s.items)) {
    for (const unit of item.units) placed.push({ unit, line: item.line });
    for (const task of item.tasks)
      for (const unit of task.units) placed.push({ unit, line: task.line });
  }
  const names = [...new Set(placed.map((p) => p.unit.name))];
  const matches = new Map<string, UnitMatch>(matchUnits(names, directory).map((m) => [m.name, m]));
  const told = new Set<string>();
  for (const { unit, line } of placed) {
    const match = matches.get(unit.name);
    if (!match) continue;
    unit.match = match;
    if (told.has(unit.name) || (match.kind !== 'none' && match.kind !== 'ambiguous')) continue;
    told.add(unit.name);
    if (match.kind === 'none') {
      warnings.add(
        'UNIT_NOT_IN_DIRECTORY',
        line,
        unit.name,
        `单位“${unit.name}”不在单位目录中，建议新建`,
      );
    } else {
      const names = (match.candidates ?? []).map((c) => `“${c.name}”`).join('、');
      warnings.add(
        'UNIT_AMBIGUOUS',
        line,
        unit.name,
        `单位“${unit.name}”可能是${names}中的任何一个，请人工确认`,
      );
    }
  }
}
