import { isChrome } from './chrome';
import type { Line } from './normalise';
import type { Paragraph } from './types';
import { type BlockScan, scanUnitBlocks } from './units/blocks';
import type { Label } from './units/unit-list';

/*
 * The document's shape before interpretation: which lines form which section, item and task.
 * structure.ts (prose) and table.ts (flattened tables) build it; finalise.ts turns it into the
 * ParseResult, so both layouts share one set of rules for titles, units and deadlines.
 */

/** One paragraph of a node, with its unit blocks found once and reused. */
export interface Part {
  line: number;
  /** Last line of the paragraph, when a broken unit list was joined onto it. */
  lineEnd: number;
  text: string;
  scan: BlockScan;
}

export function part(line: number, text: string, lineEnd = line): Part {
  return { line, lineEnd, text, scan: scanUnitBlocks(text) };
}

/** A unit list given by a table column rather than inside the text. */
export interface UnitCell {
  line: number;
  text: string;
  label: Label;
}

export interface DraftNode {
  /** The heading line as written (for warnings); the first part holds it without its number. */
  heading: string;
  number: number;
  numberText: string;
  line: number;
  parts: Part[];
  unitCells: UnitCell[];
  /** Text of a 完成时限 column, read for deadlines before the body. */
  deadlineCells: Paragraph[];
  /** Text of a column reporting progress (推进情况:…): the end of the body, never read for dates. */
  notes: Paragraph[];
  /** Set once the node's unit list has been read after its body: later text is not its own. */
  closed: boolean;
  tasks: DraftNode[];
  /** The (一) heading a numbered measure stands under when the measures are the items. */
  under?: { numberText: string; title: string; line: number };
}

export interface DraftSection {
  number: number;
  numberText: string;
  line: number;
  heading: string;
  intro: Paragraph[];
  items: DraftNode[];
  /** Unit lists given once for the whole chapter (a line before its first or after its last item). */
  unitParts: Part[];
}

export interface Outline {
  layout: 'prose' | 'table';
  /** Non-empty, non-chrome lines before the body: the notice, title, doc number, intro. */
  front: Line[];
  sections: DraftSection[];
  /** Paragraphs after the last item. */
  closing: Paragraph[];
  /** Paragraphs that fit nowhere (between a finished item and the next heading). */
  orphans: Paragraph[];
  ignored: Paragraph[];
}

export function draftNode(
  heading: string,
  number: number,
  numberText: string,
  line: number,
  first?: Part,
): DraftNode {
  return {
    heading,
    number,
    numberText,
    line,
    parts: first ? [first] : [],
    unitCells: [],
    deadlineCells: [],
    notes: [],
    closed: false,
    tasks: [],
  };
}

export function draftSection(
  heading: { number: number; numberText: string; rest: string },
  line: number,
): DraftSection {
  return {
    number: heading.number,
    numberText: heading.numberText,
    line,
    heading: heading.rest,
    intro: [],
    items: [],
    unitParts: [],
  };
}

/** The section holding items that come before any chapter heading (or in a plan without chapters). */
export function implicitSection(line: number): DraftSection {
  return draftSection({ number: 0, numberText: '', rest: '' }, line);
}

/** Splits the lines before the body into page chrome and the front matter. */
export function readFront(lines: Line[]): { front: Line[]; ignored: Paragraph[] } {
  const front: Line[] = [];
  const ignored: Paragraph[] = [];
  for (const line of lines) {
    if (!line.text) continue;
    if (isChrome(line.text)) ignored.push({ line: line.no, text: line.text });
    else front.push(line);
  }
  return { front, ignored };
}

/** Unplaced paragraphs after the last item are the plan's closing words, not stray text. */
export function splitClosing(
  sections: DraftSection[],
  orphans: Paragraph[],
): { closing: Paragraph[]; orphans: Paragraph[] } {
  const lastItem = sections.flatMap((s) => s.items).pop();
  const afterLast = (o: Paragraph) => lastItem !== undefined && o.line > lastItem.line;
  return { closing: orphans.filter(afterLast), orphans: orphans.filter((o) => !afterLast(o)) };
}
