import { docx, zip } from '../../../test/support/zip';
import { assertSafeZip, DEFAULT_ZIP_LIMITS, UnsafeZipError } from './safe-zip';

async function reason(buffer: Buffer, limits = DEFAULT_ZIP_LIMITS): Promise<string> {
  try {
    await assertSafeZip(buffer, limits);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeZipError);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    return (error as UnsafeZipError).reason;
  }
}

describe('assertSafeZip', () => {
  it('accepts an ordinary .docx and tells what it holds', async () => {
    const summary = await assertSafeZip(docx({ paragraphs: ['一、总体要求'] }));
    expect(summary.entries).toBe(3);
    expect(summary.names).toContain('word/document.xml');
  });

  it('refuses what is not a zip', async () => {
    expect(await reason(Buffer.from('PK\u0003\u0004 but not really a zip'))).toBe('not_zip');
    expect(await reason(Buffer.alloc(0))).toBe('not_zip');
  });

  it('refuses a 100 MB bomb from its directory, before inflating', async () => {
    const bomb = docx({ bombBytes: 100 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(300 * 1024);
    expect(await reason(bomb)).toBe('too_large');
  });

  it('refuses an entry over the per-entry limit, the total, the count and the ratio', async () => {
    const part = (name: string, size: number) => ({ name, content: Buffer.alloc(size, 0x41) });
    const small = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 1000, maxTotalBytes: 1500 };
    expect(await reason(zip([part('a', 1001)]), small)).toBe('too_large');
    expect(await reason(zip([part('a', 800), part('b', 800)]), small)).toBe('too_large');
    expect(
      await reason(zip([part('a', 1), part('b', 1), part('c', 1)]), { ...small, maxEntries: 2 }),
    ).toBe('too_many_entries');
    expect(await reason(zip([part('a', 2 * 1024 * 1024)]))).toBe('suspicious');
  });

  it('refuses an entry that inflates past the size its directory declares', async () => {
    const liar = zip([
      { name: 'word/document.xml', content: Buffer.alloc(50_000, 0x41), declaredSize: 10 },
    ]);
    expect(await reason(liar)).toBe('suspicious');
  });
});
