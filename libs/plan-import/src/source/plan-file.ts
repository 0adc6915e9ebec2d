import { readDocxHtml, readXlsxWorkbook } from './office-files';
import { docxBlocks, docxText } from './docx';
import { PlanFileError } from './plan-file-error';
import { findTextTable } from '@app/plan-parser';
import {
  appendGrid,
  fillMergedBlanks,
  applyMapping,
  type ColumnOverride,
  findHeaderRow,
  renderTable,
  type SourceTable,
  type TableColumn,
} from './table-model';
import { workbookGrids } from './xlsx';

/*
 * The one reader of plan files, for the API and the CLI alike: .txt in UTF-8 or GB18030, .docx,
 * .xlsx, and pasted text. A document whose tasks stand in a table keeps the table, so a person
 * can see (and correct) which column was read as what before the parser reads it.
 */

export interface PlanDocument {
  /** The text as read (what a plan without a task table is parsed from). */
  text: string;
  /** The task table, when the document has one. */
  table?: SourceTable;
}

/** What the parser reads, and for a table the column mapping it was read with. */
export interface PlanSource {
  text: string;
  columns?: TableColumn[];
}

export const PLAN_FILE_TYPES = ['txt', 'docx', 'xlsx'] as const;

/**
 * What to do with the formats offices also keep plans in: WPS's own (.wps, .et) and OFD, the
 * national format for issued documents, besides the old Word and Excel files and PDF.
 */
const SAVE_AS: Record<string, string> = {
  doc: '请在 Word 中另存为 .docx 后再上传',
  xls: '请在 Excel 中另存为 .xlsx 后再上传',
  wps: '请在 WPS 文字中另存为 .docx 后再上传',
  et: '请在 WPS 表格中另存为 .xlsx 后再上传',
  ofd: 'OFD 版式文件无法直接读取，请使用原始 Word 文档，或将正文复制后粘贴导入',
  pdf: 'PDF 无法直接读取，请使用原始 Word 文档，或将正文复制后粘贴导入',
};

/** Reads an uploaded or local file by its name's extension. */
export async function readPlanFile(buffer: Buffer, fileName: string): Promise<PlanDocument> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'txt' || extension === 'text') return readPlanText(decodeText(buffer));
  if (extension === 'docx') return readDocx(buffer);
  if (extension === 'xlsx') return readXlsx(buffer);
  const hint = SAVE_AS[extension ?? ''] ?? '请上传 .txt、.docx 或 .xlsx 文件';
  throw new PlanFileError('unsupported', `不支持的文件类型（${fileName}）：${hint}`);
}

/**
 * Text files from government offices are often saved in GB18030/GBK rather than UTF-8: a file
 * that is not valid UTF-8 is read as GB18030. The byte-order mark goes.
 */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
    } catch {
      throw new PlanFileError('unreadable', '文件既不是 UTF-8 也不是 GB18030 编码的文本');
    }
  }
}

const emptyTable = (): SourceTable => ({
  before: [],
  after: [],
  columns: [],
  rows: [],
  sources: [],
});

/**
 * Pasted or .txt text; a task table in it (copied out of Word or Excel: cells split by tabs or
 * runs of spaces), whole or after the prose of a notice, is kept as a table. It is found by the
 * parser's rules, and the cells its merged cells left blank are filled as the parser fills them.
 */
export function readPlanText(text: string): PlanDocument {
  const found = findTextTable(text);
  const header = found && findHeaderRow(found.grid);
  if (!found || !header) return { text };
  const table = emptyTable();
  table.before = found.before;
  table.after = found.after;
  appendGrid(table, found.grid, header, '粘贴的表格', (r) => `表格第 ${r + 1} 行`);
  fillMergedBlanks(table);
  return table.rows.some((r) => r.type === 'row') ? { text, table } : { text };
}

async function readDocx(buffer: Buffer): Promise<PlanDocument> {
  const blocks = docxBlocks(await readDocxHtml(buffer));
  const text = docxText(blocks);
  const table = emptyTable();
  let tableCount = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      (table.sources.length ? table.after : table.before).push(block.text);
      continue;
    }
    tableCount++;
    const header = findHeaderRow(block.grid);
    if (!header) {
      // A table that is not the task list (a signature block, a contact table) reads as text.
      const rows = block.grid.map((row) => row.filter(Boolean).join(' ')).filter(Boolean);
      (table.sources.length ? table.after : table.before).push(...rows);
      continue;
    }
    // Paragraphs between two task tables are section titles, not the closing words.
    for (const p of table.after.splice(0)) table.rows.push({ type: 'section', text: p, where: p });
    appendGrid(
      table,
      block.grid,
      header,
      `Word 表格 ${tableCount}`,
      (r) => `Word 表格 ${tableCount} 第 ${r + 1} 行`,
    );
  }
  return table.rows.length ? { text, table } : { text };
}

async function readXlsx(buffer: Buffer): Promise<PlanDocument> {
  const sheets = workbookGrids(await readXlsxWorkbook(buffer));
  const table = emptyTable();
  const found = sheets
    .map((sheet) => ({ sheet, header: findHeaderRow(sheet.grid) }))
    .filter((s) => s.header !== undefined);
  for (const { sheet, header } of found) {
    // Rows above the header are the sheet's title (XX任务分解表) and the like.
    const above = sheet.grid
      .slice(0, header!.index)
      .map((row) => row.filter(Boolean).join(' '))
      .filter(Boolean);
    if (!table.sources.length) table.before.push(...above);
    const where = `工作表“${sheet.name}”`;
    // Several sheets of tasks: each sheet may be a chapter (decided when rendered).
    if (found.length > 1) table.rows.push({ type: 'sheet', text: sheet.name, where });
    appendGrid(table, sheet.grid, header!, where, (r) => `${where}第 ${r + 1} 行`);
  }
  const text = sheets
    .flatMap((s) => s.grid.map((row) => row.join('\t').trimEnd()))
    .filter(Boolean)
    .join('\n');
  if (!table.rows.length) {
    throw new PlanFileError(
      'unreadable',
      '工作簿中没有找到任务表：请确认某个工作表的前几行有“序号、任务、牵头单位、责任单位、完成时限”等列名',
    );
  }
  return { text, table };
}

/** The text the parser reads: the table rendered with the (corrected) column mapping. */
export function renderPlanSource(doc: PlanDocument, overrides?: ColumnOverride[]): PlanSource {
  if (!doc.table) {
    if (overrides?.length) {
      throw new PlanFileError('unreadable', '该文本没有识别为表格，不能指定列的含义');
    }
    return { text: doc.text };
  }
  let columns: TableColumn[];
  try {
    columns = applyMapping(doc.table, overrides);
  } catch (error) {
    throw new PlanFileError('unreadable', (error as Error).message);
  }
  return { text: renderTable(doc.table, columns), columns };
}
