import { isDeepStrictEqual } from 'node:util';

/*
 * What an import wrote, kept with the import (plan_imports.written), so the next import of the
 * same plan can tell a value the office changed by hand (it differs from what the import wrote)
 * from one that merely followed the text. Hand edits stay; the text is silent about nothing it
 * does not say.
 */

export interface WrittenAssignment {
  role: string;
  dueOn: string;
}

export interface WrittenItem {
  title: string;
  body: string;
  dueOn: string | null;
  /** The due date was the office's decision (the text gave none): the text's silence keeps it. */
  dueOnDecided?: boolean;
  /** By unit id. */
  assignments: Record<string, WrittenAssignment>;
}

export interface WrittenPlan {
  plan: Record<string, unknown>;
  /** By item number. */
  items: Record<string, WrittenItem>;
}

/** A value the office set by hand and the import left alone. */
export interface KeptEdit {
  /** `plan`, `item` or `assignment`. */
  entity: 'plan' | 'item' | 'assignment';
  itemNumber?: number;
  unitName?: string;
  field: string;
  kept: unknown;
  /** What the text (or the decision) would have written. */
  text: unknown;
}

export type Merge<T> =
  | { write: true; value: T; base: T }
  | { write: false; value: T; base: T | undefined; handEdited: boolean };

/**
 * One field: `incoming` is what the text (or a fallback) says, undefined when it is silent;
 * `decided` is what the office gave at this commit (it always wins).
 *  - silent text and no decision: the current value stays;
 *  - current value differs from what the last import wrote: set by hand, it stays;
 *  - otherwise the incoming value is written.
 */
export function mergeField<T>(
  current: T | undefined,
  base: { known: boolean; value?: T },
  incoming: T | undefined,
  decided?: T,
): Merge<T | undefined> {
  if (decided !== undefined) return { write: true, value: decided, base: decided };
  if (incoming === undefined || incoming === null) {
    return {
      write: false,
      value: current,
      base: base.known ? base.value : current,
      handEdited: false,
    };
  }
  const handEdited = base.known && current !== undefined && !isDeepStrictEqual(current, base.value);
  if (handEdited && !isDeepStrictEqual(current, incoming)) {
    return { write: false, value: current, base: base.value, handEdited: true };
  }
  return { write: true, value: incoming, base: incoming };
}
