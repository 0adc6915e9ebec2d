import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line, parsed, for a test to read. */
export class LogCapture implements DestinationStream {
  readonly lines: Array<Record<string, unknown>> = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim()) this.lines.push(JSON.parse(line));
  }

  /** Lines of one request. */
  of(requestId: string): Array<Record<string, unknown>> {
    return this.lines.filter((line) => line.requestId === requestId);
  }
}
