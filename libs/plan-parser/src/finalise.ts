import { append } from './arrays';
import { type DeadlineContext, earliestDueOn, readDates, readDeadlines } from './deadlines';
import { asDeadlineFields } from './deadline-cells';
import { CLOSING_CHAPTER, PREAMBLE_TITLE } from './context-chapters';
import { checkNumbering } from './numbering';
import type { DraftNode, DraftSection, Outline, Part } from './outline';
import type { Item, OtherDate, Paragraph, Section, Task, UnitRef } from './types';
import type { NameDictionary } from './units/concatenated';
import { lastSignificantIndex } from './units/blocks';
import { UnitNotes } from './units/notes';
import { assignRoles, type ListedUnit, parseUnitList } from './units/unit-list';
import type { Warnings } from './warnings';

/*
 * Turns the outline into sections, items and tasks: titles, bodies, units with roles, deadlines,
 * preamble flags, and the warnings for whatever could not be placed.
 */

export interface FinaliseContext {
  dictionary?: NameDictionary;
  deadlines: DeadlineContext;
  defaultDueOn?: string;
  warnings: Warnings;
}

/** A title ends at the first 。, or at a colon close to the start (加强组织领导:成立…). */
const TITLE_COLON_WITHIN = 40;
const LONG_TITLE = 100;

export function finaliseSections(outline: Outline, ctx: FinaliseContext): Section[] {
  const notes = new UnitNotes();
  const sections = outline.sections.map((s) => finaliseSection(s, ctx, notes));
  notes.report(ctx.warnings);
  checkNumbering(outline.sections, ctx.warnings);
  reportOrphans(outline, ctx.warnings);
  return sections;
}

function finaliseSection(draft: DraftSection, ctx: FinaliseContext, notes: UnitNotes): Section {
  const title = stripEnd(splitTitle(draft.heading).title);
  const preambleChapter = PREAMBLE_TITLE.test(title) || CLOSING_CHAPTER.test(title);
  const listed: ListedUnit[] = [];
  for (const p of draft.unitParts) {
    for (const block of p.scan.blocks) {
      const units = parseUnitList(block.content, ctx.dictionary);
      notes.add(units, p.line);
      append(listed, units);
    }
  }
  const chapterUnits = assignRoles(listed);
  const chapter = {
    units: chapterUnits,
    unitsText: draft.unitParts.flatMap((p) => p.scan.blocks.map((b) => b.text)),
  };
  const items = draft.items.map((node) => finaliseItem(node, preambleChapter, ctx, notes, chapter));
  return {
    number: draft.number,
    numberText: draft.numberText,
    title,
    line: draft.line,
    intro: [splitTitle(draft.heading).rest, ...draft.intro.map((p) => p.text)]
      .filter(Boolean)
      .join('\n'),
    preamble: items.length > 0 ? items.every((i) => i.preamble) : preambleChapter,
    items,
    ...(chapterUnits.length > 0 ? { units: chapterUnits } : {}),
  };
}

function finaliseItem(
  node: DraftNode,
  preambleChapter: boolean,
  ctx: FinaliseContext,
  notes: UnitNotes,
  chapter: { units: UnitRef[]; unitsText: string[] },
): Item {
  const read = readNode(node, ctx, notes);
  const tasks =
    node.tasks.length > 0
      ? node.tasks.map((t) => finaliseTask(t, ctx, notes))
      : sentenceTasks(node, ctx, notes);
  const fromTasks = unitsOfTasks(tasks);
  const unitsFrom =
    read.units.length > 0
      ? 'item'
      : fromTasks.length > 0
        ? 'tasks'
        : chapter.units.length > 0
          ? 'section'
          : undefined;
  const units =
    unitsFrom === 'item'
      ? read.units
      : unitsFrom === 'tasks'
        ? fromTasks
        : chapter.units.map((u) => ({ ...u }));
  if (unitsFrom === 'section') read.unitsText.push(...chapter.unitsText);
  const preamble = units.length === 0 && (preambleChapter || PREAMBLE_TITLE.test(read.title));
  if (units.length === 0 && !preamble) {
    ctx.warnings.add(
      'ITEM_WITHOUT_UNITS',
      node.line,
      node.heading,
      `条目(${node.numberText})没有找到责任单位`,
    );
  }
  // An item without a date of its own whose every task has one is due with its last task.
  const taskDates = tasks.map((t) => t.dueOn);
  const lastTask =
    taskDates.length > 0 && taskDates.every(Boolean)
      ? (taskDates as string[]).sort().pop()
      : undefined;
  const own = earliestDueOn(read.deadlines) ?? lastTask;
  const dueOn = preamble ? undefined : (own ?? ctx.defaultDueOn);
  const lineEnd = node.tasks.reduce((max, t) => Math.max(max, lastLine(t)), lastLine(node));
  const item: Item = {
    number: node.number,
    numberText: node.numberText,
    title: read.title,
    body: read.body,
    preamble,
    units,
    deadlines: read.deadlines,
    line: node.line,
    lineEnd,
    unitsText: read.unitsText,
    tasks: tasks.map((t) => (t.dueOn || !dueOn ? t : { ...t, dueOn })),
    ...(unitsFrom ? { unitsFrom } : {}),
    ...(node.under ? { under: node.under } : {}),
    ...(read.otherDates.length > 0 ? { otherDates: read.otherDates } : {}),
  };
  if (dueOn) {
    item.dueOn = dueOn;
    item.dueOnSource = own ? 'item' : 'plan';
  }
  return item;
}

function finaliseTask(node: DraftNode, ctx: FinaliseContext, notes: UnitNotes): Task {
  const read = readNode(node, ctx, notes);
  const dueOn = earliestDueOn(read.deadlines);
  return {
    number: node.number,
    numberText: node.numberText,
    title: read.title,
    body: read.body,
    line: node.line,
    units: read.units,
    deadlines: read.deadlines,
    ...(dueOn ? { dueOn } : {}),
  };
}

/**
 * Several unit lists closing different sentences of one item (…。(财政部负责)…。(教育部负责)):
 * each list with the sentences before it becomes a task of the item, with its own units; the
 * item answers with the union. One list, or lists only at the end, make no tasks.
 */
function sentenceTasks(node: DraftNode, ctx: FinaliseContext, notes: UnitNotes): Task[] {
  const blocks = node.parts.flatMap((p, at) => p.scan.blocks.map((b) => ({ p, b, at })));
  if (blocks.length < 2) return [];
  // Text after a list, other than stops, makes it close a sentence inside the item. Each part's
  // last word is found once: slicing the rest of the paragraph for every list was quadratic.
  const lastWord = node.parts.map((p) => lastSignificantIndex(p.text));
  if (!blocks.some(({ b, at }) => b.end <= lastWord[at])) return [];
  const tasks: Task[] = [];
  // Lists and dates of the lists that go on with a task's sentence; roles and due date are
  // worked out once per task, after the loop (redone per list, a run of them was quadratic).
  const listedOf = new Map<Task, ListedUnit[]>();
  let from = { part: node.parts[0], index: 0, at: 0 };
  for (const { p, b, at } of blocks) {
    const partsBetween = node.parts.slice(from.at, at + 1);
    const texts = partsBetween.map((q) => {
      const start = q === from.part ? from.index : 0;
      const end = q === p ? b.start : q.text.length;
      return q.text.slice(start, end);
    });
    const text = texts
      .join('\n')
      .replace(/^[\s。.;]+/, '')
      .trim();
    const listed = parseUnitList(b.content, ctx.dictionary);
    notes.add(listed, p.line);
    // The sentence, and the fields its unit bracket carries (…,完成时限:2024年9月底前).
    const deadlines = readDeadlines(
      [
        ...(text ? [{ line: from.part.line, text }] : []),
        ...(b.fields ? [{ line: p.line, text: asDeadlineFields(b.fields) }] : []),
      ],
      ctx.deadlines,
    );
    const last = tasks[tasks.length - 1];
    const line = from.part.line;
    from = { part: p, index: b.end, at };
    if (!text && last) {
      // 责任单位：县教育局。配合单位：县财政局。 — a list with no sentence of its own before it goes
      // on with the one before it.
      append(listedOf.get(last)!, listed);
      append(last.deadlines, deadlines);
      continue;
    }
    const { title, rest } = splitTitle(text);
    const task: Task = {
      number: tasks.length + 1,
      numberText: String(tasks.length + 1),
      title,
      body: rest,
      line,
      units: [],
      deadlines,
    };
    tasks.push(task);
    listedOf.set(task, [...listed]);
  }
  // Lists that all go on with one sentence are that sentence's units, the item's own.
  if (tasks.length < 2) return [];
  for (const task of tasks) {
    task.units = assignRoles(listedOf.get(task)!);
    const dueOn = earliestDueOn(task.deadlines);
    if (dueOn) task.dueOn = dueOn;
  }
  return tasks;
}

function lastLine(node: DraftNode): number {
  return node.parts.reduce((max, p) => Math.max(max, p.lineEnd), node.line);
}

/** An item whose units are all given per task answers with the union of them. */
function unitsOfTasks(tasks: Task[]): UnitRef[] {
  const byName = new Map<string, UnitRef>();
  for (const unit of tasks.flatMap((t) => t.units)) {
    const known = byName.get(unit.name);
    if (!known) byName.set(unit.name, { ...unit });
    else if (unit.role === 'lead') known.role = 'lead';
  }
  return [...byName.values()];
}

interface ReadNode {
  title: string;
  body: string;
  units: UnitRef[];
  unitsText: string[];
  deadlines: Item['deadlines'];
  otherDates: OtherDate[];
}

const OTHER_DATE_MESSAGE: Record<OtherDate['reason'], (text: string) => string> = {
  condition: (t) => `“${t}”像是适用条件或截止日期(如“…前取得…的”)，未作为完成时限，请核对`,
  period: (t) => `“${t}”是政策期间或起止日期，未作为完成时限，请核对`,
  mention: (t) =>
    t.endsWith('月前')
      ? `“${t}”只写到月份，是该月1日前还是该月底前不能确定，未作为完成时限，请核对`
      : `“${t}”没有“前”“底”等时限用语，未作为完成时限，请核对`,
};

function readNode(node: DraftNode, ctx: FinaliseContext, notes: UnitNotes): ReadNode {
  const plain: Paragraph[] = node.parts.map((p) => ({ line: p.line, text: withoutBlocks(p) }));
  const { title, rest } = splitTitle(plain[0]?.text ?? '');
  if (title.length > LONG_TITLE) {
    ctx.warnings.add(
      'LONG_TITLE',
      node.line,
      node.heading,
      `条目(${node.numberText})的标题过长，可能缺少句号`,
    );
  }
  const body = [rest, ...plain.slice(1).map((p) => p.text), ...node.notes.map((n) => n.text)]
    .filter(Boolean)
    .join('\n');

  const listed: ListedUnit[] = [];
  const unitsText: string[] = [];
  for (const p of node.parts) {
    if (p.scan.unbalanced.length > 0) {
      const marks = [...new Set(p.scan.unbalanced.map((i) => `“${p.text[i]}”`))].join('');
      const text = p.line === node.line ? node.heading : p.text;
      ctx.warnings.add(
        'UNBALANCED_BRACKETS',
        p.line,
        text,
        `括号不配对(${marks}没有配对)，责任单位可能读取不全，请核对`,
      );
    }
    for (const block of p.scan.blocks) {
      unitsText.push(block.text);
      const units = parseUnitList(block.content, ctx.dictionary);
      notes.add(units, p.line);
      append(listed, units);
    }
  }
  for (const cell of node.unitCells) {
    unitsText.push(cell.text);
    const units = parseUnitList(cell.text, ctx.dictionary, cell.label);
    notes.add(units, cell.line);
    append(listed, units);
  }
  const fields = node.parts.flatMap((p) =>
    p.scan.blocks.flatMap((b) => (b.fields ? [{ line: p.line, text: b.fields }] : [])),
  );
  // Cells were read as deadlines by their column already; text, by the labels in it.
  const labelled = [...plain.filter((p) => p.text), ...fields].map((p) => ({
    line: p.line,
    text: asDeadlineFields(p.text),
  }));
  const { deadlines, otherDates } = readDates([...node.deadlineCells, ...labelled], ctx.deadlines);
  for (const d of otherDates) {
    ctx.warnings.add('DATE_NOT_DEADLINE', d.line, d.text, OTHER_DATE_MESSAGE[d.reason](d.text));
  }
  return { title, body, units: assignRoles(listed), unitsText, deadlines, otherDates };
}

function withoutBlocks(p: Part): string {
  let out = '';
  let from = 0;
  for (const b of p.scan.blocks) {
    out += p.text.slice(from, b.start);
    from = b.end;
  }
  return (out + p.text.slice(from)).trim();
}

/** `推进政府机构职能优化协同高效。通过…` → title 推进政府机构职能优化协同高效, rest 通过…. */
export function splitTitle(text: string): { title: string; rest: string } {
  const stop = text.indexOf('。');
  const colon = text.search(/:/);
  const end = colon >= 0 && colon < TITLE_COLON_WITHIN && (stop < 0 || colon < stop) ? colon : stop;
  if (end < 0) return { title: stripEnd(text), rest: '' };
  return { title: stripEnd(text.slice(0, end)), rest: text.slice(end + 1).trim() };
}

function stripEnd(text: string): string {
  return text.replace(/[\s。.:;,、]+$/, '');
}

function reportOrphans(outline: Outline, warnings: Warnings): void {
  const message =
    outline.layout === 'table'
      ? '表格中有无法识别的行(不是任务行，也不是章节标题)，未归入任何条目'
      : '条目之间有无法识别的段落(不在任何条目的正文中)，未归入任何条目';
  for (const o of outline.orphans) {
    warnings.add(
      outline.layout === 'table' ? 'TABLE_ROW' : 'UNRECOGNISED_PARAGRAPH',
      o.line,
      o.text,
      message,
    );
  }
}
