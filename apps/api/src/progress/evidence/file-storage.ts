import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GoneException, StreamableFile } from '@nestjs/common';
import { attachment } from '../../common/attachment';

/** The row says a file exists but its bytes are gone (deleted by hand, a lost disk, a bad restore). */
export class StoredFileMissingError extends Error {
  constructor(
    readonly key: string,
    readonly location: string,
  ) {
    super(`stored file missing: ${location}`);
    this.name = 'StoredFileMissingError';
  }
}

/** Where evidence bytes live: outside the database, behind this seam (a local folder today). */
export abstract class FileStorage {
  abstract put(content: Buffer): Promise<{ key: string; sha256: string }>;
  abstract get(key: string): Promise<Buffer>;
  abstract remove(key: string): Promise<void>;

  /**
   * Stores the bytes, then `record`s them (their row, in a transaction); when the record fails
   * the bytes go again, so the storage never keeps a file that no row names.
   */
  async storeThenRecord<T>(
    content: Buffer,
    record: (stored: { key: string; sha256: string }) => Promise<T>,
  ): Promise<T> {
    const stored = await this.put(content);
    try {
      return await record(stored);
    } catch (error) {
      await this.remove(stored.key);
      throw error;
    }
  }

  /**
   * A stored file as its download. The caller did nothing wrong when the bytes are gone: that
   * is said (410) and left in the log for whoever runs the server.
   */
  async download(
    file: { id: string; fileName: string; contentType: string; storageKey: string },
    log: (message: string) => void,
  ): Promise<StreamableFile> {
    let content: Buffer;
    try {
      content = await this.get(file.storageKey);
    } catch (error) {
      if (!(error instanceof StoredFileMissingError)) throw error;
      log(`附件 ${file.id}（${file.fileName}）的内容不在存储中：${error.location}`);
      throw new GoneException('文件不可用：附件内容已丢失，请联系系统管理员');
    }
    return new StreamableFile(content, {
      type: file.contentType,
      disposition: attachment(file.fileName),
      length: content.length,
    });
  }
}

export class LocalFileStorage extends FileStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  // Keys are made here (date folder + random name), never from a user's file name.
  private path(key: string): string {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, key);
  }

  async put(content: Buffer): Promise<{ key: string; sha256: string }> {
    const now = new Date().toISOString();
    const key = `${now.slice(0, 4)}/${now.slice(5, 7)}/${randomUUID()}`;
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { flag: 'wx' });
    return { key, sha256: createHash('sha256').update(content).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    const path = this.path(key);
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StoredFileMissingError(key, path);
      }
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
