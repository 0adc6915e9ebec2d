import ExcelJS from 'exceljs';
import { chineseDate, workbookGrids } from './xlsx';

describe('dates in Excel cells', () => {
  const day = new Date(Date.UTC(2025, 5, 30));

  it.each([
    ['yyyy/m/d', '2025年6月30日'],
    ['yyyy"年"m"月"d"日"', '2025年6月30日'],
    ['yyyy"年"m"月"', '2025年6月'],
    ['mmm-yy', '2025年6月'],
    ['[$-804]yyyy"年"', '2025年'],
    ['', '2025年6月30日'],
  ])('writes a date shown as %s the way plans write it', (format, text) => {
    expect(chineseDate(day, format)).toBe(text);
  });

  it('reads date cells, typed or computed, by their format and leaves other cells as written', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('任务');
    sheet.addRow(['序号', '完成时限']);
    sheet.addRow([1, day]);
    sheet.getCell('B2').numFmt = 'yyyy"年"m"月"';
    sheet.addRow([2, { formula: 'DATE(2025,12,31)', result: new Date(Date.UTC(2025, 11, 31)) }]);
    sheet.getCell('B3').numFmt = 'yyyy/m/d';
    sheet.addRow([3, '2025年底前']);
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load((await book.xlsx.writeBuffer()) as ArrayBuffer);
    expect(workbookGrids(loaded)[0].grid).toEqual([
      ['序号', '完成时限'],
      ['1', '2025年6月'],
      ['2', '2025年12月31日'],
      ['3', '2025年底前'],
    ]);
  });
});
