import { isChrome } from './chrome';
import { readHeading } from './headings';
import type { Line } from './normalise';
import { parseChineseNumeral } from './numerals';
import {
  type DraftSection,
  draftNode,
  draftSection,
  implicitSection,
  type Outline,
  part,
  readFront,
  splitClosing,
} from './outline';
import type { Paragraph } from './types';
import { looksLikeUnitList } from './units/blocks';
import type { Label } from './units/unit-list';

/*
 * Task tables flattened to text (a 任务分工表 copied out of Word or a web page): a header row of
 * column names, then one row per task, cells separated by tabs, `|`, or runs of spaces. Rows
 * become items; a line holding only `一、…` between rows starts a section. The text before the
 * header is the preface.
 */

export type ColumnKind =
  'number' | 'title' | 'body' | 'lead' | 'listed' | 'co' | 'deadline' | 'other';

export interface Column {
  kind: ColumnKind;
  name: string;
}

const COLUMN_KINDS: [ColumnKind, RegExp][] = [
  ['number', /^(?:序号|编号|序)$/],
  ['lead', /^(?:牵头|主责|主办)(?:单位|部门)$/],
  ['co', /^(?:配合|协办|参与)(?:单位|部门)$/],
  ['listed', /^(?:责任|承办|落实)(?:单位|部门|主体)$/],
  ['deadline', /时限|时间|期限|节点/],
  ['title', /^(?:重点|主要|工作|具体)?(?:任务|事项|项目)(?:名称)?$/],
  ['body', /措施|内容|要求|举措|目标/],
];
const UNIT_COLUMNS: ColumnKind[] = ['lead', 'listed', 'co'];
const LABEL_OF: Partial<Record<ColumnKind, Label>> = { lead: 'lead', co: 'co', listed: 'listed' };
const DEADLINE_LIKE = /\d{4}年|年底|年内|月底|季度|上半年|下半年|长期|持续|每年|常态|前$/;

export function splitCells(text: string): string[] {
  if (text.includes('\t')) return text.split('\t').map((c) => c.trim());
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
  if (!/单位|部门/.test(text) || !/\t| {2}|\|/.test(text)) return undefined;
  return classifyColumns(splitCells(text));
}

/** What a header cell names: the one place column names are read, for text and for tables. */
export function columnKindOf(name: string): ColumnKind {
  const hit = COLUMN_KINDS.find(([, pattern]) => pattern.test(name));
  return hit ? hit[0] : 'other';
}

/**
 * The columns of a header row given as cells (a row of a Word or Excel table, or a text line
 * split into cells), or undefined when the row is not a task table's header.
 */
export function classifyColumns(cells: string[]): Column[] | undefined {
  if (cells.length < 3) return undefined;
  const columns = cells.map((name): Column => ({ kind: columnKindOf(name), name }));
  if (!columns.some((c) => UNIT_COLUMNS.includes(c.kind))) return undefined;
  if (columns.filter((c) => c.kind !== 'other').length < 3) return undefined;
  // A table with only a 措施 column uses it as the task.
  const body = columns.find((c) => c.kind === 'body');
  if (!columns.some((c) => c.kind === 'title') && body) body.kind = 'title';
  return columns;
}

export function findTableHeader(lines: Line[]): { index: number; columns: Column[] } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const columns = readTableHeader(lines[i].text);
    if (columns) return { index: i, columns };
  }
  return undefined;
}

interface Row {
  number: number;
  numberText: string;
  cells: { column: Column; text: string }[];
}

function readRow(text: string, columns: Column[]): Row | undefined {
  const cells = splitCells(text);
  // Trimming the line loses a tab row's trailing empty cells: they are empty, not missing.
  if (text.includes('\t')) while (cells.length < columns.length) cells.push('');
  if (cells.length < 2) return undefined;
  const numberText = cells[0].replace(/[.、]$/, '');
  const number = /^\d{1,3}$/.test(numberText)
    ? Number(numberText)
    : parseChineseNumeral(numberText);
  if (!number) return undefined;
  if (cells.length === columns.length) {
    return {
      number,
      numberText,
      cells: cells.map((t, i) => ({ column: columns[i], text: t })).slice(1),
    };
  }
  // Runs of spaces swallow empty cells: place the rest by what each cell looks like.
  const title = columns.find((c) => c.kind === 'title');
  if (!title) return undefined;
  const placed: Row['cells'] = [{ column: title, text: cells[1] }];
  const unitColumns = columns.filter((c) => UNIT_COLUMNS.includes(c.kind));
  const deadline = columns.find((c) => c.kind === 'deadline');
  const body = columns.find((c) => c.kind === 'body');
  for (const cell of cells.slice(2)) {
    if (deadline && DEADLINE_LIKE.test(cell) && !looksLikeUnitList(cell))
      placed.push({ column: deadline, text: cell });
    else if (unitColumns.length > 0 && looksLikeUnitList(cell))
      placed.push({ column: unitColumns.shift()!, text: cell });
    else if (body) placed.push({ column: body, text: cell });
    else return undefined;
  }
  return { number, numberText, cells: placed };
}

export function buildTableOutline(lines: Line[], headerIndex: number, columns: Column[]): Outline {
  const { front, ignored } = readFront(lines.slice(0, headerIndex));
  const sections: DraftSection[] = [];
  const orphans: Paragraph[] = [];
  let section: DraftSection | undefined;
  for (const line of lines.slice(headerIndex + 1)) {
    if (!line.text) continue;
    if (isChrome(line.text) || readTableHeader(line.text)) {
      // Tables that span pages repeat their header.
      ignored.push({ line: line.no, text: line.text });
      continue;
    }
    const row = readRow(line.text, columns);
    if (row) {
      if (!section) sections.push((section = implicitSection(line.no)));
      section.items.push(rowNode(row, line));
      continue;
    }
    const heading = readHeading(line.text);
    if (heading && heading.style !== 'arabic' && splitCells(line.text).length === 1) {
      sections.push((section = draftSection(heading, line.no)));
      continue;
    }
    if (section && section.items.length === 0)
      section.intro.push({ line: line.no, text: line.text });
    else orphans.push({ line: line.no, text: line.text });
  }
  return { layout: 'table', front, sections, ...splitClosing(sections, orphans), ignored };
}

function rowNode(row: Row, line: Line) {
  const node = draftNode(line.text, row.number, row.numberText, line.no);
  for (const { column, text } of row.cells) {
    if (!text) continue;
    const label = LABEL_OF[column.kind];
    if (label) node.unitCells.push({ line: line.no, text, label });
    else if (column.kind === 'deadline') node.deadlineCells.push({ line: line.no, text });
    else if (column.kind === 'title' || column.kind === 'body')
      node.parts.push(part(line.no, text));
    else node.parts.push(part(line.no, `${column.name}:${text}`));
  }
  node.closed = true;
  return node;
}
