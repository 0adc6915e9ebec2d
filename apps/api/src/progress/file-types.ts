import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';

interface FileType {
  contentType: string;
  /** Does the content look like this type? (A renamed .exe is not a PDF.) */
  looksRight: (content: Buffer) => boolean;
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
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    looksRight: officePackage('xl'),
  },
  txt: { contentType: 'text/plain; charset=utf-8', looksRight: isText },
};

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

/** Multer hands over names as latin1; people name files in Chinese. A NUL is refused (400). */
export function uploadedName(originalname: string): string {
  const name = Buffer.from(originalname, 'latin1').toString('utf8');
  if (name.includes('\u0000')) throw new BadRequestException('file：文件名不能包含 NUL 字符');
  return name;
}

/** The content type to store, or 415 naming what is accepted (400 for an empty file). */
export function checkEvidence(name: string, content: Buffer): { contentType: string } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = ALLOWED[extension];
  const refuse = (why: string) =>
    new UnsupportedMediaTypeException(
      `${why}：只接受 ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join('、')} 文件`,
    );
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
