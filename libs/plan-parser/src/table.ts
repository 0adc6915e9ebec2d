import { isChrome } from './chrome';
import { type Heading, readHeading } from './headings';
import { foldWidth, type Line, LINE_BREAK, trimLine } from './normalise';
import { parseChineseNumeral, toChineseNumeral } from './numerals';
import {
  type DraftNode,
  type DraftSection,
  draftNode,
  draftSection,
  implicitSection,
  type Outline,
  part,
  readFront,
  splitClosing,
} from './outline';
import { asDeadlineCell } from './deadline-cells';
import type { Paragraph } from './types';
import { looksLikeUnitList } from './units/blocks';
import { isGroupPhrase } from './units/groups';
import { endsWithUnitSuffix } from './units/names';
import type { Label } from './units/unit-list';

/*
 * Task tables flattened to text (a 任务分工表 copied out of Word or a web page, or an annex table
 * after a notice's prose): a header row of column names, then one row per task, cells separated
 * by tabs, `|`, or runs of spaces. Rows become items; a line holding only `一、…` between rows,
 * or a change in a 类别 column, starts a section. The text before the header is the preface.
 */

export type ColumnKind =
  | 'number'
  | 'section'
  | 'title'
  | 'body'
  | 'lead'
  | 'listed'
  | 'co'
  | 'deadline'
  | 'progress'
  | 'other';

export interface Column {
  kind: ColumnKind;
  name: string;
}

const TOTAL = /^\s*(?:合\s*计|小\s*计|总\s*计)\s*$/;
/** When work starts (开始时间 beside 结束时间): no deadline. */
const START = /^(?:开始|起始|启动)(?:时间|日期)$/;
const COLUMN_KINDS: [ColumnKind, RegExp][] = [
  ['other', START],
  ['number', /^(?:序号|编号|序)$/],
  ['section', /^(?:类别|分类|类型|领域|重点领域|方面|板块|专项|章节|篇章|部分|工作类别|任务类别)$/],
  // 牵头单位, 牵头责任单位, 牵头科室; 及责任人 after it (the people stay in the cell).
  ['lead', /^(?:牵头|主责|主办)(?:责任)?(?:单位|部门|处室|科室)?(?:及?责任人)?$/],
  ['co', /^(?:配合|协办|参与|参加|协同|协助|协作)(?:责任)?(?:单位|部门|处室|科室)?(?:及?责任人)?$/],
  // Whatever else names the units: 责任单位, 责任部门, 指导部门, 实施主体, 主管部门, 单位.
  [
    'listed',
    /^(?:主要责任|责任|承办|落实|实施|指导|主管|负责|执行|承担|主体)?(?:单位|部门|主体|处室|科室)(?:及?责任人)?$/,
  ],
  // What has been done so far (推进情况, 第二季度完成情况, 下步打算): the row's body, never its
  // deadline or units.
  [
    'progress',
    /^(?:第?[一二三四1-4]季度|[上下]半年|全年|年度|本月|本季度|\d{1,2}月份?)?(?:推进|进展|完成|落实|工作|目前|当前|实施|执行)?(?:情况|进展|进度)(?:说明)?$|^下步(?:工作)?(?:打算|计划|安排|措施)$/,
  ],
  ['deadline', /时限|时间|期限|节点|时序|进度安排/],
  ['title', /^(?:重点|主要|工作|具体|改革|整改){0,2}(?:任务|事项|项目|工作)(?:名称)?$/],
  // 整改 and 审计 tables name each row by the problem found: 问题, 存在问题, 审计发现问题.
  [
    'title',
    /^(?:存在的?|主要|反馈|发现|审计发现|巡视反馈|巡察反馈|督查发现)?问题(?:描述|表现|清单)?$/,
  ],
  ['body', /措施|内容|要求|举措|目标/],
];
const UNIT_COLUMNS: ColumnKind[] = ['lead', 'listed', 'co'];
/** Whether a table names its units in a column of their own. */
export const hasUnitColumn = (columns: Column[]) =>
  columns.some((c) => UNIT_COLUMNS.includes(c.kind));
/** A column whose text a row names its units or its time by. */
const namesUnitOrTime = (kind: ColumnKind) => UNIT_COLUMNS.includes(kind) || kind === 'deadline';
const LABEL_OF: Partial<Record<ColumnKind, Label>> = { lead: 'lead', co: 'co', listed: 'listed' };
const DEADLINE_LIKE =
  /\d{4}年|\d{4}[./-]\d{1,2}|年底|年内|月底|季度|上半年|下半年|长期|持续|每年|常态|前$/;
/** A cell that says "none" (无, —, /): read as empty, and never filled from the row above. */
const NONE_CELL = /^(?:无|—+|-+|\/|－+|―+)$/;

export function isNoneCell(text: string): boolean {
  return NONE_CELL.test(text.trim());
}

export function splitCells(text: string): string[] {
  if (text.includes('\t')) return text.split('\t').map((c) => unquote(c.trim()));
  if (text.includes('|')) {
    const cells = text.split('|').map((c) => c.trim());
    if (cells[0] === '') cells.shift();
    if (cells[cells.length - 1] === '') cells.pop();
    return cells;
  }
  return text.split(/ {2,}/).map((c) => c.trim());
}

/** The column names when `text` is a task table's header row (it must name a unit column). */
export function readTableHeader(text: string): Column[] | undefined {
  if (!/单位|部门|主体|处室|科室|序号/.test(text) || !/\t| {2}|\|/.test(text)) return undefined;
  return classifyColumns(splitCells(text));
}

/**
 * A header cell as people write it: `主 要 内 容` (letter-spaced), `牵头\n单位`, `完成时限（时间节点）`,
 * full-width forms. The one place header cells are cleaned, for text and for Word and Excel tables.
 */
export function headerName(cell: string): string {
  return foldWidth(cell)
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)$/, '');
}

/** What a header cell names: the one place column names are read, for text and for tables. */
export function columnKindOf(name: string): ColumnKind {
  const clean = headerName(name);
  const hit = COLUMN_KINDS.find(([, pattern]) => pattern.test(clean));
  return hit ? hit[0] : 'other';
}

/**
 * The columns of a header row given as cells (a row of a Word or Excel table, or a text line
 * split into cells), or undefined when the row is not a task table's header.
 */
export function classifyColumns(cells: string[]): Column[] | undefined {
  if (cells.length < 3) return undefined;
  const columns = cells.map((name): Column => ({ kind: columnKindOf(name), name }));
  const has = (kind: ColumnKind) => columns.some((c) => c.kind === kind);
  // A unit's own list (序号 | 工作事项 | 进度安排) names no unit column: its rows are items still,
  // each warned of as without units.
  const ownList = has('number') && has('title') && has('deadline');
  if (!hasUnitColumn(columns) && !ownList) return undefined;
  if (columns.filter((c) => c.kind !== 'other').length < 3) return undefined;
  // 重点任务 merged over its rows before 序号, 具体措施 after it: the tasks are chapters, as 类别.
  const number = columns.findIndex((c) => c.kind === 'number');
  const title = columns.findIndex((c) => c.kind === 'title');
  if (title >= 0 && title < number && !has('section') && has('body')) {
    columns[title].kind = 'section';
  }
  // A table with only a 措施 column uses it as the task.
  const body = columns.find((c) => c.kind === 'body');
  if (!has('title') && body) body.kind = 'title';
  return columns;
}

export function findTableHeader(
  lines: Line[],
): { index: number; columns: Column[]; subHeader: boolean } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    const columns = readTableHeader(lines[i].text);
    if (columns) {
      const merged = next ? withSubHeader(columns, next) : undefined;
      return merged
        ? { index: i, columns: merged, subHeader: true }
        : { index: i, columns, subHeader: false };
    }
    // 责任分工 over 牵头单位 | 配合单位: only the two rows together name the unit columns.
    if (next && lines[i].text.includes('\t')) {
      const top = splitCells(rowText(lines[i])).map((name) => ({ kind: columnKindOf(name), name }));
      const merged = top.length >= 3 ? withSubHeader(top, next) : undefined;
      if (merged) return { index: i, columns: merged, subHeader: true };
    }
  }
  return undefined;
}

/**
 * A header in two rows, a merged cell over the names below it (责任单位 over 牵头单位 | 配合单位,
 * 完成时限 over 开始时间 | 结束时间): the row below names no number and only columns, each under
 * a blank or its parent's cell. The columns are then the lower names where there are any.
 */
function withSubHeader(columns: Column[], line: Line): Column[] | undefined {
  if (!line.text.includes('\t')) return undefined;
  const cells = splitCells(rowText(line));
  // The upper row's last cells, blank over the lower names, were trimmed off its line.
  const upper = [...columns.map((c) => c.name), ...cells.slice(columns.length).map(() => '')];
  const named = cells.flatMap((c, i) => (c ? [i] : []));
  if (
    named.length < 2 ||
    named.some((i) => columnKindOf(cells[i]) === 'other' && !START.test(cells[i]))
  ) {
    return undefined;
  }
  return classifyColumns(upper.map((name, i) => cells[i] || name));
}

/**
 * A task table without a 序号 column (工作任务 | 具体要求 | 责任部门), whose rows no number reads,
 * numbers its tab rows here, one by one: the 序号 goes after a first column that names the task
 * over measures beside it (which then makes the chapters, as a 重点任务 column merged before 序号
 * does), else first, and first too when chapter lines stand between the rows. A measure written
 * with its row's number (1.积极推进…) loses it to the column.
 */
export function withRowNumbers(
  lines: Line[],
  headerIndex: number,
  columns: Column[],
): { lines: Line[]; columns: Column[] } | undefined {
  if (columns.some((c) => c.kind === 'number')) return undefined;
  const below = lines.slice(headerIndex + 1);
  if (below.some((l) => l.text && (readRow(rowText(l), columns)?.number ?? 0) > 0))
    return undefined;
  // Chapter lines of their own between the rows (一、经济发展) make the chapters: the 序号 goes first.
  const chaptered = below.some((l) => l.text && !rowText(l).includes('\t') && readHeading(l.text));
  const firstNames =
    !chaptered && columns[0].kind === 'title' && columns.some((c) => c.kind === 'body');
  const at = firstNames ? 1 : 0;
  const withCell = (line: Line, cell: string, strip?: RegExp): Line => {
    const cells = rowText(line).split('\t');
    cells.splice(at, 0, cell);
    if (strip) cells[at + 1] = (cells[at + 1] ?? '').replace(strip, '');
    const full = cells.join('\t');
    const tabs = /^\t*/.exec(full)![0].length;
    const { tabs: _trimmed, ...rest } = line;
    return tabs ? { ...rest, text: full.slice(tabs), tabs } : { ...rest, text: full };
  };
  let n = 0;
  const rows = below.map((line) => {
    if (!line.text || !rowText(line).includes('\t')) return line;
    n++;
    return withCell(line, String(n), new RegExp(`^${n}[.、](?!\\d)\\s*`));
  });
  if (n === 0) return undefined;
  const header = withCell(lines[headerIndex], '序号');
  const numbered = classifyColumns(splitCells(header.text));
  return (
    numbered && { lines: [...lines.slice(0, headerIndex), header, ...rows], columns: numbered }
  );
}

/**
 * Where a table found at `headerIndex` ends: its last row. Paragraphs after it (closing words, a
 * signature, the rest of a plan whose table stands in the middle) are not the table's.
 */
export function findTableEnd(lines: Line[], headerIndex: number, columns: Column[]): number {
  let last = headerIndex;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].text && readRow(rowText(lines[i]), columns)) last = i;
  }
  return last;
}

/**
 * Cells a merged cell left blank when its table was pasted as text (the merged text stands in
 * its first row only) take the text above them: a row that names no unit at all takes the unit
 * columns of the row above, and a blank 牵头单位 beside the row's own 配合单位 the lead above (a
 * blank 配合单位 beside the row's own 牵头单位 stays blank: the task has no co-unit); a blank
 * 完成时限, 任务 (beside its own 具体措施) or 类别 takes the one above. A
 * cell that says "none" (无, —) is never filled. Rows are cells by column; `undefined` is a
 * section line, past which nothing is carried.
 */
export function carryDown(
  rows: (string[] | undefined)[],
  kinds: readonly string[],
): (string[] | undefined)[] {
  const at = (kind: string) => kinds.flatMap((k, i) => (k === kind ? [i] : []));
  const units = [...at('lead'), ...at('listed'), ...at('co')];
  const body = at('body');
  const carried = [...at('deadline'), ...at('section')];
  let above: string[] | undefined;
  return rows.map((row) => {
    if (!row) {
      above = undefined;
      return row;
    }
    const out = [...row];
    const blank = (i: number) => (out[i] ?? '').trim() === '';
    if (above) {
      const from = above;
      const fill = (i: number) => {
        if (blank(i) && !isNoneCell(from[i] ?? '')) out[i] = from[i] ?? '';
      };
      if (units.length > 0 && units.every(blank)) units.forEach(fill);
      // One 牵头单位 merged over tasks that each name their own 配合单位: theirs is the one above.
      else if (at('lead').length > 0 && at('lead').every(blank)) at('lead').forEach(fill);
      carried.forEach(fill);
      if (body.some((i) => !blank(i))) at('title').forEach(fill);
    }
    above = out;
    return out;
  });
}

/** A row's text with the blank cells its leading tabs stood for. */
function rowText(line: Line): string {
  return line.tabs ? '\t'.repeat(line.tabs) + line.text : line.text;
}

interface Row {
  number: number;
  numberText: string;
  /** The row's text in each column, by the header's column index ('' when blank). */
  texts: string[];
}

/** 1.2 (or 1.2.3): the second row under row 1. */
const DOTTED = /^(\d{1,3}(?:\.\d{1,3})?)\.([1-9]\d{0,2})$/;

/** A row's 序号 (3, 三, the 2 of 1.2) without its 、 or ., or undefined when the cell holds none. */
function rowNumber(text: string): number | undefined {
  // 1* or 1★: a mark on the rows a table singles out (the tasks the city leads).
  const bare = text.replace(/[.、]$/, '').replace(/[*★☆]+$/, '');
  const dotted = DOTTED.exec(bare);
  if (dotted) return Number(dotted[2]);
  return /^\d{1,3}$/.test(bare) ? Number(bare) : parseChineseNumeral(bare) || undefined;
}

/** The 序号 a dotted one stands under: 1 for 1.2, 1.2 for 1.2.3. */
function parentNumber(numberText: string): string | undefined {
  return DOTTED.exec(numberText)?.[1];
}

/** 序号 is mostly first; a 类别 merged over the rows may stand before it. */
function numberColumn(columns: Column[]): number {
  return Math.max(
    0,
    columns.findIndex((c) => c.kind === 'number'),
  );
}

function readRow(text: string, columns: Column[]): Row | undefined {
  const cells = splitCells(text);
  // Trimming the line loses a tab row's trailing empty cells: they are empty, not missing.
  if (text.includes('\t')) while (cells.length < columns.length) cells.push('');
  if (cells.length < 2) return undefined;
  const at = numberColumn(columns);
  const numberText = (cells[at] ?? '').replace(/[.、]$/, '');
  // A blank 序号 in a tab row with text: the number was merged over this row and the one above.
  const filled = cells.filter(Boolean);
  const heading = filled.length === 1 ? readHeading(filled[0]) : undefined;
  if (numberText === '' && text.includes('\t') && filled.length > 0 && !heading) {
    return { number: 0, numberText, texts: cells.slice(0, Math.max(columns.length, 1)) };
  }
  const number = rowNumber(numberText);
  if (!number) return undefined;
  if (cells.length === columns.length) return { number, numberText, texts: cells };
  // Runs of spaces swallow empty cells. Blank last cells (备注) leave the rest in place: read so
  // when every cell fits its column (a date under 完成时限, units under 责任单位).
  const fits = (cell: string, c: Column) =>
    c.kind === 'deadline'
      ? DEADLINE_LIKE.test(cell) && !looksLikeUnitList(cell)
      : UNIT_COLUMNS.includes(c.kind)
        ? looksLikeUnitList(cell) || isNoneCell(cell)
        : true;
  if (cells.length < columns.length && cells.every((cell, i) => fits(cell, columns[i]))) {
    return { number, numberText, texts: columns.map((_, i) => cells[i] ?? '') };
  }
  // Otherwise place the rest by what each cell looks like.
  const index = (c: Column | undefined) => (c ? columns.indexOf(c) : -1);
  const title = index(columns.find((c) => c.kind === 'title'));
  if (title < 0 || at > 0) return undefined;
  const texts = columns.map(() => '');
  texts[0] = cells[0];
  texts[title] = cells[1];
  const unitColumns = columns.filter((c) => UNIT_COLUMNS.includes(c.kind)).map(index);
  const deadline = index(columns.find((c) => c.kind === 'deadline'));
  const body = index(columns.find((c) => c.kind === 'body'));
  for (const cell of cells.slice(2)) {
    if (deadline >= 0 && DEADLINE_LIKE.test(cell) && !looksLikeUnitList(cell))
      texts[deadline] = cell;
    else if (unitColumns.length > 0 && looksLikeUnitList(cell)) texts[unitColumns.shift()!] = cell;
    else if (body >= 0) texts[body] = texts[body] ? `${texts[body]} ${cell}` : cell;
    else return undefined;
  }
  return { number, numberText, texts };
}

type Entry =
  | { type: 'row'; row: Row; line: Line }
  | { type: 'heading'; line: Line; heading: Heading }
  | { type: 'under'; line: Line; under: NonNullable<DraftNode['under']> }
  | { type: 'other'; line: Line };

/** 一 or (一) standing in the 序号 cell of an Excel table's chapter row. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]{1,3}|\([一二三四五六七八九十]{1,3}\))[、.]?$/;

/**
 * A row whose 序号 is 一 or (一) and which names nothing but its title (no unit, no time): a
 * chapter line that an Excel table keeps in its columns (`一\t健全依法决策机制\t\t`).
 */
function readSectionRow(line: Line, columns: Column[]): Heading | undefined {
  const cells = splitCells(rowText(line));
  const at = numberColumn(columns);
  const number = (cells[at] ?? '').trim();
  if (!SECTION_NUMBER.test(number)) return undefined;
  const filled = cells.flatMap((c, i) => (i !== at && c.trim() ? [i] : []));
  if (filled.length !== 1) return undefined;
  const kind = columns[filled[0]]?.kind;
  if (!kind || namesUnitOrTime(kind)) return undefined;
  const bare = number.replace(/[、.]$/, '');
  const paren = bare.startsWith('(');
  const numberText = paren ? bare.slice(1, -1) : bare;
  return {
    style: paren ? 'paren' : 'dun',
    number: parseChineseNumeral(numberText) ?? 0,
    numberText,
    rest: cells[filled[0]].trim(),
  };
}

export function buildTableOutline(lines: Line[], headerIndex: number, columns: Column[]): Outline {
  const { front, ignored } = readFront(lines.slice(0, headerIndex));
  const entries: Entry[] = [];
  const body = lines.slice(headerIndex + 1);
  // Only beside rows numbered 1, 2: where 一, 二 number the tasks, a row of a title alone is a
  // task whose units and time were merged into the row above.
  const at = numberColumn(columns);
  const arabic = body.some((l) => /^\d/.test(splitCells(rowText(l))[at] ?? ''));
  const sectionRows = new Map(
    body.flatMap((line) => {
      const row = arabic && line.text ? readSectionRow(line, columns) : undefined;
      return row ? [[line, row] as const] : [];
    }),
  );
  // 一 rows with (一) rows under them: the 一 rows are the chapters, a (一) heads its items.
  const styles = new Set([...sectionRows.values()].map((r) => r.style));
  for (const line of body) {
    if (!line.text) continue;
    if (isChrome(line.text) || readTableHeader(line.text)) {
      // Tables that span pages repeat their header.
      ignored.push({ line: line.no, text: line.text });
      continue;
    }
    const sectionRow = sectionRows.get(line);
    if (sectionRow?.style === 'paren' && styles.has('dun')) {
      const { numberText, rest: title } = sectionRow;
      entries.push({ type: 'under', line, under: { numberText, title, line: line.no } });
      continue;
    }
    if (sectionRow) {
      entries.push({ type: 'heading', line, heading: sectionRow });
      continue;
    }
    const row = readRow(rowText(line), columns);
    // A 合计 or 小计 row counts the rows above; it is no task (合计 in the 序号 cell is no row).
    if (row && row.texts.some((t) => TOTAL.test(t))) {
      ignored.push({ line: line.no, text: line.text });
      continue;
    }
    if (row) {
      entries.push({ type: 'row', row, line });
      continue;
    }
    const heading = readHeading(line.text);
    const isSection = heading && heading.style !== 'arabic' && splitCells(line.text).length === 1;
    entries.push(isSection ? { type: 'heading', line, heading } : { type: 'other', line });
  }
  const kinds = columns.map((c) => c.kind);
  // Stray paragraphs between rows neither carry nor stop a merged cell.
  const structural = entries.filter((e) => e.type !== 'other');
  const carried = carryDown(
    structural.map((e) => (e.type === 'row' ? e.row.texts : undefined)),
    kinds,
  );
  const filled = new Map(structural.map((e, i) => [e, carried[i]]));
  const sectionColumn = kinds.indexOf('section');
  const sections: DraftSection[] = [];
  const orphans: Paragraph[] = [];
  let section: DraftSection | undefined;
  let named: string | undefined;
  const rowTexts = new Map<DraftNode, string[]>();
  /** Rows that name a unit or a time in their own cells. */
  const ownCells = new Set<DraftNode>();
  /*
   * Rows under a merged 序号 (and 重点任务) are measures of the task above: the task's own row
   * becomes its first measure, each such row the next, each with its own units and deadline.
   */
  const addMeasure = (
    item: DraftNode,
    texts: string[],
    cols: Column[],
    line: Line,
    ownRowIsMeasure: boolean,
  ) => {
    if (item.tasks.length === 0 && !ownRowIsMeasure) {
      // Only a title over its measures: what the row took from the row above is not its own.
      item.unitCells = [];
      item.deadlineCells = [];
    } else if (item.tasks.length === 0) {
      const own = rowTexts.get(item)!;
      const first = measureNode(own, cols, item.line, 1);
      if (first.parts.length > 0) {
        item.tasks.push(first);
        const title = cols.findIndex((c) => c.kind === 'title');
        item.parts =
          title >= 0 && own[title] ? [part(item.line, own[title])] : item.parts.slice(0, 1);
        item.unitCells = [];
        item.deadlineCells = [];
      }
    }
    item.tasks.push(measureNode(texts, cols, line.no, item.tasks.length + 1));
  };
  let under: DraftNode['under'];
  entries.forEach((entry) => {
    const { line } = entry;
    if (entry.type === 'heading') {
      named = undefined;
      under = undefined;
      sections.push((section = draftSection(entry.heading, line.no)));
      return;
    }
    if (entry.type === 'under') {
      under = entry.under;
      return;
    }
    if (entry.type === 'row') {
      const texts = filled.get(entry)!;
      // A 类别 column names the chapter: a new name starts one.
      const category = sectionColumn >= 0 ? texts[sectionColumn].trim() : '';
      if (category && category !== named) {
        named = category;
        const heading = readHeading(category);
        const number = heading?.style === 'dun' ? heading.number : sections.length + 1;
        const rest = heading?.style === 'dun' ? heading.rest : category;
        const numberText = toChineseNumeral(number);
        sections.push((section = draftSection({ number, numberText, rest }, line.no)));
      }
      const previous = section?.items[section.items.length - 1];
      if (entry.row.number === 0) {
        if (previous) {
          addMeasure(previous, texts, columns, line, true);
          return;
        }
        orphans.push({ line: line.no, text: line.text });
        return;
      }
      const parent = parentNumber(entry.row.numberText);
      if (parent !== undefined && previous?.numberText === parent) {
        // Row 1 names the task, 1.1 and 1.2 its measures; a row 1 with no unit or time of its own
        // (written in it, not carried down from the row above) is only their title.
        addMeasure(previous, texts, columns, line, ownCells.has(previous));
        return;
      }
      if (!section) sections.push((section = implicitSection(line.no)));
      // Under 一、 the rows 1.1, 1.2 are its items 1 and 2; without chapter lines 2.1 follows 1.2.
      const number = parent === undefined ? entry.row.number : (previous?.number ?? 0) + 1;
      const node = rowNode({ ...entry.row, number, texts }, columns, line);
      if (under) node.under = under;
      if (columns.some((c, i) => namesUnitOrTime(c.kind) && entry.row.texts[i]?.trim())) {
        ownCells.add(node);
      }
      rowTexts.set(node, texts);
      section.items.push(node);
      return;
    }
    if (section && section.items.length === 0)
      section.intro.push({ line: line.no, text: line.text });
    else orphans.push({ line: line.no, text: line.text });
  });
  return { layout: 'table', front, sections, ...splitClosing(sections, orphans), ignored };
}

/** One measure of a task: its 具体措施 (else its task text), units and deadline. */
function measureNode(texts: string[], columns: Column[], line: number, number: number): DraftNode {
  const hasBody = columns.some((c, i) => c.kind === 'body' && texts[i]?.trim());
  const kept = columns.map((c, i) =>
    c.kind === 'number' || c.kind === 'section' || (hasBody && c.kind === 'title') ? '' : texts[i],
  );
  const node = rowNode({ number, numberText: String(number), texts: kept }, columns, {
    no: line,
    text: kept.filter(Boolean).join(' '),
  });
  return node;
}

/** A person's name: two to four characters, no unit, place or role word in them (各乡镇(街道), 牵头). */
const PERSON = /^[\u4e00-\u9fa5]{2,4}$/;
const NOT_PERSON =
  /街道|社区|乡|镇|村|[省市县区州]|办|组|部门|单位|牵头|配合|负责|协|参与|主责|主办|等/;

/**
 * A 责任单位及责任人 cell without its people: `县财政局 王明`, `县财政局（王明）`, `县财政局/王明`,
 * `县财政局王明` give 县财政局. A piece that ends in a unit word or names a group stays.
 */
function withoutPeople(cell: string): string {
  const isPerson = (name: string) =>
    PERSON.test(name) &&
    !NOT_PERSON.test(name) &&
    !endsWithUnitSuffix(name) &&
    !isGroupPhrase(name);
  // A name run onto its unit (县财政局王明): the unit ends in a unit word, the name is 2–3 characters.
  const unitOf = (piece: string): string | undefined => {
    for (const n of [2, 3]) {
      const unit = piece.slice(0, -n);
      if (unit.length > 1 && endsWithUnitSuffix(unit) && isPerson(piece.slice(-n))) return unit;
    }
    return undefined;
  };
  return (
    foldWidth(cell)
      .replace(/\(([^()]*)\)/g, (whole, inner: string) => (isPerson(inner.trim()) ? '' : whole))
      // Each name in place, so the separators and roles between them stay (X牵头,Y配合).
      .replace(/[^、,;/\s]+/g, (piece) => (isPerson(piece) ? '' : (unitOf(piece) ?? piece)))
      .replace(/([、,;/\s])[、,;/\s]+/g, '$1')
      .replace(/^[、,;/\s]+|[、,;/\s]+$/g, '')
  );
}

function rowNode(row: Row, columns: Column[], line: Line) {
  const node = draftNode(line.text, row.number, row.numberText, line.no);
  const numberAt = numberColumn(columns);
  columns.forEach((column, i) => {
    const text = (row.texts[i] ?? '').trim();
    if (i === numberAt || !text || isNoneCell(text)) return;
    const label = LABEL_OF[column.kind];
    if (label) {
      // 责任单位及责任人: the people written beside the units are no units.
      const units = /责任人$/.test(headerName(column.name)) ? withoutPeople(text) : text;
      if (units) node.unitCells.push({ line: line.no, text: units, label });
    } else if (column.kind === 'deadline') {
      node.deadlineCells.push({ line: line.no, text: asDeadlineCell(text) });
    } else if (column.kind === 'title' || column.kind === 'body')
      node.parts.push(part(line.no, text));
    else if (column.kind === 'progress')
      node.notes.push({ line: line.no, text: `${headerName(column.name)}:${text}` });
    else if (column.kind !== 'section')
      node.parts.push(part(line.no, `${headerName(column.name)}:${text}`));
  });
  node.closed = true;
  return node;
}

/**
 * The task table in a text as a grid (header row first, a line between rows as a one-cell row),
 * with the paragraphs before and after it as written: for callers that keep a table as a model
 * (plan-import shows the columns and lets a person correct them). Rows split by runs of spaces
 * are placed by what each cell looks like, as the parser places them.
 */
export function findTextTable(
  text: string,
): { before: string[]; grid: string[][]; after: string[] } | undefined {
  const raw = text.replace(/^\uFEFF/, '').split(LINE_BREAK);
  const lines = joinQuotedCells(raw.map((l, i) => trimLine(foldWidth(l), i + 1)));
  const header = findTableHeader(lines);
  if (!header) return undefined;
  const end = findTableEnd(lines, header.index, header.columns);
  if (end === header.index) return undefined;
  const grid = [splitCells(lines[header.index].text)];
  for (const line of lines.slice(header.index + 1, end + 1)) {
    if (!line.text || readTableHeader(line.text)) continue;
    grid.push(readRow(rowText(line), header.columns)?.texts ?? [line.text]);
  }
  const width = Math.max(...grid.map((r) => r.length));
  return {
    before: raw.slice(0, lines[header.index].no - 1).filter((l) => l.trim()),
    grid: grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
    after: raw.slice(lines[end].no).filter((l) => l.trim()),
  };
}

/** A cell Excel put in quotes when it copied it: "含""双随机""检查" → 含"双随机"检查. */
function unquote(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')
    ? cell.slice(1, -1).replace(/""/g, '"')
    : cell;
}

/**
 * Word and browsers copy a cell holding line breaks without quotes, so one row of a pasted table
 * stands on several lines: `2\t推进管网建设\t区财政局` / `区经发局\t2024年12月底前`. A tab row with
 * fewer cells than the header is joined with the lines after it while they add up to no more
 * than the header's cells, each of them a tab line that starts no row (its first cell is text,
 * not a 序号 or a heading); the break inside the cell becomes a space. Left alone, the rest of
 * the row was dropped and the row took the unit and date of the row above.
 */
export function joinBrokenRows(lines: Line[], headerIndex: number, columns: number): Line[] {
  if (!lines[headerIndex].text.includes('\t')) return lines;
  const cellsOf = (l: Line) => (l.tabs ?? 0) + l.text.split('\t').length;
  // 2.压缩时限 continues a cell; a bare 3 or 三、 starts a row.
  const startsRow = (l: Line) => {
    const first = l.text.split('\t')[0].trim();
    return Boolean(l.tabs) || rowNumber(first) !== undefined || SECTION_NUMBER.test(first);
  };
  const out = lines.slice(0, headerIndex + 1);
  for (let i = headerIndex + 1; i < lines.length; i++) {
    let line = lines[i];
    let cells = line.text.includes('\t') ? cellsOf(line) : columns;
    while (cells < columns) {
      // Lines of the broken cell without a tab (its middle paragraphs), then the tab line that
      // goes on with the row's next cells: at most a few, and only if that line comes.
      let j = i + 1;
      while (
        j < lines.length &&
        j - i <= MAX_CELL_LINES &&
        lines[j].text &&
        !lines[j].text.includes('\t') &&
        !startsRow(lines[j])
      ) {
        j++;
      }
      const next = lines[j];
      if (!next || !next.text.includes('\t') || startsRow(next)) break;
      const total = cells + cellsOf(next) - 1;
      if (total > columns) break;
      line = {
        ...line,
        text: [line.text, ...lines.slice(i + 1, j + 1).map((l) => l.text)].join(' '),
      };
      cells = total;
      i = j;
    }
    out.push(line);
  }
  return out;
}

/** Lines a quoted cell may span before the quote is taken as an ordinary character. */
const MAX_CELL_LINES = 30;

/**
 * Excel copies a cell holding line breaks in quotes ("1.…" / "2.…"), so one row of a pasted
 * table stands on several lines: they are joined back (the breaks inside the cell become spaces)
 * when a tab row leaves a quoted cell open and a later line closes it.
 */
export function joinQuotedCells(lines: Line[]): Line[] {
  const tabbed = (l: Line) => Boolean(l.tabs) || l.text.includes('\t');
  if (!lines.some((l) => tabbed(l) && l.text.includes('"'))) return lines;
  const out: Line[] = [];
  // Lines a failed join looked at are not tried again: each line is scanned a bounded number of times.
  let triedUntil = -1;
  for (let i = 0; i < lines.length; i++) {
    if (i > triedUntil && tabbed(lines[i]) && opensQuote(lines[i].text, false)) {
      let text = lines[i].text;
      let inside = true;
      let j = i;
      while (inside && j + 1 < lines.length && j - i < MAX_CELL_LINES) {
        j++;
        text += ` ${lines[j].text}`;
        inside = opensQuote(lines[j].text, true);
      }
      if (!inside) {
        out.push({ ...lines[i], text });
        i = j;
        continue;
      }
      triedUntil = j;
    }
    out.push(lines[i]);
  }
  return out;
}

/**
 * Whether a tab row's text ends inside a quoted cell (a cell that starts with " and is not
 * closed), given whether it starts inside one (a line continuing a quoted cell).
 */
function opensQuote(text: string, startsInside: boolean): boolean {
  let inside = startsInside;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!inside) {
      if (ch === '"' && (i === 0 || text[i - 1] === '\t')) inside = true;
    } else if (ch === '"') {
      // Excel doubles a quote inside a cell; the closing one ends the cell (a tab or the line's
      // end follows). Any other quote is an ordinary character.
      if (text[i + 1] === '"') i++;
      else if (i + 1 === text.length || text[i + 1] === '\t') inside = false;
    }
  }
  return inside;
}
