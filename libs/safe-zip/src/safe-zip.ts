import { promisify } from 'node:util';
import yauzl, { Entry, ZipFile } from 'yauzl';

/**
 * What an archive (.docx, .xlsx: both are ZIP packages) may unzip to before anything reads it.
 * mammoth and exceljs inflate every entry into memory; a 299 KB .docx that inflates to 100 MB
 * stopped the API. These limits are checked from the central directory first, then every entry
 * is inflated as a stream (bytes counted and thrown away) so an entry that lies about its size
 * is caught too, without holding it in memory and off the event loop (zlib runs in the pool).
 */
export interface ZipLimits {
  /** Sum of every entry's uncompressed size. */
  maxTotalBytes: number;
  /** One entry's uncompressed size. */
  maxEntryBytes: number;
  maxEntries: number;
  /** Uncompressed / compressed, per entry, for entries over `ratioFloorBytes`. */
  maxRatio: number;
  /** Small entries (styles, settings) may compress far better than text; they are not judged. */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntryBytes: 32 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** Why an archive was refused: `not_zip` (unreadable), `too_large` (sizes), `suspicious` (ratio). */
export type UnsafeZipReason = 'not_zip' | 'too_large' | 'too_many_entries' | 'suspicious';

/** Refused before unzipping; the message is for people (Chinese), the reason for code. */
export class UnsafeZipError extends Error {
  constructor(
    readonly reason: UnsafeZipReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeZipError';
  }
}

export interface ZipSummary {
  entries: number;
  totalBytes: number;
  names: string[];
}

const MB = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const fromBuffer = promisify(
  (buffer: Buffer, options: yauzl.Options, done: (err: Error | null, zip?: ZipFile) => void) =>
    yauzl.fromBuffer(buffer, options, (err, zip) => done(err ?? null, zip)),
);

/**
 * Reads the archive's directory and inflates each entry to count its bytes; throws
 * UnsafeZipError when it is not a ZIP or goes over a limit. Call it before handing the buffer to
 * any library that unzips (mammoth, exceljs, JSZip).
 */
export async function assertSafeZip(
  buffer: Buffer,
  overrides: Partial<ZipLimits> = {},
): Promise<ZipSummary> {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...overrides };
  let zip: ZipFile;
  try {
    zip = (await fromBuffer(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    })) as ZipFile;
  } catch {
    throw new UnsafeZipError('not_zip', '文件不是有效的 Office 文档（无法按 ZIP 格式读取）');
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new UnsafeZipError(
        'too_many_entries',
        `文档包含的部件太多（${zip.entryCount} 个，上限 ${limits.maxEntries} 个）`,
      );
    }
    const entries = await readDirectory(zip);
    checkDeclared(entries, limits);
    for (const entry of entries) await inflateAndCount(zip, entry, limits);
    return {
      entries: entries.length,
      totalBytes: entries.reduce((sum, e) => sum + e.uncompressedSize, 0),
      names: entries.map((e) => e.fileName),
    };
  } finally {
    zip.close();
  }
}

function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () =>
      reject(new UnsafeZipError('not_zip', '文件不是有效的 Office 文档（ZIP 目录已损坏）')),
    );
    zip.readEntry();
  });
}

/** The sizes the directory declares, checked before a single byte is inflated. */
function checkDeclared(entries: Entry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new UnsafeZipError(
        'too_large',
        `文档中的部件 ${entry.fileName} 解压后有 ${MB(entry.uncompressedSize)}，超过上限 ${MB(limits.maxEntryBytes)}`,
      );
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new UnsafeZipError(
        'too_large',
        `文档解压后超过 ${MB(limits.maxTotalBytes)} 的上限，不予读取`,
      );
    }
    if (
      entry.uncompressedSize > limits.ratioFloorBytes &&
      entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)
    ) {
      throw new UnsafeZipError(
        'suspicious',
        `文档中的部件 ${entry.fileName} 压缩比异常（超过 ${limits.maxRatio} 倍），疑似压缩炸弹，不予读取`,
      );
    }
  }
}

/** yauzl stops the stream when an entry inflates past its declared size (validateEntrySizes). */
function inflateAndCount(zip: ZipFile, entry: Entry, limits: ZipLimits): Promise<void> {
  if (entry.fileName.endsWith('/')) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const refuse = () =>
      reject(
        new UnsafeZipError('suspicious', `文档中的部件 ${entry.fileName} 已损坏或与声明的大小不符`),
      );
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return refuse();
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limits.maxEntryBytes) stream.destroy(new Error('over the limit'));
      });
      stream.once('error', refuse);
      stream.once('end', () => resolve());
    });
  });
}
