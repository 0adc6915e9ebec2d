import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

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
