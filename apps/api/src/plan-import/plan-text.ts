import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import mammoth from 'mammoth';
import { assertSafeZip, ZipLimits } from '@app/safe-zip';
import { uploadedName } from '../progress/file-types';

/** An upload as multer hands it over (memory storage). */
export interface UploadedPlanFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Plain text from a .txt or .docx upload. Text files from government offices are often saved
 * in GB18030/GBK rather than UTF-8, so a file that is not valid UTF-8 is read as GB18030.
 */
export async function extractPlanText(
  file: UploadedPlanFile,
  zipLimits: Partial<ZipLimits> = {},
): Promise<string> {
  const name = uploadedName(file.originalname);
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'txt') return decodeText(file.buffer);
  if (extension === 'docx') return readDocx(file.buffer, zipLimits);
  const hint =
    extension === 'doc' ? '请在 Word 中另存为 .docx 后再上传' : '请上传 .txt 或 .docx 文件';
  throw new UnsupportedMediaTypeException(`不支持的文件类型（${name}）：${hint}`);
}

export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
    } catch {
      throw new BadRequestException('文件既不是 UTF-8 也不是 GB18030 编码的文本');
    }
  }
}

async function readDocx(buffer: Buffer, zipLimits: Partial<ZipLimits>): Promise<string> {
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new UnsupportedMediaTypeException('文件扩展名是 .docx，但内容不是 Word 文档');
  }
  // mammoth unzips every part into memory: the archive's sizes are checked first (413/422).
  await assertSafeZip(buffer, zipLimits);
  try {
    return (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw new BadRequestException('无法读取该 .docx 文件，文件可能已损坏');
  }
}
