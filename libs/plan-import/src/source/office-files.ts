import { assertSafeZip } from '@app/safe-zip';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { PlanFileError } from './plan-file-error';
import { withNumberingWritten } from './word-numbering';

/*
 * Every .docx and .xlsx the import reads is opened here and nowhere else, so a check on the
 * zip itself (its entries and their unpacked sizes, against zip bombs) is wired in one place:
 * `openOfficeZip`.
 */

export type OfficeKind = 'docx' | 'xlsx';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const LABEL: Record<OfficeKind, string> = { docx: 'Word 文档', xlsx: 'Excel 工作簿' };

/** The one gate before an Office file is unpacked: it must be a zip (and, later, a sane one). */
export async function openOfficeZip(buffer: Buffer, kind: OfficeKind): Promise<Buffer> {
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new PlanFileError('unsupported', `文件扩展名是 .${kind}，但内容不是${LABEL[kind]}`);
  }
  // mammoth and exceljs unzip every part into memory: the archive's sizes are checked first
  // (UnsafeZipError: 413/422 in Chinese).
  await assertSafeZip(buffer);
  return buffer;
}

/** A Word document as mammoth's HTML (paragraphs and tables, merged cells as row/colspan). */
export async function readDocxHtml(buffer: Buffer): Promise<string> {
  const zip = await openOfficeZip(buffer, 'docx');
  try {
    return (await mammoth.convertToHtml({ buffer: await withNumberingWritten(zip) })).value;
  } catch {
    throw new PlanFileError('unreadable', '无法读取该 .docx 文件，文件可能已损坏');
  }
}

/** An Excel workbook, every sheet loaded. */
export async function readXlsxWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const zip = await openOfficeZip(buffer, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its load() argument as its own Buffer shape.
    await workbook.xlsx.load(zip as unknown as ArrayBuffer);
  } catch {
    throw new PlanFileError('unreadable', '无法读取该 .xlsx 文件，文件可能已损坏');
  }
  return workbook;
}
