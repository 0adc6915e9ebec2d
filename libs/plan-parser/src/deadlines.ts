import type { Deadline, DeadlineContext } from './deadline-phrases/deadline';
import { earliestDateDeadline, extractDeadlines } from './deadline-phrases/extract-deadlines';
import type { ItemDeadline, Paragraph } from './types';

/*
 * Deadline phrases are read by @app/calendar; this file only feeds it the right text and maps
 * what it finds back to document lines.
 */

export type { DeadlineContext };

/** Reads the deadlines of paragraphs that belong together (one item) in document order. */
export function readDeadlines(paragraphs: Paragraph[], ctx: DeadlineContext): ItemDeadline[] {
  const starts: number[] = [];
  let text = '';
  for (const p of paragraphs) {
    if (text) text += '\n';
    starts.push(text.length);
    text += p.text;
  }
  if (!text) return [];
  return extractDeadlines(text, ctx).map((d) =>
    toItemDeadline(d, lineAt(paragraphs, starts, d.index)),
  );
}

export function earliestDueOn(deadlines: ItemDeadline[]): string | undefined {
  return earliestDateDeadline(deadlines.map((d) => ({ ...d, index: 0 })));
}

/** Words after a date that make it the plan-wide deadline: 确保2025年年底前全面完成. */
const COMPLETION = /^.{0,6}(?:全面完成|全部完成|完成|落实到位|全面落实)/;

/**
 * The plan-wide deadline: a date phrase that the closing words tie to completing the work.
 * Other dates in the closing paragraphs (a mid-term review, a report date) are not it.
 */
export function readDefaultDueOn(
  paragraphs: Paragraph[],
  ctx: DeadlineContext,
): string | undefined {
  const cued = paragraphs.flatMap((p) =>
    extractDeadlines(p.text, ctx).filter((d) =>
      COMPLETION.test(p.text.slice(d.index + d.text.length, d.index + d.text.length + 12)),
    ),
  );
  return earliestDateDeadline(cued);
}

function lineAt(paragraphs: Paragraph[], starts: number[], index: number): number {
  let i = starts.length - 1;
  while (i > 0 && starts[i] > index) i--;
  return paragraphs[i].line;
}

function toItemDeadline(d: Deadline, line: number): ItemDeadline {
  const out: ItemDeadline = { text: d.text, kind: d.kind, line };
  if (d.dueOn !== undefined) out.dueOn = d.dueOn;
  if (d.count !== undefined) out.count = d.count;
  if (d.per !== undefined) out.per = d.per;
  if (d.unit !== undefined) out.unit = d.unit;
  if (d.workingDays !== undefined) out.workingDays = d.workingDays;
  if (d.days !== undefined) out.days = d.days;
  return out;
}
