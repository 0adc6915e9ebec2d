import ExcelJS from 'exceljs';

export interface SheetColumn<R> {
  header: string;
  width: number;
  value: (row: R) => string | number | null;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The one place that knows the xlsx library (exceljs, unreleased since 2023: kept behind this
 * function so it can be swapped). A title row, a bold header row, then the rows, each numbered
 * in a first 序号 column as Chinese tables are.
 */
export async function writeSheet<R>(
  sheetName: string,
  title: string,
  columns: SheetColumn<R>[],
  rows: Iterable<R>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '落实 Luoshi';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = [{ width: 6 }, ...columns.map((c) => ({ width: c.width }))];
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, columns.length + 1);
  const header = sheet.addRow(['序号', ...columns.map((c) => c.header)]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  let index = 0;
  for (const row of rows) {
    const cells = [++index, ...columns.map((c) => c.value(row))];
    sheet.addRow(cells).alignment = { vertical: 'top', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
