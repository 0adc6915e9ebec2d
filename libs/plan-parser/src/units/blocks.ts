import { append } from '../arrays';
import { isGroupPhrase, isKnownGroup } from './groups';
import { endsWithUnitSuffix, ETC, ROLE_MARK } from './names';

/*
 * Finds where a paragraph names its responsible units:
 *   〔责任单位:…〕 〔…] […] 【…】      square brackets of any kind, mixed pairs allowed
 *   (牵头单位:…;责任单位:…)            round brackets that start with a label
 *   (区发改委牵头,区财政局配合)         round brackets whose clauses end in 牵头/配合
 *   责任单位:… / 牵头单位:…;配合单位:…  a label with a colon, up to the end of the sentence
 *   〔区人劳局、区经发局〕 (区人劳局)      unlabelled brackets closing the paragraph, when every
 *                                      name in them looks like a unit (a round one only when
 *                                      nothing else names the units, and not right after a
 *                                      name: 办公室(县发改局) says which body it is)
 *   (区建设局负责,6月30日前完成)         any of these, then clauses of time (read as fields)
 * All scans are single passes over the paragraph, so hostile input stays linear.
 */

export interface UnitBlock {
  start: number;
  /** Index after the block (after its closing bracket, if any). */
  end: number;
  /** The list inside the brackets / after the label, label included. */
  content: string;
  /** The block as written, for Item.unitsText. */
  text: string;
  /** Fields written in the block after its units (完成时限:2024年6月底前), read for deadlines. */
  fields?: string;
}

export interface BlockScan {
  blocks: UnitBlock[];
  /** Brackets without partner: unclosed openers and stray closers, as indexes. */
  unbalanced: number[];
}

const SQUARE_OPEN = '〔【[';
const SQUARE_CLOSE = '〕】]';
/** Jumps from bracket to bracket in native code; prose between them is most of the text. */
const BRACKET = /[〔【[(〕】\])]/g;
/**
 * 牵头单位, 配合部门, 责任科室 (a bureau's own plan), 部门分工, and their compounds: 牵头责任单位,
 * 协同责任单位, 主要协作单位.
 */
export const UNIT_LABEL_LONG =
  '(?:(?:主要)?(?:(?:牵头|协同|配合|协办|协作|参与)?责任|牵头|配合|协办|协作|参与|主责|主办|承办|落实|协同)(?:单位|部门|科室|处室|股室)|责任主体|部门分工)';
const UNIT_LABEL = `(?:${UNIT_LABEL_LONG}|牵头|配合)`;
const LABEL_AT_START = new RegExp(`^\\s*${UNIT_LABEL}\\s*(?:为|是)?\\s*(:)?`);
/** The label a unit list starts with (牵头单位, 责任单位, 配合 …), if any. */
export function leadingLabel(content: string): string | undefined {
  return LABEL_AT_START.exec(content)?.[0].replace(/[\s:为是]/g, '') || undefined;
}
const LABEL_WITH_COLON = new RegExp(`${UNIT_LABEL}\\s*:`, 'g');
/** A bracket that holds a label alone: 【牵头单位】, the names follow it. */
const LABEL_ONLY = new RegExp(`^${UNIT_LABEL}$`);
/** 责任单位为… / 牵头单位是…: a label running into a sentence. */
const LABEL_IS = new RegExp(`^${UNIT_LABEL_LONG}\\s*(?:为|是)\\s*`);
/** 完成时限, 整改时限, 办结时限, 时限: a word of two before 时限 is the label's, not a unit's. */
const OTHER_LABELS =
  '(?:(?:完成|办结|实施|整改|竣工|(?<![\\u4e00-\\u9fa5]))时间(?:安排|节点|要求)?|时限要求|完成期限|进度安排|[\\u4e00-\\u9fa5]{0,2}时限)';
/** A time field and its value, up to the next clause: 完成时限:2024年6月, 【完成时间】2024年底. */
export const TIME_FIELD = new RegExp(
  `(?:${OTHER_LABELS}\\s*:|[【〔[]\\s*${OTHER_LABELS}\\s*[】〕\\]])\\s*(?<value>[^;,]+)`,
  'g',
);
/**
 * People named beside the units (责任人:周敏, 责任领导:王建国), the office that oversees the
 * work (督办单位:区督查室) and when work starts (开始时间, 开工时间:2024年3月): neither the
 * units responsible nor deadlines.
 */
const PERSON_LABELS =
  '(?:责任人|责任领导|分管领导|牵头领导|包保领导|联系人|联系电话|督(?:办|导|查)(?:单位|部门)|(?:开始|起始|启动|开工)时间)';
/** Labels that end a unit list: 完成时限:2023年底前, 责任人:周敏. */
const OTHER_LABEL = new RegExp(`(?:${OTHER_LABELS}|${PERSON_LABELS})\\s*:`, 'g');
/** 完成时限:… or 【完成时限】… at the start of a line. */
const OTHER_LABEL_AT_START = new RegExp(
  `^\\s*(?:(${OTHER_LABELS}|${PERSON_LABELS})\\s*:|[【〔[]\\s*(${OTHER_LABELS}|${PERSON_LABELS})\\s*[】〕\\]])`,
);

/** The label a line starts with when it gives a measure's time limit or people (完成时限:…, 责任人:…). */
export function fieldLabel(text: string): string | undefined {
  const m = OTHER_LABEL_AT_START.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}
const MAX_BLOCK_LENGTH = 600;
/**
 * A role written after the names: 区发改委牵头, 县财政局配合, 县直各部门按职责分工负责, 各设区市人民
 * 政府落实属地责任. The role word is captured for unit-list.ts.
 */
export const POSTFIX_ROLE =
  /((?:分别|共同)?牵头负责|(?:分别|共同)?牵头|配合|协助|参与|落实属地(?:管理)?责任|(?:按(?:照)?职责分工|分别|共同)?负责)$/;
/**
 * The national style without labels: (工业和信息化部、发展改革委等按职责分工负责),
 * (各省级人民政府负责), (人力资源社会保障部、财政部负责。列第一位者为牵头单位,下同). LEAD_RULE is the
 * rule a plan states once with its first list, also in a bracket of its own and in other words
 * (列第一位的为工作牵头单位或汇总单位,下同; 第一责任单位为牵头单位); RESPONSIBLE_END the 负责 closing it.
 */
export const LEAD_RULE =
  /[。.;,]?\s*\(?(?:(?:列|排)(?:在)?(?:第一位|首位)(?:者|的)?|第一(?:责任)?单位)为(?:工作)?牵头(?:单位|部门)(?:或[\u4e00-\u9fa5]{1,6})?[^()]{0,8}\)?$/;
export const RESPONSIBLE_END =
  /(?:等(?:相关|有关|其他)?(?:部门|单位)?(?:和(?:部门|单位))?)?(?:按(?:照)?职责分工|按职责|分别|共同)*(?:分别)?负责(?:落实)?$/;

interface Pair {
  open: number;
  close: number; // -1 when never closed
  square: boolean;
}

export function scanUnitBlocks(text: string): BlockScan {
  const { pairs, unbalanced } = pairBrackets(text);
  const blocks: UnitBlock[] = [];
  const tentative = new Set<UnitBlock>();
  const lastWord = lastSignificantIndex(text);
  let coveredUntil = -1;
  for (const pair of pairs) {
    if (pair.open < coveredUntil) continue;
    const end = pair.close < 0 ? text.length : pair.close;
    // No real unit list is this long; the bound also keeps nested brackets from costing n².
    if (end - pair.open > MAX_BLOCK_LENGTH) continue;
    const content = text.slice(pair.open + 1, end).trim();
    if (pair.square && pair.close >= 0 && LABEL_ONLY.test(content)) {
      const run = labelHeaderRun(text, pair);
      if (run) {
        blocks.push(run);
        coveredUntil = run.end;
      }
      continue;
    }
    // (牵头单位:…,责任单位:…,完成时限:2024年6月底前): the units end where another field starts;
    // (区建设局牵头,各镇(街道)配合,2024年9月底前完成): or where a clause of time starts.
    const endsParagraph = pair.close >= lastWord;
    const { units, fields } = unitsAndFields(content);
    if (!units) continue;
    // (牵头单位:…;责任单位:…,6月底完成): a labelled list, too, ends where its clause of time starts.
    const trimmed = withoutTimeClauses(units);
    const trimmedIsList =
      trimmed !== undefined && isUnitBracket(trimmed.units, pair, endsParagraph);
    const sure = trimmedIsList || isUnitBracket(units, pair, endsParagraph);
    const split = trimmedIsList || !sure ? trimmed : undefined;
    const names = split?.units ?? units;
    // (区人劳局、区财政局) closing the paragraph; not right after a name, where it says which body
    // that is (领导小组办公室(县发改局), 各区人民政府(管委会)).
    const namesOnlyHere =
      !sure &&
      !pair.square &&
      endsParagraph &&
      !endsWithUnitSuffix(text.slice(Math.max(0, pair.open - 12), pair.open)) &&
      isNamesOnlyBracket(names);
    if (!sure && !namesOnlyHere) continue;
    const blockEnd = pair.close < 0 ? text.length : pair.close + 1;
    const allFields = [split?.time, fields].filter(Boolean).join(',');
    const block = {
      start: pair.open,
      end: blockEnd,
      content: names,
      text: text.slice(pair.open, blockEnd),
      ...(allFields ? { fields: allFields } : {}),
    };
    blocks.push(block);
    if (!sure) tentative.add(block);
    coveredUntil = blockEnd;
  }
  append(blocks, labelledRuns(text, blocks));
  // A bracket of names only is the units when nothing else in the paragraph names them: beside a
  // 责任单位 it names whom the work is about (组建医共体(县人民医院、县中医院)).
  if (blocks.some((b) => !tentative.has(b))) {
    for (let i = blocks.length - 1; i >= 0; i--) if (tentative.has(blocks[i])) blocks.splice(i, 1);
  }
  if (blocks.length === 0) append(blocks, closingSentence(text, lastWord));
  blocks.sort((a, b) => a.start - b.start);
  return { blocks, unbalanced };
}

/**
 * The units written as the paragraph's last sentence, without brackets, as county plans often
 * do: `…。县农业农村局(牵头)、县住房和城乡建设局按职责分工负责。`, `…。由县交通运输局牵头,县财政局配合。`,
 * `…。责任单位为县应急管理局。` Only when the paragraph names its units nowhere else, and only a
 * sentence that is nothing but unit names and their roles (the bracket rules' tests): prose that
 * merely mentions who acts (由县发改局负责统筹, 各地要切实负起责任) names no list.
 */
function closingSentence(text: string, lastWord: number): UnitBlock[] {
  const start = text.lastIndexOf('。', lastWord) + 1;
  const sentence = text.slice(start, lastWord + 1).trim();
  if (!sentence || sentence.length > MAX_BLOCK_LENGTH) return [];
  const list = sentence.replace(/^由/, '');
  const labelled = LABEL_IS.exec(list);
  const fits = labelled
    ? looksLikeUnitList(list.slice(labelled[0].length))
    : isPostfixRoleList(list) || isResponsibleList(list);
  if (!fits || !namesOnly(labelled ? list.slice(labelled[0].length) : list)) return [];
  const at = text.indexOf(sentence, start);
  return [{ start: at, end: at + sentence.length, content: list, text: sentence }];
}

/** Words of a sentence that says what to do, never in a unit's name: 各部门要加强配合. */
const PROSE_WORD = /要|的|与|将|把|对|以上|加强|积极|全力|密切|切实|认真|确保|进一步|及时|由/;

/**
 * Without brackets or a label nothing marks a list but its words, so the bracket rules' test
 * (any 各… is a group) is too loose: every name must be a known group phrase (各乡镇, 区直各部门)
 * or a unit name with no word of prose in it.
 */
function namesOnly(list: string): boolean {
  return list.split(/[、,;]/).every((clause) => {
    const name = clause
      .replace(LEAD_RULE, '')
      .replace(RESPONSIBLE_END, '')
      .replace(POSTFIX_ROLE, '')
      .replace(ROLE_MARK, '')
      .replace(ETC, '')
      .trim();
    if (!name) return true;
    if (PROSE_WORD.test(name)) return false;
    return isKnownGroup(name) || (!isGroupPhrase(name) && endsWithUnitSuffix(name));
  });
}

const OTHER_HEADER = new RegExp(`[〔【[]\\s*(?:${OTHER_LABELS}|${PERSON_LABELS})\\s*[〕】\\]]`);
const UNIT_HEADERS = new RegExp(`[〔【[]\\s*(${UNIT_LABEL})\\s*[〕】\\]]`, 'g');

/**
 * Labels written as bracketed headers, the names after them: `【牵头单位】县市场监督管理局【配合单位】
 * 县司法局、县商务局`, up to the end of the sentence or a header that is no unit label (【完成时限】).
 * Read as `牵头单位:…;配合单位:…`, when every name looks like a unit.
 */
function labelHeaderRun(text: string, pair: Pair): UnitBlock | undefined {
  // Looked for within a block's length only: hostile text of many headers stays linear.
  const window = text.slice(pair.close, pair.open + MAX_BLOCK_LENGTH + 1);
  const stop = window.indexOf('。');
  if (stop < 0 && pair.open + MAX_BLOCK_LENGTH < text.length) return undefined;
  let end = pair.close + (stop < 0 ? window.length : stop);
  const other = OTHER_HEADER.exec(text.slice(pair.close, end));
  if (other) end = pair.close + other.index;
  const written = text.slice(pair.open, end).replace(/[\s;,]+$/, '');
  const names = written.split(UNIT_HEADERS).filter((_, i) => i % 2 === 0);
  if (!names.slice(1).every((n) => looksLikeUnitList(n.replace(/^[\s:;,]+|[\s;,]+$/g, '')))) {
    return undefined;
  }
  const content = written
    .replace(
      UNIT_HEADERS,
      (_, label: string, offset: number) => `${offset > 0 ? ';' : ''}${label}:`,
    )
    .replace(/:[\s:]+/g, ':');
  return { start: pair.open, end: pair.open + written.length, content, text: written };
}

/** Index of the last character that is not space or closing punctuation. */
export function lastSignificantIndex(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && /[\s。.;]/.test(text[i])) i--;
  return i;
}

/** One pass with a stack; square brackets pair with any square closer (the seed has 〔…]). */
function pairBrackets(text: string): { pairs: Pair[]; unbalanced: number[] } {
  const pairs: Pair[] = [];
  const unbalanced: number[] = [];
  const stack: Pair[] = [];
  // Open brackets of each kind on the stack, so a stray closer is found without a search.
  const open = { square: 0, round: 0 };
  BRACKET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKET.exec(text)) !== null) {
    const i = m.index;
    const ch = m[0];
    const square = SQUARE_OPEN.includes(ch);
    if (square || ch === '(') {
      const pair = { open: i, close: -1, square };
      pairs.push(pair);
      stack.push(pair);
      open[square ? 'square' : 'round']++;
      continue;
    }
    const closesSquare = SQUARE_CLOSE.includes(ch);
    if (open[closesSquare ? 'square' : 'round'] === 0) {
      unbalanced.push(i);
      continue;
    }
    // A round bracket left open inside a square one ends with it (and the other way round).
    let top = stack.pop();
    while (top && top.square !== closesSquare) {
      unbalanced.push(top.open);
      open[top.square ? 'square' : 'round']--;
      top = stack.pop();
    }
    if (top) {
      top.close = i;
      open[top.square ? 'square' : 'round']--;
    }
  }
  for (const p of stack) unbalanced.push(p.open);
  pairs.sort((a, b) => a.open - b.open);
  return { pairs, unbalanced: unbalanced.sort((a, b) => a - b) };
}

function unitsAndFields(content: string): { units: string; fields?: string } {
  OTHER_LABEL.lastIndex = 0;
  const field = OTHER_LABEL.exec(content);
  if (!field) return { units: content };
  return {
    units: content.slice(0, field.index).replace(/[\s;,]+$/, ''),
    fields: content.slice(field.index),
  };
}

/**
 * A clause that starts with a time, not a name: 6月30日前完成, 2024年9月底前完成, 长期坚持
 * (县统计局按季度提供数据 names a unit first: it is no time clause).
 */
const TIME_CLAUSE =
  /^\s*(?:于|在|力争|确保|争取)?(?:\d{4}年|\d{1,2}月|\d{1,2}日|[上下]半年|[一二三四]?季度|年底|年内|今年|本年|明年|次年|每[年月季周半]|长期|持续|常态|即日|立行立改|限期)/;

/** The units of a list followed by clauses of time only, and those clauses. */
function withoutTimeClauses(content: string): { units: string; time: string } | undefined {
  const clauses = content.split(/[,;]/);
  let first = clauses.length;
  while (
    first > 1 &&
    TIME_CLAUSE.test(clauses[first - 1]) &&
    !looksLikeUnitList(clauses[first - 1])
  ) {
    first--;
  }
  if (first === clauses.length) return undefined;
  return { units: clauses.slice(0, first).join(','), time: clauses.slice(first).join(',') };
}

/** Words a bracket of names starts with when it says what or whom, not who acts: (不含…), (其中…). */
const NOT_A_LIST = /^(?:以下简称|下称|简称|不含|不包括|除|其中|含|包括|即|如|例如|指|涉及)/;

/** (区人劳局、区财政局): unit names only, with no word of prose, no number, no aside. */
function isNamesOnlyBracket(content: string): boolean {
  return (
    !NOT_A_LIST.test(content) &&
    !/\d/.test(content) &&
    looksLikeUnitList(content) &&
    namesOnly(content)
  );
}

function isUnitBracket(content: string, pair: Pair, endsParagraph: boolean): boolean {
  const label = LABEL_AT_START.exec(content);
  if (label) return pair.square || label[1] !== undefined;
  if (isPostfixRoleList(content) || isResponsibleList(content)) return true;
  return pair.square && endsParagraph && looksLikeUnitList(content);
}

/** (发展改革委、财政部等按职责分工负责): a unit list followed by 负责. */
function isResponsibleList(content: string): boolean {
  if (content.length > 400) return false;
  const bare = content.replace(LEAD_RULE, '');
  const end = RESPONSIBLE_END.exec(bare);
  if (!end) return false;
  const names = bare.slice(0, end.index).trim();
  return names.length > 0 && looksLikeUnitList(names);
}

/** (区发改委牵头,区财政局配合): every clause names units and says their role. */
function isPostfixRoleList(content: string): boolean {
  if (content.length > 300 || !POSTFIX_ROLE.test(content)) return false;
  return content.split(/[,;]/).every((clause) => {
    const names = clause.trim().replace(POSTFIX_ROLE, '');
    return names.length > 0 && looksLikeUnitList(names);
  });
}

export function looksLikeUnitList(content: string): boolean {
  if (content.length === 0 || content.length > 300) return false;
  // Brackets inside names (各县〔市、区〕人民政府) hold separators of their own.
  const flat = content.replace(/[(〔][^()〔〕]{0,20}[)〕]/g, '').replace(/等和/g, '、');
  const names = flat.split(/[、,;\s/]+/).filter(Boolean);
  return names.every((n, i) => {
    const name = n.replace(/等(?:相关|有关|其他)?(?:部门|单位)?(?:和(?:部门|单位))?$/, '');
    if (name.length === 0) return true;
    // A short name before one that ends in the shared suffix: 经开区、东北新城管委会.
    if (i < names.length - 1 && borrowsSuffix(name)) return true;
    return isGroupPhrase(name) || endsWithUnitSuffix(name);
  });
}

/** 各乡、镇人民政府 / 经开区、东北新城管委会: the first name is too short to be one alone. */
export function borrowsSuffix(name: string): boolean {
  const bare = name.replace(/^各/, '').replace(/\([^()]*\)$/, '');
  return bare.length >= 1 && bare.length <= 4 && !endsWithUnitSuffix(name);
}

/** `责任单位:…` outside brackets, up to the end of the sentence or the next non-unit label. */
function labelledRuns(text: string, bracketed: UnitBlock[]): UnitBlock[] {
  const runs: UnitBlock[] = [];
  let next = 0; // first bracketed block that may still lie after the current match
  LABEL_WITH_COLON.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_WITH_COLON.exec(text)) !== null) {
    const start = m.index;
    while (next < bracketed.length && bracketed[next].end <= start) next++;
    const inside = next < bracketed.length && bracketed[next].start <= start;
    if (inside) {
      LABEL_WITH_COLON.lastIndex = bracketed[next].end;
      continue;
    }
    let end = text.indexOf('。', start);
    if (end < 0) end = text.length;
    if (next < bracketed.length && bracketed[next].start < end) end = bracketed[next].start;
    OTHER_LABEL.lastIndex = 0;
    const other = OTHER_LABEL.exec(text.slice(start, end));
    if (other) end = start + other.index;
    const content = text.slice(start, end).replace(/[\s;,]+$/, '');
    if (content.length <= MAX_BLOCK_LENGTH) {
      runs.push({ start, end: start + content.length, content, text: content });
    }
    LABEL_WITH_COLON.lastIndex = Math.max(end, start + 1);
  }
  return runs;
}
