import type ExcelJS from 'exceljs';

/** Largest sheet read: a 任务分解表 has hundreds of rows, not hundreds of thousands. */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 60;

export interface SheetGrid {
  name: string;
  grid: string[][];
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    const value = cell.value;
    const date =
      value instanceof Date
        ? value
        : value && typeof value === 'object' && 'result' in value && value.result instanceof Date
          ? value.result
          : undefined;
    if (date) return chineseDate(date, cell.numFmt);
    return (cell.text ?? '').toString();
  } catch {
    return '';
  }
}

/**
 * A date typed into a 完成时限 cell is a day number shown through the cell's format; ExcelJS hands
 * it over as a Date whose own text ("Sun Jun 30 2024 00:00:00 GMT+0000 …") no reader of a plan
 * understands, so the deadline was lost. It is written the way the plans write dates, to the
 * precision its format shows: yyyy"年"m"月" is 2025年6月 (a month, read as its end), yyyy/m/d is
 * 2024年6月30日. Excel keeps the day at midnight UTC, whatever the machine's zone.
 */
export function chineseDate(date: Date, format = ''): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  // Quoted text, [colours] and escaped characters are no date fields.
  const fields = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (/y/i.test(fields) && !/d/i.test(fields)) return /m/i.test(fields) ? `${y}年${m}月` : `${y}年`;
  return `${y}年${m}月${d}日`;
}

/**
 * Every sheet as a grid of cell texts. A merged cell gives its text to every row it spans (a
 * 牵头单位 or 分类 merged down many rows belongs to each); across columns only the first keeps it.
 */
export function workbookGrids(workbook: ExcelJS.Workbook): SheetGrid[] {
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((sheet) => {
    const rows = Math.min(sheet.rowCount, MAX_ROWS);
    const columns = Math.min(sheet.columnCount, MAX_COLUMNS);
    const grid: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        const sameRow = master.address !== cell.address && Number(master.row) === r;
        cells.push(sameRow ? '' : cellText(master).trim());
      }
      grid.push(cells);
    }
    sheets.push({ name: sheet.name, grid });
  });
  return sheets;
}
