import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  linkSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every file under a folder, as paths relative to it. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * Adds to `dest` every file of `src` that `dest` lacks: a hard link when both are on one file
 * system (instant, and the bytes stay even if the file is deleted meanwhile), a copy otherwise.
 * Evidence files are written once and never changed, so a link is a snapshot.
 */
export function snapshotFiles(src: string, dest: string): number {
  let added = 0;
  for (const file of listFiles(src)) {
    const target = join(dest, file);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(src, file), target);
    } catch {
      try {
        copyFileSync(join(src, file), target);
      } catch (error) {
        // Deleted between the listing and the copy: the database dump decides whether it was
        // still needed, and the restore's check says so.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        continue;
      }
    }
    added += 1;
  }
  return added;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
