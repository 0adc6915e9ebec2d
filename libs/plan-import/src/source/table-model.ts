import {
  carryDown,
  classifyColumns,
  columnKindOf,
  headerName,
  parseChineseNumeral,
  toChineseNumeral,
} from '@app/plan-parser';
import { COLUMN_KINDS, type TableColumnKind } from './column-kinds';

/*
 * One model for a task table however it arrived (a Word table, an Excel 任务分解表, tab-separated
 * text): the paragraphs around it, its columns with what each was read as, and its rows with
 * merged cells already spread over the rows they span. It is rendered as the tab-separated text
 * the parser's table layout reads, so units, deadlines and numbering follow the parser's rules.
 */

export { COLUMN_KIND_LABEL, COLUMN_KINDS, type TableColumnKind } from './column-kinds';

export interface TableColumn {
  /** 0-based position in the model (the key a mapping override refers to). */
  index: number;
  /** The header cell as written. */
  name: string;
  kind: TableColumnKind;
}

export type TableRow =
  | { type: 'row'; cells: string[]; where: string }
  /** A row spanning the table (`一、知识产权保护方面`): it starts a chapter. */
  | { type: 'section'; text: string; where: string }
  /** The start of a sheet: a chapter, unless a section column or row names the chapters. */
  | { type: 'sheet'; text: string; where: string };

export interface SourceTable {
  /** Paragraphs before the table: title, 文号, issuers, the notice. */
  before: string[];
  /** Paragraphs after it: closing words (确保…年底前全面完成), signature. */
  after: string[];
  columns: TableColumn[];
  rows: TableRow[];
  /** Where the table came from, for people: `Word 表格 1`, `工作表“重点任务”`. */
  sources: string[];
}

/** How far down a sheet or table the header row is looked for. */
const HEADER_SEARCH_ROWS = 10;
/** What a blank unit or deadline cell is rendered as: the parser reads it as "none" and does not fill it. */
const NONE = '—';

/**
 * Cells left blank by merged cells of a table that arrived as text (the parser's rule, see
 * carryDown): filled in the model, so the preview shows what each row was read with.
 */
export function fillMergedBlanks(table: SourceTable): void {
  const filled = carryDown(
    table.rows.map((r) => (r.type === 'row' ? r.cells : undefined)),
    table.columns.map((c) => c.kind),
  );
  table.rows.forEach((r, i) => {
    if (r.type === 'row') r.cells = filled[i]!;
  });
}

/**
 * The header row among the first rows of a grid: the first row the parser's column rules read
 * as a task table's header (it names a unit column and at least three known columns).
 */
export function findHeaderRow(
  grid: string[][],
): { index: number; columns: TableColumn[] } | undefined {
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    if (grid[i].map(headerName).filter(Boolean).length < 3) continue;
    const under = subHeader(grid[i], grid[i + 1]);
    const names = under ?? grid[i];
    const classified = classifyColumns(names.map((c) => headerName(c) || '—'));
    if (!classified) continue;
    const columns = names.map((name, index): TableColumn => ({
      index,
      name: name.replace(/\s+/g, ' ').trim(),
      // The parser promotes a lone 措施 column to the task: keep its reading.
      kind: columnKindOf(name) === 'other' ? 'other' : classified[index].kind,
    }));
    return { index: under ? i + 1 : i, columns };
  }
  return undefined;
}

/**
 * A header of two rows, 责任单位 over 牵头单位 | 配合单位: the row below names the unit columns
 * afresh (at least two) and repeats or leaves blank the others (cells merged down, or a heading
 * merged across that gave its text to its first column only). The columns take the lower names.
 * Without this the 配合单位 column, unnamed in the top row, was read as a remark.
 */
function subHeader(top: string[], below: string[] | undefined): string[] | undefined {
  if (!below) return undefined;
  let named = 0;
  const names = top.map((name, j) => {
    const sub = headerName(below[j] ?? '');
    if (!sub || sub === headerName(name)) return name;
    // Only under a unit heading or a blank (the rest of a heading merged across): a category
    // row (重点任务) under 序号 is the first chapter, not a column's name.
    const over = headerName(name);
    if (over && !UNIT_KINDS.includes(columnKindOf(over))) return undefined;
    if (!UNIT_KINDS.includes(columnKindOf(sub))) return undefined;
    named++;
    return below[j];
  });
  return named >= 2 && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

const UNIT_KINDS: string[] = ['lead', 'co', 'listed'];

/**
 * Adds the rows of one grid (a sheet, a Word table) below its header to the model, aligning its
 * columns with the model's by name (a later sheet may order or name them differently).
 */
export function appendGrid(
  table: SourceTable,
  grid: string[][],
  header: { index: number; columns: TableColumn[] },
  source: string,
  rowLabel: (rowIndex: number) => string,
): void {
  const position = header.columns.map((column) => {
    const sameKind = table.columns.filter((c) => c.kind === column.kind);
    const known =
      table.columns.find((c) => headerName(c.name) === headerName(column.name)) ??
      (column.kind !== 'other' && sameKind.length === 1 ? sameKind[0] : undefined);
    if (known) return known.index;
    const index = table.columns.length;
    table.columns.push({ ...column, index });
    return index;
  });
  table.sources.push(source);
  const numberColumn = header.columns.findIndex((c) => c.kind === 'number');
  for (let r = header.index + 1; r < grid.length; r++) {
    const raw = grid[r];
    const filled = raw.map((c) => c.trim()).filter(Boolean);
    if (filled.length === 0) continue;
    // A repeated header (a table split over pages) is not a row.
    if (findHeaderRow([raw])) continue;
    // A row of one cell spanning the table (its text in the first cell, or a 一、… heading) starts
    // a chapter; a lone 具体措施 under merged cells is a measure of the task above.
    const first = raw.findIndex((c) => c.trim());
    const spans = first === 0 || readHeadingStyle(filled[0]) !== undefined;
    if (filled.length === 1 && spans && !isNumber(raw[numberColumn] ?? '')) {
      table.rows.push({ type: 'section', text: filled[0], where: rowLabel(r) });
      continue;
    }
    const cells = new Array<string>(table.columns.length).fill('');
    raw.forEach((text, i) => {
      if (position[i] !== undefined) cells[position[i]] = text.trim();
    });
    table.rows.push({ type: 'row', cells, where: rowLabel(r) });
  }
}

/** `一、…`, `(一)…`, `第一部分…`: a chapter heading written in a row of its own. */
const readHeadingStyle = (text: string): string | undefined =>
  /^(?:[一二三四五六七八九十百]+[、.]|[(（][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十\d]+(?:部分|章))/.exec(
    text.trim(),
  )?.[0];

const isNumber = (text: string): boolean =>
  /^\d{1,3}[.、]?$/.test(text.trim()) || Boolean(parseChineseNumeral(text.trim()));

export interface ColumnOverride {
  index: number;
  kind: TableColumnKind;
}

/** The model's columns with a person's corrections applied (unknown indexes are refused). */
export function applyMapping(table: SourceTable, overrides: ColumnOverride[] = []): TableColumn[] {
  const columns = table.columns.map((c) => ({ ...c }));
  for (const o of overrides) {
    const column = columns[o.index];
    if (!column) {
      throw new RangeError(`表格没有第 ${o.index + 1} 列（共 ${columns.length} 列）`);
    }
    column.kind = o.kind;
  }
  return columns;
}

/** One cell's paragraphs as one line: unit lists by 、, other text by a space. */
function flatten(text: string, kind: TableColumnKind): string {
  const lines = text
    .split(/[\r\n\t]+/)
    .map((l) => l.replace(/\s{2,}/g, ' ').trim())
    .filter(Boolean);
  return lines.join(kind === 'lead' || kind === 'co' || kind === 'listed' ? '、' : ' ');
}

const isUnit = (kind: TableColumnKind) => kind === 'lead' || kind === 'co' || kind === 'listed';

/** The canonical header the parser's table layout reads; other columns keep a neutral name. */
const RENDERED: Partial<Record<TableColumnKind, string>> = {
  title: '任务',
  body: '主要内容',
  lead: '牵头单位',
  co: '配合单位',
  listed: '责任单位',
  deadline: '完成时限',
  progress: '推进情况',
};
/** The rendered columns in the order the kinds are listed. */
const RENDER_ORDER = COLUMN_KINDS.filter((k) => RENDERED[k] !== undefined);

/**
 * The table as the text the parser reads: the paragraphs before it, a header of canonical
 * column names, one tab-separated line per row (numbered straight through, since items are
 * numbered once per plan), a `一、…` line where a section starts, the paragraphs after it.
 */
export function renderTable(table: SourceTable, columns: TableColumn[]): string {
  const kinds = RENDER_ORDER.filter(
    (k) => k === 'title' || k === 'listed' || columns.some((c) => c.kind === k),
  );
  const others = columns.filter((c) => c.kind === 'other');
  // An 'other' column keeps its own name unless the parser would read that name as something else.
  const otherName = (c: TableColumn, i: number) =>
    columnKindOf(headerName(c.name)) === 'other' && headerName(c.name)
      ? headerName(c.name)
      : `备注${i + 1}`;
  const header = ['序号', ...kinds.map((k) => RENDERED[k]!), ...others.map(otherName)];
  const numberColumn = columns.find((c) => c.kind === 'number');
  const sectionColumn = columns.find((c) => c.kind === 'section');
  const numberOf = (r: TableRow | undefined) =>
    numberColumn && r?.type === 'row' ? (r.cells[numberColumn.index] ?? '').trim() : '';
  // Rows under one 序号 (merged: blank in pasted text, repeated in a Word or Excel grid) are
  // measures of one task: rendered without a number, the parser reads them as its tasks.
  const measure = new Set<TableRow>();
  let task = '';
  for (const r of table.rows) {
    if (r.type !== 'row') task = '';
    else if (task && (numberOf(r) === '' || numberOf(r) === task)) measure.add(r);
    else task = numberOf(r);
  }
  const dataRows = table.rows.filter((r) => r.type === 'row' && !measure.has(r));
  const written = dataRows.map((r) => (numberColumn ? Number(numberOf(r)) : NaN));
  // The table's own numbers when they rise straight through; else 1…N (they restart per sheet).
  const ownNumbers = written.every(
    (n, i) => Number.isInteger(n) && n > 0 && (i === 0 || n > written[i - 1]),
  );

  const lines = [...table.before, header.join('\t')];
  let sectionCount = 0;
  let section: string | undefined;
  let n = 0;
  const startSection = (text: string) => {
    sectionCount++;
    const numbered = /^[一二三四五六七八九十百]+[、.]/.test(text);
    lines.push(numbered ? text : `${toChineseNumeral(sectionCount)}、${text}`);
  };
  table.rows.forEach((row, i) => {
    if (row.type === 'sheet') {
      const next = table.rows[i + 1];
      const named =
        next?.type === 'section' ||
        (next?.type === 'row' && sectionColumn !== undefined && next.cells[sectionColumn.index]);
      if (!named) {
        startSection(flatten(row.text, 'section'));
        section = undefined;
      }
      return;
    }
    if (row.type === 'section') {
      startSection(flatten(row.text, 'section'));
      section = undefined;
      return;
    }
    const sectionText = sectionColumn ? flatten(row.cells[sectionColumn.index], 'section') : '';
    if (sectionText && sectionText !== section) {
      section = sectionText;
      startSection(sectionText);
    }
    const isMeasure = measure.has(row);
    const number = isMeasure ? '' : String(ownNumbers ? written[n] : n + 1);
    if (!isMeasure) n++;
    const cell = (kind: TableColumnKind) =>
      columns
        .filter((c) => c.kind === kind)
        .map((c) => flatten(row.cells[c.index] ?? '', kind))
        .filter(Boolean)
        .join(kind === 'lead' || kind === 'co' || kind === 'listed' ? '、' : ' ');
    const title = cell('title') || cell('body');
    const body = cell('title') ? cell('body') : '';
    // A blank unit or deadline cell is empty in the model (merged cells are already spread):
    // written as "none" so the parser does not fill it from the row above.
    const values = kinds.map((k) =>
      k === 'title'
        ? title
        : k === 'body'
          ? body
          : cell(k) || (k === 'deadline' || isUnit(k) ? NONE : ''),
    );
    const otherValues = others.map((c) => flatten(row.cells[c.index] ?? '', 'other'));
    lines.push([number, ...values, ...otherValues].join('\t'));
  });
  lines.push(...table.after);
  return lines.join('\n');
}
