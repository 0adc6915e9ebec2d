import { matchUnits } from './matching';
import type { ParseResult, UnitDirectoryEntry, UnitRef } from './types';
import { areaPrefixOf, splitBracket } from './units/names';

export interface CollectedUnit {
  /** The spelling chosen for the unit: with its area prefix, without a bracketed function. */
  name: string;
  group: boolean;
  /** Other spellings of the same unit in the plan (经发局, 区社会事业服务中心(卫健委), typos). */
  variants: string[];
  /** How many items and tasks name it. */
  occurrences: number;
}

/**
 * The distinct units a parse names, with the spellings of one unit merged by the same rules as
 * matchUnits (prefix, bracket, fuzzy). Feed it back as `{ name, aliases: variants }` to build a
 * unit directory.
 */
export function collectUnits(result: ParseResult): CollectedUnit[] {
  const seen = new Map<string, { unit: UnitRef; count: number; order: number }>();
  const units = result.sections.flatMap((s) =>
    s.items.flatMap((i) => [...i.units, ...i.tasks.flatMap((t) => t.units)]),
  );
  for (const unit of units) {
    const known = seen.get(unit.name);
    if (known) known.count++;
    else seen.set(unit.name, { unit, count: 1, order: seen.size });
  }
  // The fullest, most used spelling becomes the name; the others are matched to it.
  const candidates = [...seen.values()].sort(
    (a, b) =>
      Number(Boolean(splitBracket(a.unit.name).bracket)) -
        Number(Boolean(splitBracket(b.unit.name).bracket)) ||
      Number(!areaPrefixOf(a.unit.name)) - Number(!areaPrefixOf(b.unit.name)) ||
      b.count - a.count ||
      a.order - b.order,
  );
  const chosen: (CollectedUnit & { order: number })[] = [];
  const directory: UnitDirectoryEntry[] = [];
  for (const { unit, count, order } of candidates) {
    const match = matchUnits([unit.name], directory)[0];
    const target = match.entry ? chosen[Number(match.entry.id)] : undefined;
    if (target && target.group === unit.group) {
      target.variants.push(unit.name);
      target.occurrences += count;
      target.order = Math.min(target.order, order);
      continue;
    }
    directory.push({ id: String(chosen.length), name: unit.name });
    chosen.push({ name: unit.name, group: unit.group, variants: [], occurrences: count, order });
  }
  return chosen.sort((a, b) => a.order - b.order).map(({ order: _order, ...rest }) => rest);
}

/** The distinct unit names and group phrases of a parse, one spelling per unit. */
export function collectUnitNames(result: ParseResult): string[] {
  return collectUnits(result).map((u) => u.name);
}
