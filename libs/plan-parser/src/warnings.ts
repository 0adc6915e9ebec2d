import type { ParseWarning, WarningCode } from './types';

const MAX_WARNING_TEXT = 120;
/** A hostile text can trigger a warning on every line; past this we count instead of listing. */
export const MAX_WARNINGS = 5000;

export function excerpt(text: string): string {
  const t = text.trim();
  return t.length > MAX_WARNING_TEXT ? `${t.slice(0, MAX_WARNING_TEXT)}…` : t;
}

export class Warnings {
  private readonly list: ParseWarning[] = [];
  private overflow = 0;
  private overflowLine = 0;

  add(code: WarningCode, line: number, text: string, message: string): void {
    if (this.list.length >= MAX_WARNINGS) {
      if (this.overflow === 0) this.overflowLine = line;
      this.overflow += 1;
      return;
    }
    this.list.push({ line, text: excerpt(text), message, code });
  }

  /** Takes over the warnings of a reading that was kept (see layout.ts). */
  addAll(other: Warnings): void {
    for (const w of other.list) this.add(w.code, w.line, w.text, w.message);
  }

  /** Warnings sorted by line; the overflow, if any, is said in a last warning, not dropped. */
  toArray(): ParseWarning[] {
    const sorted = [...this.list].sort((a, b) => a.line - b.line);
    if (this.overflow > 0) {
      sorted.push({
        line: this.overflowLine,
        text: '',
        message: `警告过多，另有${this.overflow}条警告未列出(自第${this.overflowLine}行起)`,
        code: 'TOO_MANY_WARNINGS',
      });
    }
    return sorted;
  }
}
