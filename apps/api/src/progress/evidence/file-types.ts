import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { assertSafeZip, ZipLimits } from '@app/safe-zip';

interface FileType {
  contentType: string;
  /** Does the content look like this type? (A renamed .exe is not a PDF.) */
  looksRight: (content: Buffer) => boolean;
  /**
   * A ZIP container: its directory is read through libs/safe-zip (sizes, ratio, entry count)
   * before it is stored; `mustHold` names an entry the container must have (OFD.xml for .ofd).
   */
  archive?: { mustHold?: string };
}

const startsWith =
  (...bytes: number[]) =>
  (content: Buffer): boolean =>
    content.length >= bytes.length && bytes.every((byte, i) => content[i] === byte);
const ascii = (content: Buffer, offset: number, text: string): boolean =>
  content.subarray(offset, offset + text.length).toString('latin1') === text;

/**
 * docx and xlsx are ZIP packages; a ZIP stores each entry's name in plain bytes, so a Word file
 * names `word/…` entries and a workbook `xl/…` ones, both beside `[Content_Types].xml`.
 */
const officePackage =
  (folder: string) =>
  (content: Buffer): boolean =>
    startsWith(0x50, 0x4b, 0x03, 0x04)(content) &&
    content.includes('[Content_Types].xml', 0, 'latin1') &&
    content.includes(`${folder}/`, 0, 'latin1');

const ZIP = startsWith(0x50, 0x4b, 0x03, 0x04);

/**
 * .doc, .xls and .wps (Kingsoft WPS 文字) are OLE2 compound files (magic D0 CF 11 E0 A1 B1 1A E1).
 * The directory names its streams in UTF-16LE: a Word document holds `WordDocument`, a workbook
 * `Workbook` (`Book` before Excel 97), so a workbook renamed .doc is still told apart.
 */
const OLE2 = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const oleStream =
  (...names: string[]) =>
  (content: Buffer): boolean =>
    OLE2(content) && names.some((n) => content.includes(Buffer.from(n, 'utf16le')));

/** Plain text: no NUL bytes, and valid UTF-8 (what people type in Chinese). */
function isText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

const JPEG: FileType = { contentType: 'image/jpeg', looksRight: startsWith(0xff, 0xd8, 0xff) };

/** The evidence a unit may attach: documents and pictures, checked by extension and content. */
const ALLOWED: Record<string, FileType> = {
  pdf: { contentType: 'application/pdf', looksRight: (c) => ascii(c, 0, '%PDF-') },
  png: {
    contentType: 'image/png',
    looksRight: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  jpg: JPEG,
  jpeg: JPEG,
  gif: {
    contentType: 'image/gif',
    looksRight: (c) => ascii(c, 0, 'GIF87a') || ascii(c, 0, 'GIF89a'),
  },
  webp: {
    contentType: 'image/webp',
    looksRight: (c) => ascii(c, 0, 'RIFF') && ascii(c, 8, 'WEBP'),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    looksRight: officePackage('word'),
    archive: { mustHold: '[Content_Types].xml' },
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    looksRight: officePackage('xl'),
    archive: { mustHold: '[Content_Types].xml' },
  },
  txt: { contentType: 'text/plain; charset=utf-8', looksRight: isText },
  doc: { contentType: 'application/msword', looksRight: oleStream('WordDocument') },
  xls: { contentType: 'application/vnd.ms-excel', looksRight: oleStream('Workbook', 'Book') },
  // WPS 文字 writes several stream layouts over the years; any compound file is taken.
  wps: { contentType: 'application/vnd.ms-works', looksRight: OLE2 },
  // OFD (GB/T 33190) is a ZIP package whose root holds OFD.xml.
  ofd: {
    contentType: 'application/ofd',
    looksRight: (c) => ZIP(c) && c.includes('OFD.xml', 0, 'latin1'),
    archive: { mustHold: 'OFD.xml' },
  },
  zip: { contentType: 'application/zip', looksRight: ZIP, archive: {} },
};

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

/** Multer hands over names as latin1; people name files in Chinese. A NUL is refused (400). */
export function uploadedName(originalname: string): string {
  const name = Buffer.from(originalname, 'latin1').toString('utf8');
  if (name.includes('\u0000')) throw new BadRequestException('file：文件名不能包含 NUL 字符');
  return name;
}

const extensionOf = (name: string): string =>
  /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const refuse = (why: string) =>
  new UnsupportedMediaTypeException(
    `${why}：只接受 ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join('、')} 文件`,
  );

/**
 * The whole check of an evidence file, bytes and (for ZIP containers: .docx, .xlsx, .ofd, .zip)
 * the archive's directory within the zip limits, before anything is stored. Throws 400/415, or
 * UnsafeZipError (413/422) for an archive over the limits.
 */
export async function checkEvidenceFile(
  name: string,
  content: Buffer,
  limits: Partial<ZipLimits>,
): Promise<{ contentType: string }> {
  const checked = checkEvidence(name, content);
  const archive = ALLOWED[extensionOf(name)].archive;
  if (archive) {
    const { names } = await assertSafeZip(content, limits);
    if (archive.mustHold && !names.includes(archive.mustHold)) {
      throw refuse(`${name} 缺少 ${archive.mustHold}，不是有效的 .${extensionOf(name)} 文件`);
    }
  }
  return checked;
}

/** The content type to store, or 415 naming what is accepted (400 for an empty file). */
export function checkEvidence(name: string, content: Buffer): { contentType: string } {
  const extension = extensionOf(name);
  const type = ALLOWED[extension];
  if (!type) throw refuse(`不接受的文件类型（${name}）`);
  if (!content.length) throw new BadRequestException(`file：${name} 是空文件`);
  if (!type.looksRight(content)) {
    throw refuse(
      extension === 'txt'
        ? `${name} 不是 UTF-8 文本文件`
        : `文件内容与扩展名 .${extension} 不符（${name}）`,
    );
  }
  return { contentType: type.contentType };
}
