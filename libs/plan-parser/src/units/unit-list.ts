import { append } from '../arrays';
import type { UnitRef } from '../types';
import { borrowsSuffix, LEAD_RULE, POSTFIX_ROLE, RESPONSIBLE_END, UNIT_LABEL_LONG } from './blocks';
import { type NameDictionary, splitConcatenated } from './concatenated';
import { groupStartIn, isGroupPhrase, isKnownGroup, repairGroup } from './groups';
import {
  areaPrefixOf,
  cleanName,
  endsWithUnitSuffix,
  ETC,
  ROLE_MARK,
  splitBracket,
  UNIT_SUFFIXES,
} from './names';

/*
 * Turns the inside of a unit block (`责任单位:区人劳局、区经发局区建设局等部门,各镇()`) into
 * names with the role the document gives them.
 */

/** What the text says about a name: explicitly lead (牵头), explicitly co (配合), or just listed. */
export type Label = 'lead' | 'co' | 'listed';

export interface ListedUnit {
  name: string;
  raw: string;
  group: boolean;
  bracket?: string;
  label: Label;
}

/**
 * Inside a block the long labels may lack their colon; 牵头/配合 alone need it (区发改委牵头 is
 * postfix). After 各 or 有关/相关 the words name a group (各承办单位, 有关责任单位), not a label.
 */
const LABEL_ANYWHERE = new RegExp(
  `(?<![各关])${UNIT_LABEL_LONG}\\s*(?:为|是)?\\s*:?|(?:牵头|配合)\\s*:`,
  'g',
);
/** An area written once before a list's first unit: 示范区交通运输局、住房和城乡建设局. */
const LIST_AREA =
  /^((?:[\u4e00-\u9fa5]{1,4}(?:示范区|新区|开发区|高新区|经开区))|示范区)(?=[\u4e00-\u9fa5]{2,})/;
/** Names that belong to another body and never take the list's area: 河南银保监局济源监管组. */
const OWN_PLACE = /[省市县区州]|海关|银行|支行|监管组|公司|集团/;
const SEPARATORS = /[、,;\s/]/;

/** `defaultLabel` is what a table column says about its cells (a 牵头单位 column leads). */
export function parseUnitList(
  content: string,
  dictionary?: NameDictionary,
  defaultLabel: Label = 'listed',
): ListedUnit[] {
  const out: ListedUnit[] = [];
  for (const segment of labelSegments(normaliseList(content), defaultLabel)) {
    // (由市科技局牵头): 由 says who, it is no part of the name.
    for (const clause of splitTopLevel(segment.text, /[;,]/).map((c) => c.replace(/^由/, ''))) {
      const postfix = POSTFIX_ROLE.exec(clause);
      const label = postfix ? labelOf(postfix[1]) : segment.label;
      const names = postfix ? clause.slice(0, postfix.index) : clause;
      for (const token of shareSuffixes(splitTopLevel(names, SEPARATORS))) {
        const marked = ROLE_MARK.exec(token);
        append(
          out,
          marked
            ? readToken(token.slice(0, marked.index), labelOf(marked[1]), dictionary)
            : readToken(token, label, dictionary),
        );
      }
    }
  }
  return shareArea(out);
}

/**
 * 〔〕 inside a list are name brackets (各市〔州〕); 等和 joins ministries and provinces
 * (…全国总工会等和各省级人民政府负责); the trailing 负责 and the once-stated lead rule are no names.
 */
function normaliseList(content: string): string {
  const text = content.replace(/〔/g, '(').replace(/〕/g, ')').replace(LEAD_RULE, '');
  const end = RESPONSIBLE_END.exec(text);
  const kept = end && end.index > 0 ? text.slice(0, end.index) : text;
  return kept.replace(/等和/g, '、').replace(/[。.]$/, '');
}

/** What places have, as opposed to a department: 各乡、镇人民政府, 经开区、东北新城管委会. */
const PLACE_BODY = /^(?:人民政府|政府|管委会|办事处|街道办事处)$/;

/**
 * 各乡、镇人民政府 → 各乡人民政府, 各镇人民政府; 经开区、东北新城管委会 → 经开区管委会, …;
 * 各市(州)、各县(市、区、特区)人民政府 → 各市(州)人民政府, …: a short name that is no unit alone
 * takes the unit suffix of the name after it.
 */
function shareSuffixes(tokens: string[]): string[] {
  const out = [...tokens];
  /** The tokens that took the suffix of the one after them. */
  const borrowed = new Set<number>();
  for (let i = out.length - 2; i >= 0; i--) {
    const name = cleanName(out[i]);
    if (!borrowsSuffix(name) || ETC.test(name)) continue;
    const next = splitBracket(cleanName(out[i + 1])).base;
    const suffix = UNIT_SUFFIXES.find((s) => next.endsWith(s) && next.length > s.length);
    // A group of places shares only their bodies' suffix (各乡、镇人民政府, 各市、县人民政府), never
    // a department's: 各乡镇(街道)、县委网信办 are a group and an office, as is a name of its own
    // area after anything (区人劳局 after 经开区).
    if (!suffix) continue;
    if (!PLACE_BODY.test(suffix) && (name.startsWith('各') || areaPrefixOf(next))) continue;
    const prefix = name.startsWith('各') || !next.startsWith('各') ? '' : '各';
    out[i] = `${prefix}${name}${suffix}`;
    borrowed.add(i);
    if (!name.startsWith('各')) continue;
    // 各县、市、区政府: 各 goes with every name of the run, up to the one that lent the suffix
    // or one that has its own 各 (whose run an earlier step of this loop already went over).
    for (let j = i + 1; j < out.length && !out[j].startsWith('各'); j++) {
      out[j] = `各${out[j]}`;
      if (!borrowed.has(j)) break;
    }
  }
  return out;
}

/** The area prefix written only on a list's first unit applies to the departments after it. */
function shareArea(units: ListedUnit[]): ListedUnit[] {
  const first = units.find((u) => !u.group);
  const area = first ? LIST_AREA.exec(first.name)?.[1] : undefined;
  if (!area) return units;
  return units.map((u) =>
    u.group || u.name.startsWith(area) || OWN_PLACE.test(u.name) || !endsWithUnitSuffix(u.name)
      ? u
      : { ...u, name: `${area}${u.name}`, raw: u.raw },
  );
}

function labelOf(said: string): Label {
  // 分别牵头, 共同牵头: each of them leads.
  const word = said.replace(/^(?:分别|共同)/, '');
  if (/^(?:主要)?(?:配合|协办|参与|协助|协同|协作)/.test(word)) return 'co';
  if (/^(?:牵头|主责|主办|主要)/.test(word)) return 'lead';
  return 'listed';
}

function labelSegments(content: string, defaultLabel: Label): { label: Label; text: string }[] {
  const segments: { label: Label; text: string }[] = [];
  let label = defaultLabel;
  let from = 0;
  LABEL_ANYWHERE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_ANYWHERE.exec(content)) !== null) {
    if (m.index > from) segments.push({ label, text: content.slice(from, m.index) });
    label = labelOf(m[0]);
    from = m.index + m[0].length;
  }
  segments.push({ label, text: content.slice(from) });
  return segments;
}

/** Splits on a separator, but not inside brackets: 各县(市、区) stays whole. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && separator.test(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function readToken(token: string, label: Label, dictionary?: NameDictionary): ListedUnit[] {
  const cleaned = cleanName(token).replace(ETC, '');
  if (cleaned.length === 0) return [];
  // A group phrase written straight after a name: 区人劳局各镇(). Not after a bare level
  // (区各行业主管部门: the district's departments, one group), nor inside a known group.
  const groupAt = groupStartIn(cleaned);
  if (groupAt > 0 && endsWithUnitSuffix(cleaned.slice(0, groupAt)) && !isKnownGroup(cleaned)) {
    return [
      ...readToken(cleaned.slice(0, groupAt), label, dictionary),
      ...readToken(cleaned.slice(groupAt), label, dictionary),
    ];
  }
  // 市级各有关部门及各县市区政府: two units joined by 及, each a unit or a group on its own.
  const joined = cleaned.split(/以及|及/);
  if (joined.length > 1 && joined.every((p) => endsWithUnitSuffix(p) || isGroupPhrase(p))) {
    return joined.flatMap((p) => readToken(p, label, dictionary));
  }
  if (isGroupPhrase(cleaned)) return [listed(cleaned, label, true)];
  return splitConcatenated(cleaned, dictionary)
    .map((name) => cleanName(name).replace(ETC, ''))
    .filter((name) => name.length > 0)
    .map((name) => listed(name, label, false));
}

function listed(raw: string, label: Label, group: boolean): ListedUnit {
  const name = group ? repairGroup(raw) : raw;
  const { bracket } = group ? { bracket: undefined } : splitBracket(name);
  return { name, raw, group, label, ...(bracket ? { bracket } : {}) };
}

/**
 * Roles for one item: with an explicit 牵头 the others are co; without one the first name listed
 * leads (the order Chinese plans use). A name listed twice keeps its first place and the
 * stronger role.
 */
export function assignRoles(units: ListedUnit[]): UnitRef[] {
  let leadGiven = units.some((u) => u.label === 'lead');
  const byName = new Map<string, UnitRef>();
  units.forEach((u) => {
    const firstListed = !leadGiven && u.label === 'listed';
    if (firstListed) leadGiven = true;
    const role = u.label === 'lead' || firstListed ? 'lead' : 'co';
    const existing = byName.get(u.name);
    if (existing) {
      if (role === 'lead') existing.role = 'lead';
      return;
    }
    byName.set(u.name, {
      name: u.name,
      role,
      group: u.group,
      roleSource: u.label === 'listed' ? 'order' : 'label',
      ...(u.raw !== u.name ? { raw: u.raw } : {}),
      ...(u.bracket ? { bracket: u.bracket } : {}),
    });
  });
  return [...byName.values()];
}
