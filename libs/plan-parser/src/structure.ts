import { isChrome } from './chrome';
import {
  type Heading,
  type HeadingStyle,
  HEADING_STYLES,
  readHeading,
  styleRank,
} from './headings';
import { readDateLine, readOrgLine } from './metadata';
import type { Line } from './normalise';
import {
  type DraftNode,
  type DraftSection,
  draftNode,
  draftSection,
  implicitSection,
  type Outline,
  part,
  type Part,
  readFront,
  splitClosing,
} from './outline';
import type { Paragraph } from './types';
import type { Warnings } from './warnings';

/*
 * Builds the outline of a prose plan. Which numbering style is a section, an item or a task is
 * not fixed: the highest style the body uses is the section, the next the item, the next the task
 * (一、 > (一) > 1. > (1)). So `一、 / (一) / 1.` gives sections, items and tasks; `一、 / 1.` makes
 * the numbered measures items; `第一章 / 一、` makes 一、 items; a body with one style only gives
 * items in one implicit section.
 */

interface Levels {
  section?: HeadingStyle;
  item: HeadingStyle;
  task?: HeadingStyle;
}

/** Paragraphs that end a plan rather than continue its last item. */
const CLOSING_CUE =
  /^(?:各级各部门|各地各部门|各有关单位|各单位|各部门|本方案|本实施方案|本工作方案|本要点|附件)/;

export function buildProseOutline(lines: Line[], warnings: Warnings): Outline | undefined {
  const headings = lines.map((l) =>
    l.text && !isChrome(l.text) ? readHeading(l.text) : undefined,
  );
  const bodyStart = firstTopHeading(headings);
  if (bodyStart < 0) return undefined;
  const levels = levelsFrom(headings, bodyStart);

  const { front, ignored } = readFront(lines.slice(0, bodyStart));

  const sections: DraftSection[] = [];
  const orphans: Paragraph[] = [];
  let section: DraftSection | undefined;
  let item: DraftNode | undefined;
  let task: DraftNode | undefined;

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text) continue;
    if (isChrome(line.text)) {
      ignored.push({ line: line.no, text: line.text });
      continue;
    }
    const heading = headings[i];
    if (heading && heading.style === levels.section) {
      sections.push((section = draftSection(heading, line.no)));
      item = task = undefined;
      continue;
    }
    if (heading && heading.style === levels.item) {
      if (!section) sections.push((section = implicitSection(line.no)));
      item = openNode(heading, line);
      section.items.push(item);
      task = undefined;
      continue;
    }
    if (heading && heading.style === levels.task) {
      if (item) {
        task = openNode(heading, line);
        item.tasks.push(task);
        continue;
      }
      warnings.add(
        'TASK_OUTSIDE_ITEM',
        line.no,
        line.text,
        '措施编号出现在条目之外，无法归入任何条目',
      );
    }
    const current = task ?? item;
    if (current && continuesUnitList(current, line.text)) {
      const last = current.parts[current.parts.length - 1];
      current.parts[current.parts.length - 1] = part(last.line, last.text + line.text, line.no);
      continue;
    }
    const p = part(line.no, line.text);
    const target = attachTarget(p, item, task);
    if (target) {
      target.parts.push(p);
      if (p.scan.blocks.length > 0) target.closed = true;
    } else if (section && section.items.length === 0) {
      section.intro.push({ line: line.no, text: line.text });
    } else {
      orphans.push({ line: line.no, text: line.text });
    }
  }

  const lastItem = sections.flatMap((s) => s.items).pop();
  const trailer = lastItem ? detachTrailer(lastItem) : [];
  const rest = splitClosing(sections, orphans);
  return {
    layout: 'prose',
    front,
    sections,
    closing: [...trailer, ...rest.closing],
    orphans: rest.orphans,
    ignored,
  };
}

function firstTopHeading(headings: (Heading | undefined)[]): number {
  let best = -1;
  let bestRank = Infinity;
  headings.forEach((h, i) => {
    if (h && styleRank(h.style) < bestRank) {
      bestRank = styleRank(h.style);
      best = i;
    }
  });
  return best;
}

function levelsFrom(headings: (Heading | undefined)[], bodyStart: number): Levels {
  const used = new Set<HeadingStyle>();
  for (let i = bodyStart; i < headings.length; i++) {
    const h = headings[i];
    if (h) used.add(h.style);
  }
  const styles = HEADING_STYLES.filter((s) => used.has(s));
  if (styles.length === 1) return { item: styles[0] };
  return { section: styles[0], item: styles[1], task: styles[2] };
}

function openNode(heading: Heading, line: Line): DraftNode {
  const first = part(line.no, heading.rest);
  const node = draftNode(line.text, heading.number, heading.numberText, line.no, first);
  node.closed = hasBodyAndUnits(first);
  return node;
}

/**
 * A heading paragraph that already holds a body and ends in its unit list (the seed's layout)
 * is complete; one that holds only a title (and perhaps its units) continues below.
 */
function hasBodyAndUnits(p: Part): boolean {
  if (p.scan.blocks.length === 0) return false;
  const firstBlock = p.scan.blocks[0].start;
  const stop = p.text.indexOf('。');
  return stop >= 0 && stop < firstBlock && p.text.slice(stop + 1, firstBlock).trim().length > 0;
}

/**
 * Where a paragraph below a heading goes: the open task, else the open item. A paragraph that is
 * only a unit list (责任单位:…) may still follow a finished task: it names the item's units.
 */
function attachTarget(p: Part, item?: DraftNode, task?: DraftNode): DraftNode | undefined {
  if (task) return !task.closed ? task : isUnitsOnly(p) ? item : undefined;
  if (item && (!item.closed || isUnitsOnly(p))) return item;
  return undefined;
}

function isUnitsOnly(p: Part): boolean {
  const block = p.scan.blocks[0];
  return (
    p.scan.blocks.length === 1 &&
    block.start === 0 &&
    block.end >= p.text.replace(/[\s。.;]+$/, '').length
  );
}

/**
 * A unit list broken over two lines (text copied from a PDF keeps its line breaks): the node's
 * last paragraph ends inside an unclosed bracket and this line closes it.
 */
function continuesUnitList(node: DraftNode, text: string): boolean {
  const last = node.parts[node.parts.length - 1];
  const block = last?.scan.blocks[last.scan.blocks.length - 1];
  if (!block || block.end < last.text.length || !last.scan.unbalanced.includes(block.start)) {
    return false;
  }
  const close = text.search(/[〕\]】)]/);
  return close >= 0 && !/[〔【[(]/.test(text.slice(0, close));
}

/**
 * When the last item has no unit list, nothing marks where it ends; closing words, a signature
 * or a date line below it are the plan's ending, not the item's text.
 */
function detachTrailer(item: DraftNode): Paragraph[] {
  const node = item.tasks.length > 0 ? item.tasks[item.tasks.length - 1] : item;
  if (node.closed) return [];
  const at = node.parts.findIndex(
    (p, i) =>
      i > 0 &&
      (CLOSING_CUE.test(p.text) ||
        readDateLine(p.text) !== undefined ||
        readOrgLine(p.text) !== undefined),
  );
  if (at < 0) return [];
  return node.parts.splice(at).map((p) => ({ line: p.line, text: p.text }));
}
