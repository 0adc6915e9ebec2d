import { UnsupportedMediaTypeException } from '@nestjs/common';

interface FileType {
  contentType: string;
  /** The file's first bytes must be these (a renamed .exe is not a PDF). */
  magic?: number[];
  zip?: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The evidence a unit may attach: documents and pictures, checked by extension and content. */
const ALLOWED: Record<string, FileType> = {
  pdf: { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  gif: { contentType: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38] },
  webp: { contentType: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP,
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: ZIP,
  },
  txt: { contentType: 'text/plain; charset=utf-8' },
};

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

/** Multer hands over names as latin1; people name files in Chinese. */
export const uploadedName = (originalname: string): string =>
  Buffer.from(originalname, 'latin1').toString('utf8');

export function checkEvidence(name: string, content: Buffer): { contentType: string } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = ALLOWED[extension];
  const refuse = (why: string) =>
    new UnsupportedMediaTypeException(
      `${why}：只接受 ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join('、')} 文件`,
    );
  if (!type) throw refuse(`不接受的文件类型（${name}）`);
  if (type.magic && !type.magic.every((byte, i) => content[i] === byte)) {
    throw refuse(`文件内容与扩展名 .${extension} 不符（${name}）`);
  }
  if (!type.magic && content.includes(0)) throw refuse(`${name} 不是文本文件`);
  return { contentType: type.contentType };
}
