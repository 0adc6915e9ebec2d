/**
 * Thrown for anything that does not name a real calendar date. A deadline computed from a bad
 * date would be silently wrong, so bad input has to fail loudly at the boundary instead.
 */
export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';

  constructor(
    readonly input: unknown,
    reason = 'expected a real calendar date written YYYY-MM-DD',
  ) {
    super(`Invalid date ${describe(input)}: ${reason}`);
  }
}

// Hostile input can be megabytes long; the message only needs enough to recognise it.
function describe(input: unknown): string {
  const text = typeof input === 'string' ? JSON.stringify(input) : String(input);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
