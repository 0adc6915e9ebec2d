import type { MatchKind, UnitDirectoryEntry, UnitMatch } from './types';
import { foldWidth } from './normalise';
import { isGroupPhrase } from './units/groups';
import { areaPrefixOf, cleanName, splitBracket, stripAreaPrefix } from './units/names';

/*
 * Matches written unit names against the caller's directory, trying the strictest rule first:
 *   exact   the same name
 *   alias   the entry's short name or one of its aliases
 *   prefix  the same once the area prefix is dropped, in the same area (经发局 ↔ 区经发局,
 *           公安分局 ↔ 经开公安分局)
 *   bracket the same once a bracketed function is dropped (区社会事业服务中心(卫健委))
 *   fuzzy   the same written for another area (市财政局 ↔ 县财政局), a close typo
 *           (区政党工委办公室 ↔ 区党工委办公室), or a short name (县发改局 ↔ 县发展和改革局)
 * A rule that fits two different entries equally well gives `ambiguous` rather than a guess;
 * a name that fits nothing gives `none` with a proposed new unit.
 */

/** Share of the compared length that may differ for a fuzzy match; 0.2 lets 1 in 5 characters. */
const FUZZY_SHARE = 0.2;

interface Indexed {
  entry: UnitDirectoryEntry;
  names: string[];
  aliases: string[];
  bare: string[];
}

export function matchUnits(names: string[], directory: UnitDirectoryEntry[]): UnitMatch[] {
  const index = directory.map(indexEntry);
  return names.map((name) => matchOne(name, index));
}

function key(name: string): string {
  return cleanName(foldWidth(name));
}

function indexEntry(entry: UnitDirectoryEntry): Indexed {
  const names = [key(entry.name)];
  const aliases = [entry.shortName, ...(entry.aliases ?? [])]
    .filter((a): a is string => Boolean(a))
    .map(key);
  const bare = [...new Set([...names, ...aliases].map(stripAreaPrefix))];
  return { entry, names, aliases, bare };
}

function matchOne(name: string, index: Indexed[]): UnitMatch {
  const written = key(name);
  const base = splitBracket(written).base;
  const here = sameArea(written);
  const steps: [MatchKind, (e: Indexed) => boolean][] = [
    ['exact', (e) => e.names.includes(written)],
    ['alias', (e) => e.aliases.includes(written)],
    ['prefix', (e) => here(e) && e.bare.includes(stripAreaPrefix(written))],
  ];
  if (base !== written) {
    steps.push([
      'bracket',
      (e) =>
        e.names.includes(base) ||
        e.aliases.includes(base) ||
        (here(e) && e.bare.includes(stripAreaPrefix(base))),
    ]);
  }
  // The same name written for another area (市财政局 beside a county's 县财政局) is most likely
  // another level's unit, and may be a slip: offered as fuzzy, for a person to confirm or not.
  steps.push(['fuzzy', (e) => e.bare.includes(stripAreaPrefix(base))]);
  for (const [kind, fits] of steps) {
    const found = distinct(index.filter(fits).map((e) => e.entry));
    if (found.length === 1) return { name, kind, entry: found[0] };
    if (found.length > 1) return { name, kind: 'ambiguous', candidates: found };
  }
  return fuzzy(name, stripAreaPrefix(base), index);
}

/**
 * Whether an entry may be the unit written: no area written on one of them, or the same area
 * (市 and 县, or 高新区 and 经开区, are not). 区 may be short for any …区 (经开区, 高新区), so a
 * district's 区财政局 is taken for the one written 经开区财政局. The entry's area is its name's,
 * whatever its aliases leave out.
 */
function sameArea(written: string): (e: Indexed) => boolean {
  const area = areaPrefixOf(written);
  return (e) => {
    const theirs = areaPrefixOf(e.names[0]);
    return (
      !area ||
      !theirs ||
      area.endsWith(theirs) ||
      theirs.endsWith(area) ||
      area.startsWith(theirs) ||
      theirs.startsWith(area)
    );
  };
}

function fuzzy(name: string, core: string, index: Indexed[]): UnitMatch {
  let best = Infinity;
  let found: UnitDirectoryEntry[] = [];
  for (const e of index) {
    for (const candidate of e.bare) {
      const limit = Math.floor(Math.max(core.length, candidate.length) * FUZZY_SHARE);
      if (limit === 0) continue;
      const d = editDistance(core, candidate, Math.min(limit, best));
      if (d > limit || d > best) continue;
      if (d < best) {
        best = d;
        found = [];
      }
      found.push(e.entry);
    }
  }
  found = distinct(found);
  if (found.length === 1) return { name, kind: 'fuzzy', entry: found[0], distance: best };
  if (found.length > 1) return { name, kind: 'ambiguous', candidates: found, distance: best };
  const short = abbreviationOf(splitBracket(key(name)).base, index);
  if (short.length === 1) return { name, kind: 'fuzzy', entry: short[0] };
  if (short.length > 1) return { name, kind: 'ambiguous', candidates: short };
  return { name, kind: 'none', proposal: { name: key(name) } };
}

/**
 * The entries a short name (简称) may stand for: 县发改局 for 县发展和改革局, 县人社局 for
 * 县人力资源和社会保障局, 县卫健委 for 县卫生健康委员会. Its characters stand in the entry's name in
 * order, it starts with the same character and ends in the same kind of unit, and an area
 * written on both is the same. Offered as `fuzzy`: a person confirms it, and the import
 * remembers the short name as the unit's alias.
 */
function abbreviationOf(written: string, index: Indexed[]): UnitDirectoryEntry[] {
  const core = stripAreaPrefix(written);
  // A group phrase is no short name: 各省级人民政府 is not 各有关省级人民政府.
  if (core.length < 2 || isGroupPhrase(written)) return [];
  const here = sameArea(written);
  const fits = (full: string) => {
    const bare = stripAreaPrefix(full);
    return (
      !isGroupPhrase(full) &&
      bare.length > core.length &&
      bare[0] === core[0] &&
      (core.endsWith('委') ? /委(?:员会)?$/.test(bare) : bare.endsWith(core[core.length - 1])) &&
      takesFromEachPart(core.slice(0, -1), bare)
    );
  };
  return distinct(
    index.filter((e) => here(e) && [...e.names, ...e.aliases].some(fits)).map((e) => e.entry),
  );
}

/**
 * The short name's characters stand in the full name in order, and not merely as its opening
 * words: 发改 takes from 发展 and 改革, but 贵州(局) is only the start of 贵州银保监局. An opening
 * that stops before 和 or 及 drops a part the name was joined with: 自然资源(局) for 自然资源和规划局.
 */
function takesFromEachPart(short: string, long: string): boolean {
  let at = 0;
  let gap = false;
  for (let i = 0; i < long.length && at < short.length; i++) {
    if (long[i] === short[at]) at++;
    else if (at > 0) gap = true;
  }
  if (at < short.length) return false;
  return gap || /^[和及与]/.test(long.slice(short.length));
}

/** Two entries are the same unit when they share an id, or have no id and the same name. */
function distinct(entries: UnitDirectoryEntry[]): UnitDirectoryEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const id = e.id ?? `name:${e.name}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Levenshtein distance, giving up (returning max + 1) as soon as it must exceed `max`, so
 * comparing one name with a 2,000-unit directory stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}
