import { append } from '../arrays';
import type { UnitDirectoryEntry } from '../types';
import { areaPrefixOf, endsWithUnitSuffix, isSuffixOnly, stripAreaPrefix, suffixAt } from './names';

/*
 * Splits unit names that the source wrote without separators
 * (区监察室经发局区社会事业服务中心 → 区监察室 | 经发局 | 区社会事业服务中心).
 *
 * Cut points come from the caller's directory when it knows the names (longest match wins), and
 * elsewhere from the suffixes that end unit names. Suffix characters also occur inside names
 * (区党工委办公室 holds 委, 区委宣传部 holds 区委), so every cut is checked: a piece that is only a
 * suffix (办公室) joins the piece before it, a piece that is only an area prefix plus a suffix
 * (区委, 区政府) joins the piece after it, and a bracket always stays with its name.
 */

/** Directory names (and their forms without area prefix), longest first for each first character. */
export class NameDictionary {
  private readonly byFirst = new Map<string, string[]>();

  constructor(entries: readonly UnitDirectoryEntry[]) {
    const all = new Set<string>();
    for (const e of entries) {
      for (const n of [e.name, e.shortName, ...(e.aliases ?? [])]) {
        if (!n) continue;
        const key = n.replace(/\s+/g, '');
        if (key.length < 2) continue;
        all.add(key);
        const bare = stripAreaPrefix(key);
        if (bare.length >= 2) all.add(bare);
      }
    }
    for (const n of all) {
      const list = this.byFirst.get(n[0]) ?? [];
      list.push(n);
      this.byFirst.set(n[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  longestAt(text: string, index: number): string | undefined {
    return this.byFirst.get(text[index])?.find((n) => text.startsWith(n, index));
  }
}

/** Words that join two halves of one name: 工业和信息化局, 民族与宗教事务局. */
const AND = /[和与及]/;
/**
 * Where a suffix is the start of a word that goes on (县人大常委会办公室, 县委机构编制委员会办公室,
 * 县政府部门): no name ends there.
 */
const WORD_AFTER_SUFFIX: Record<string, RegExp> = { 委: /^会(?!同)/, 机构: /^编制/, 部: /^门/ };
/** Organs written as one name though each is a unit word: 县纪委监委 (合署办公). */
const JOINED_ORGANS: ReadonlyArray<[string, RegExp]> = [['纪委', /^监委/]];
/**
 * A body's own branch or team written straight after it, without an area of its own:
 * 市生态环境局青山分局, 县公安局交警大队, 人民银行宿松支行, 住房公积金管理中心宿松分中心.
 * 市市场监管局福田局 is a city bureau's district branch: a place of two characters and 局.
 */
const SUB_UNIT = /(?:分局|大队|支队|中队|派出所|分中心|监管组|支行|分行)$/;

interface Piece {
  text: string;
  known: boolean;
}

export function splitConcatenated(token: string, dictionary?: NameDictionary): string[] {
  // Only a local list, whose names start with an area (区人劳局区经发局), is cut at suffixes: a
  // national or sector name holds suffixes and even directory names inside it (人民银行宿松支行,
  // 国务院国资委, 中央军委政治工作部). Names the directory knows, one after another from the start
  // (人劳局经发局), are cut in any list.
  const local = areaPrefixOf(token) !== undefined;
  const pieces = dictionary
    ? cutByDictionary(token, dictionary, local)
    : local
      ? cutBySuffix(token)
      : [{ text: token, known: false }];
  return mergePieces(pieces).map((p) => p.text);
}

function cutByDictionary(token: string, dictionary: NameDictionary, local: boolean): Piece[] {
  const pieces: Piece[] = [];
  const gap = (text: string) => (local ? cutBySuffix(text) : [{ text, known: false }]);
  let gapStart = 0;
  let i = 0;
  while (i < token.length) {
    // Outside a local list a directory name counts only where a name starts: 国务院国资委 is
    // the State Council's commission, not 国务院 and a county's 国资委.
    const known =
      token[i] === '(' || (!local && gapStart < i) ? undefined : dictionary.longestAt(token, i);
    if (!known) {
      i = token[i] === '(' ? closingParen(token, i) + 1 : i + 1;
      continue;
    }
    if (gapStart < i) append(pieces, gap(token.slice(gapStart, i)));
    pieces.push({ text: known, known: true });
    i += known.length;
    gapStart = i;
  }
  if (gapStart < token.length) append(pieces, gap(token.slice(gapStart)));
  return pieces;
}

function cutBySuffix(text: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '(') {
      // A bracket belongs to the name before it: 区社会事业服务中心(卫健委).
      i = closingParen(text, i) + 1;
      pieces.push({ text: text.slice(start, i), known: false });
      start = i;
      continue;
    }
    // After 和 a suffix character starts the second half of a name (工业和科技局), it ends none.
    const suffix = AND.test(text[i - 1] ?? '') ? undefined : suffixAt(text, i);
    if (!suffix || WORD_AFTER_SUFFIX[suffix]?.test(text.slice(i + suffix.length))) {
      i++;
      continue;
    }
    i += suffix.length;
    if (text[i] === '(') continue;
    pieces.push({ text: text.slice(start, i), known: false });
    start = i;
  }
  if (start < text.length) pieces.push({ text: text.slice(start), known: false });
  return pieces;
}

/** Index of the `)` closing the `(` at `open`, or the last index when it is never closed. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length - 1;
}

function mergePieces(pieces: Piece[]): Piece[] {
  // Pieces that cannot stand alone join the piece after them (区委 + 宣传部)…
  // A leftover that is no unit name of its own (区政 before the directory's 党工委办公室, from the
  // typo 区政党工委办公室) joins the next piece too: the whole name then goes to fuzzy matching
  // instead of yielding a unit that does not exist.
  const forward: Piece[] = [];
  let carry = '';
  pieces.forEach((p, index) => {
    const text = carry + p.text;
    const last = index === pieces.length - 1;
    const orphan = !last && !endsWithUnitSuffix(text) && !needsPrevious(text);
    if (!p.known && (needsNext(text) || orphan)) {
      carry = text;
      return;
    }
    forward.push({ text, known: p.known && !carry });
    carry = '';
  });
  if (carry) forward.push({ text: carry, known: false });
  // …and fragments join the piece before them (区党工委 + 办公室, 区社会事业服务中心 + (卫健委)).
  const out: Piece[] = [];
  for (const p of forward) {
    const prev = out[out.length - 1];
    if (prev && !p.known && (needsPrevious(p.text) || isBranchOf(prev.text, p.text))) {
      prev.text += p.text;
    } else out.push({ ...p });
  }
  return out;
}

/** A piece that belongs to the name before it (see SUB_UNIT and JOINED_ORGANS). */
function isBranchOf(previous: string, text: string): boolean {
  if (areaPrefixOf(text)) return false;
  if (JOINED_ORGANS.some(([before, after]) => previous.endsWith(before) && after.test(text))) {
    return true;
  }
  if (text.length === 3 && text.endsWith('局')) {
    return previous.endsWith('局') && areaPrefixOf(previous) === '市';
  }
  // Not after any 中心: 区信息中心公安分局 is two units.
  if (text.endsWith('分中心')) return previous.endsWith('中心');
  // A bank's branch follows the bank (人民银行宿松支行), not a bureau (县财政局人行宿松支行).
  if (/(?:支行|分行)$/.test(text)) return previous.endsWith('银行');
  // A bureau's branch is named for its place (青山分局); 税务分局, 公安分局 are bodies of their own.
  if (text.endsWith('分局')) return previous.endsWith('局') && !FUNCTION_BRANCH.test(text);
  return SUB_UNIT.test(text) && /(?:局|委)$/.test(previous);
}

/** A branch named for what it does, not where it is: 税务分局, 公安分局, 市场监管分局, 医保分局. */
const FUNCTION_BRANCH = /(?:务|安|管|监|保|察|政|源|境|划)分局$/;

function needsNext(text: string): boolean {
  if (text.length === 0) return true;
  const prefix = areaPrefixOf(text);
  if (!prefix && (text === '经开' || text === '经开区' || text.length === 1)) return true;
  return prefix !== undefined && isSuffixOnly(text.slice(prefix.length));
}

function needsPrevious(text: string): boolean {
  return text.startsWith('(') || text.length < 2 || isSuffixOnly(text);
}
