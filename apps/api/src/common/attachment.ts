import { StreamableFile } from '@nestjs/common';

/** Content-Disposition with the Chinese file name (RFC 5987) and an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A file answer for a controller to return (no `@Res()`: Nest's interceptors, filters and
 * OpenAPI keep working). `disposition` comes from `attachment()`.
 */
export function download(body: Buffer | string, type: string, disposition: string): StreamableFile {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return new StreamableFile(bytes, { type, disposition, length: bytes.length });
}
