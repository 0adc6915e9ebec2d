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
    return (cell.text ?? '').toString();
  } catch {
    return '';
  }
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
