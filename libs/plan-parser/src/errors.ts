/**
 * Longest text parsePlan accepts, in UTF-16 code units (String#length). Real plans are well under
 * 1 MB; the bound keeps memory and time predictable for whatever a caller uploads (a 10 MB text
 * still parses, in a few seconds). Callers should check it before reading a whole upload.
 */
export const MAX_PLAN_TEXT_LENGTH = 16 * 1024 * 1024;

/**
 * Most items and tasks one plan may have. A province's plans hold tens of thousands of items
 * together, one plan at most a few hundred; past this the text is not a plan, and reading every
 * item's deadlines would take minutes.
 */
export const MAX_PLAN_ITEMS = 100_000;

export type PlanParseErrorCode =
  'NOT_TEXT' | 'EMPTY' | 'TOO_LONG' | 'BINARY' | 'NO_ITEMS' | 'TOO_MANY_ITEMS' | 'NOT_A_PLAN';

/** The text cannot be read as a plan at all; `message` is written for the person who supplied it. */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError';

  constructor(
    readonly code: PlanParseErrorCode,
    message: string,
  ) {
    super(message);
  }
}
