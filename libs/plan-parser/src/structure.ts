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
import { CLOSING_CHAPTER, PREAMBLE_TITLE } from './context-chapters';
import type { Paragraph } from './types';
import { fieldLabel, leadingLabel } from './units/blocks';
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
  /** A fourth level (1./(1) under (一)): kept in its task's text unless the tasks become items. */
  subtask?: HeadingStyle;
}

/** A paragraph that ends a sentence; a line that ends otherwise was broken by a PDF page. */
const SENTENCE_END = /[。;!?！？:)）〕\]】”"…]$/;

/** Longest paragraph a broken line is still joined to (keeps joining linear on hostile text). */
const MAX_JOINED_PARAGRAPH = 5000;

/** Paragraphs that end a plan rather than continue its last item. */
const CLOSING_CUE =
  /^(?:各级各部门|各地各部门|各有关单位|各单位|各部门|本方案|本实施方案|本工作方案|本要点|附件)/;

export function buildProseOutline(lines: Line[], warnings: Warnings): Outline | undefined {
  const headings = lines.map((l) =>
    l.text && !isChrome(l.text) ? readHeading(l.text) : undefined,
  );
  const bodyStart = afterNumberedNotice(lines, headings, firstTopHeading(headings));
  if (bodyStart < 0) return undefined;
  const levels = levelsFrom(headings, bodyStart);

  const { front, ignored } = readFront(lines.slice(0, bodyStart));

  const sections: DraftSection[] = [];
  const orphans: Paragraph[] = [];
  let section: DraftSection | undefined;
  let item: DraftNode | undefined;
  let task: DraftNode | undefined;
  /** The numbering of the open task: the task level's, or the one below when an item skips it. */
  let taskStyle: HeadingStyle | undefined;
  /** The node that took the line before this one: a label line continues only it. */
  let previous: DraftNode | undefined;
  /** This chapter numbers its items in the task style (numbersItemsAsMeasures). */
  let measuresAreItems = false;

  /** Opens a task of `item`, numbered by `heading`. */
  const openTask = (item: DraftNode, heading: Heading, line: Line) => {
    task = openNode(heading, line);
    taskStyle = heading.style;
    item.tasks.push(task);
    previous = task;
  };

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
      takeHeadingUnits(section);
      item = task = previous = undefined;
      measuresAreItems = numbersItemsAsMeasures(headings, i, levels);
      continue;
    }
    if (
      heading &&
      (heading.style === levels.item || (measuresAreItems && heading.style === levels.task))
    ) {
      if (!section) sections.push((section = implicitSection(line.no)));
      item = openNode(heading, line);
      section.items.push(item);
      task = undefined;
      previous = item;
      continue;
    }
    if (heading && heading.style === levels.task) {
      if (item) {
        openTask(item, heading, line);
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
    // In a chapter whose measures are its items, the level below them ((1) under 1.) opens tasks.
    if (heading && measuresAreItems && heading.style === levels.subtask && item) {
      openTask(item, heading, line);
      continue;
    }
    // An item of a chapter that skips a level ((1) straight under (一) where others use 1.):
    // that level opens its tasks; in a chapter of context (总体要求's 工作目标: (1)…(2)…) the
    // lines stay the item's text.
    if (
      heading &&
      heading.style === levels.subtask &&
      item &&
      (!task || taskStyle === heading.style) &&
      !isContext(section, item)
    ) {
      openTask(item, heading, line);
      continue;
    }
    // A fourth level (1. under (一) under 一、) belongs to the measure above, each line of it,
    // even once the first has closed the measure with its units (splitSubtasks parts them).
    if (heading && heading.style === levels.subtask && task) {
      task.parts.push(part(line.no, line.text));
      previous = task;
      continue;
    }
    if (current && (continuesUnitList(current, line.text) || continuesSentence(current, line))) {
      const last = current.parts[current.parts.length - 1];
      current.parts[current.parts.length - 1] = part(last.line, last.text + line.text, line.no);
      previous = current;
      continue;
    }
    const p = part(line.no, line.text);
    const target = attachTarget(p, item, task, previous);
    previous = target;
    if (target) {
      target.parts.push(p);
      if (p.scan.blocks.length > 0) target.closed = true;
    } else if (section && section.items.length === 0) {
      section.intro.push({ line: line.no, text: line.text });
    } else {
      orphans.push({ line: line.no, text: line.text });
    }
  }

  for (const s of sections) {
    s.items.forEach(takeSharedLabelLines);
    takeChapterUnits(s);
  }
  placeItemLevel(sections, levels);
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

/** The most paragraphs a notice's own numbered points run to before its signature. */
const MAX_NOTICE_POINTS = 12;
/** A notice's own words as it hands the plan out (a preamble quoting 《…的通知》 says none). */
const HANDS_OUT = /印发给你们|现(?:将|把)?.{0,60}印发|转发给你们|通知如下/;
/** The line a signed notice may close with, before the plan's title. */
const PUBLIC_MARK = /^[(（]?此件/;

/**
 * A notice whose own text is numbered (…通知如下: / 一、高度重视… / 二、… / 区人民政府办公室 /
 * 2023年1月3日), then the plan's title and chapters: the plan starts at the first chapter after
 * the notice's signature, and the notice's points stay its preface, where the signature is read.
 * Only when the notice hands a plan out in its own words before its points, the points are a few
 * paragraphs of one numbering that name no units, and a title stands between the signature and
 * the next chapter: a plan whose body is signed before an annex stays the plan.
 */
function afterNumberedNotice(
  lines: Line[],
  headings: (Heading | undefined)[],
  bodyStart: number,
): number {
  if (bodyStart < 0 || !lines.slice(0, bodyStart).some((l) => HANDS_OUT.test(l.text))) {
    return bodyStart;
  }
  const top = headings[bodyStart]!.style;
  let above: Line | undefined;
  let paragraphs = 0;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text) continue;
    const style = headings[i]?.style;
    if (i > bodyStart && style && style !== top) return bodyStart;
    if (++paragraphs > MAX_NOTICE_POINTS) return bodyStart;
    if (part(line.no, line.text).scan.blocks.length > 0) return bodyStart;
    if (above && readOrgLine(above.text) && readDateLine(line.text)) {
      let titled = false;
      for (let j = i + 1; j < lines.length; j++) {
        if (headings[j]?.style === top) return titled ? j : bodyStart;
        if (lines[j].text && !PUBLIC_MARK.test(lines[j].text)) titled = true;
      }
      return bodyStart;
    }
    above = line;
  }
  return bodyStart;
}

/**
 * A chapter whose measures (1.) stand straight under its heading, with no (一) of its own, while
 * (一) numbers another chapter's paragraphs (总体要求, 保障措施): its measures are its items.
 */
function numbersItemsAsMeasures(
  headings: (Heading | undefined)[],
  sectionAt: number,
  levels: Levels,
): boolean {
  let measures = false;
  for (let j = sectionAt + 1; j < headings.length; j++) {
    const style = headings[j]?.style;
    if (style === levels.section) break;
    if (style === levels.item) return false;
    if (style === levels.task) measures = true;
  }
  return measures;
}

function levelsFrom(headings: (Heading | undefined)[], bodyStart: number): Levels {
  const used = new Set<HeadingStyle>();
  for (let i = bodyStart; i < headings.length; i++) {
    const h = headings[i];
    if (h) used.add(h.style);
  }
  const styles = HEADING_STYLES.filter((s) => used.has(s));
  if (styles.length === 1) return { item: styles[0] };
  return { section: styles[0], item: styles[1], task: styles[2], subtask: styles[3] };
}

/**
 * A line that continues the node's last paragraph: that paragraph stops mid-sentence (text copied
 * from a PDF keeps the page's line breaks: 并同步 / 报审规划建筑方案). A heading's own line is only
 * continued when it already holds body text, so a title-only heading keeps its body apart.
 */
function continuesSentence(node: DraftNode, line: Line): boolean {
  const last = node.parts[node.parts.length - 1];
  if (!last || SENTENCE_END.test(last.text) || readHeading(line.text)) return false;
  // No paragraph broken by page breaks is this long; joining on would rescan it line after line.
  if (last.text.length > MAX_JOINED_PARAGRAPH) return false;
  // A signature (国务院办公厅 / 2019年1月9日) is lines of its own, not a broken sentence.
  if ([last.text, line.text].some((t) => readDateLine(t) || readOrgLine(t))) return false;
  if (node.parts.length === 1 && !last.text.includes('。')) return false;
  // A unit list ends its paragraph whether or not a 。 follows it.
  const lastBlock = last.scan.blocks[last.scan.blocks.length - 1];
  if (lastBlock && lastBlock.end >= last.text.replace(/[\s。.;,]+$/, '').length) return false;
  return !isUnitsOnly(part(line.no, line.text)) || last.scan.blocks.length === 0;
}

/**
 * A chapter's heading that ends in its units (一、推进教育科技人才一体发展(由市科技局牵头)): they are
 * the chapter's, for each item that names none of its own, and no part of its title.
 */
function takeHeadingUnits(section: DraftSection): void {
  const p = part(section.line, section.heading);
  const blocks = p.scan.blocks;
  if (blocks.length === 0) return;
  if (blocks[blocks.length - 1].end < p.text.replace(/[\s。.;]+$/, '').length) return;
  section.unitParts.push(p);
  section.heading = p.text.slice(0, blocks[0].start).trim();
}

function hasOwnUnits(node: DraftNode): boolean {
  return node.parts.some((p) => p.scan.blocks.length > 0) || node.unitCells.length > 0;
}

/**
 * Units given once for a chapter: a unit-only line before the chapter's first item, or after its
 * last item when no item of the chapter names units of its own (the last item would otherwise
 * take them all).
 */
function takeChapterUnits(section: DraftSection): void {
  section.intro = section.intro.filter((p) => {
    const candidate = part(p.line, p.text);
    if (!isUnitsOnly(candidate)) return true;
    section.unitParts.push(candidate);
    return false;
  });
  const items = section.items;
  const last = items[items.length - 1];
  if (!last || items.length < 2 || last.tasks.length > 0) return;
  const trailing = last.parts.length > 1 ? last.parts[last.parts.length - 1] : undefined;
  if (!trailing || !isUnitsOnly(trailing)) return;
  const others = [...items.slice(0, -1), { ...last, parts: last.parts.slice(0, -1) }];
  if (others.some(hasOwnUnits)) return;
  section.unitParts.push(last.parts.pop()!);
}

/**
 * The items are the level that carries the units. Under 一、/(一)/1. the (一) lines are usually
 * the items; when the numbered measures carry clearly more unit lists than the (一) lines (at
 * least three, and more than twice as many), or are numbered on from one (一) to the next as
 * items are ((一) 1. 2. (二) 3. 4.), the measures are the items and a (一) without units of its
 * own becomes their heading. A (一) with units of its own stays an item.
 */
function placeItemLevel(sections: DraftSection[], levels: Levels): void {
  const items = sections.flatMap((s) => s.items);
  const itemUnits = items.filter(hasOwnUnits).length;
  const taskUnits = items.flatMap((i) => i.tasks).filter(hasOwnUnits).length;
  const measuresLead = taskUnits >= 3 && taskUnits > 2 * itemUnits;
  if (!measuresLead && !numberedAcrossItems(sections)) return;
  for (const section of sections) {
    section.items = section.items.flatMap((item) => {
      if (item.tasks.length === 0 || hasOwnUnits(item)) return [item];
      const under = {
        numberText: item.numberText,
        title: item.parts.map((p) => p.text).join('\n'),
        line: item.line,
      };
      return item.tasks.map((t) => ({ ...splitSubtasks(t, levels), under }));
    });
  }
}

/**
 * Measures numbered on across the items of a chapter, never starting again at 1 ((一) 1. 2. /
 * (二) 3. 4.): the plan counts them as its items. A chapter may start again at 1.
 */
function numberedAcrossItems(sections: DraftSection[]): boolean {
  let runOn = 0;
  for (const section of sections) {
    let last = 0;
    for (const item of section.items) {
      if (item.tasks.length === 0) continue;
      if (last > 0) {
        if (item.tasks[0].number !== last + 1) return false;
        runOn++;
      }
      last = item.tasks[item.tasks.length - 1].number;
    }
  }
  return runOn > 0;
}

/** A measure that became an item takes its (1)/① lines as its tasks. */
function splitSubtasks(node: DraftNode, levels: Levels): DraftNode {
  if (!levels.subtask) return node;
  const parts: Part[] = [];
  const tasks: DraftNode[] = [];
  for (const [index, p] of node.parts.entries()) {
    const heading = index > 0 ? readHeading(p.text) : undefined;
    if (heading && heading.style === levels.subtask) {
      const task = draftNode(p.text, heading.number, heading.numberText, p.line);
      task.parts.push(part(p.line, heading.rest, p.lineEnd));
      task.closed = true;
      tasks.push(task);
    } else if (tasks.length > 0) tasks[tasks.length - 1].parts.push(p);
    else parts.push(p);
  }
  return { ...node, parts, tasks };
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
 * only a unit list (责任单位:…) may still follow a finished task: it names the item's units. A
 * label line continues the node that took the line above (continuesLabelLines).
 */
function attachTarget(
  p: Part,
  item?: DraftNode,
  task?: DraftNode,
  previous?: DraftNode,
): DraftNode | undefined {
  const continues = (node?: DraftNode) =>
    node === previous && !!node && continuesLabelLines(node, p);
  if (task) {
    if (!task.closed || continues(task)) return task;
    return isUnitsOnly(p) || continues(item) ? item : undefined;
  }
  if (item && (!item.closed || isUnitsOnly(p) || continues(item))) return item;
  return undefined;
}

/**
 * Label lines stacked one per line (牵头单位:… / 责任单位:… / 完成时限:…) belong to the measure or
 * item that took the line above: a line right below them with a label they have not used is
 * still its own. A 完成时限 line also follows units written in the node's text; a unit line
 * needs the node's own label lines above it (else it names the item's units), and a label used
 * already (a second 牵头单位 line) starts the item's.
 */
function continuesLabelLines(node: DraftNode, p: Part): boolean {
  const field = fieldLabel(p.text);
  const label = field ?? lineLabel(p);
  if (!label) return false;
  let stacked = false;
  // Stops at the first line with this label: a few steps, however many lines repeat them.
  for (let i = node.parts.length - 1; i > 0; i--) {
    const own = labelOfLine(node.parts[i]);
    if (!own) break;
    if (own === label) return false;
    stacked = true;
  }
  return field !== undefined || stacked;
}

/**
 * An item whose title stands alone, its measures ((1), (2)) below it, and one block of label
 * lines after the last (责任单位:… / 完成时限:…): the block is the item's, shared by its measures,
 * not the last measure's. Only when no other measure names units, and the item none of its own.
 */
function takeSharedLabelLines(item: DraftNode): void {
  const last = item.tasks[item.tasks.length - 1];
  if (item.tasks.length < 2 || hasOwnUnits(item) || item.tasks.slice(0, -1).some(hasOwnUnits)) {
    return;
  }
  let from = last.parts.length;
  while (from > 1 && (isUnitsOnly(last.parts[from - 1]) || fieldLabel(last.parts[from - 1].text))) {
    from--;
  }
  const block = last.parts.slice(from);
  if (!block.some(isUnitsOnly)) return;
  last.parts = last.parts.slice(0, from);
  item.parts.push(...block);
  item.closed = true;
}

/** The label a label line starts with: a field's (完成时限:, 责任人:) or a unit list's (牵头单位:). */
function labelOfLine(p: Part): string | undefined {
  return fieldLabel(p.text) ?? lineLabel(p);
}

/** The label of a line that is only a unit list (牵头单位:…), if it has one. */
function lineLabel(p: Part): string | undefined {
  return isUnitsOnly(p) ? leadingLabel(p.scan.blocks[0].content) : undefined;
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
  const square = last.text[block.start] !== '(';
  const close = text.search(square ? /[〕\]】]/ : /\)/);
  return close >= 0 && !(square ? /[〔【[]/ : /\(/).test(text.slice(0, close));
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

/** An item of a chapter of context, or one that states the plan's aims: no tasks of its own. */
function isContext(section: DraftSection | undefined, item: DraftNode): boolean {
  const chapter = section?.heading ?? '';
  return (
    PREAMBLE_TITLE.test(chapter) ||
    CLOSING_CHAPTER.test(chapter) ||
    PREAMBLE_TITLE.test(item.parts[0]?.text ?? '')
  );
}
