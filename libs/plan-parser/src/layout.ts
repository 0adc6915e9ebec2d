import type { Line } from './normalise';
import type { DraftNode, DraftSection, Outline } from './outline';
import { buildProseOutline } from './structure';
import {
  buildTableOutline,
  findTableEnd,
  findTableHeader,
  hasUnitColumn,
  joinBrokenRows,
  joinQuotedCells,
  withRowNumbers,
} from './table';
import type { Paragraph } from './types';
import { Warnings } from './warnings';

/*
 * Which layout a document has: prose, a task table, or both. A table may stand anywhere: a whole
 * pasted 任务分解表, or an annex (任务清单, 推广清单) after a notice or a plan's body. Its rows go
 * through the table layout; the prose around it through the prose layout, and the two are joined:
 * - the prose's items are kept when some of them name units (a plan whose body assigns work and
 *   whose annex lists more), in document order with the table's sections; a table with no section
 *   of its own that follows a chapter heading without items (三、重点任务 / the table) fills it;
 * - otherwise the prose is the notice around the table (一、推广的改革举措… that the annex
 *   details): its lines stay the preface, and only the lines before its first heading are read
 *   for the title and 文号, so an annex's own title (…任务清单) is not taken for the plan's.
 */

export interface DocumentOutline {
  outline: Outline;
  /** The lines the title, 文号 and issuers are read from. */
  metaFront: Line[];
  /** Prose of a notice around a table: searched for the signature and the closing deadline. */
  notice: Paragraph[];
}

export function buildOutline(all: Line[], warnings: Warnings): DocumentOutline | undefined {
  const quoted = joinQuotedCells(all);
  const header = findTableHeader(quoted);
  // A header's second row (牵头单位 | 配合单位 under 责任单位) is read into its columns.
  const rows = header?.subHeader ? quoted.filter((_, i) => i !== header.index + 1) : quoted;
  const joined = header ? joinBrokenRows(rows, header.index, header.columns.length) : rows;
  if (!header) {
    const outline = buildProseOutline(joined, warnings);
    return outline && { outline, metaFront: outline.front, notice: [] };
  }
  const numbered = withRowNumbers(joined, header.index, header.columns);
  const lines = numbered?.lines ?? joined;
  const columns = numbered?.columns ?? header.columns;
  const end = findTableEnd(lines, header.index, columns);
  const outside = [...lines.slice(0, header.index), ...lines.slice(end + 1)];
  const proseWarnings = new Warnings();
  const prose = buildProseOutline(outside, proseWarnings);
  // A list without a unit column is the document's tasks only when the prose around it has no
  // items: a plan's annex of projects (序号 | 项目名称 | 开工时间) is no list of its tasks.
  if (!hasUnitColumn(columns) && prose?.sections.some((s) => s.items.length > 0)) {
    const whole = buildProseOutline(joined, warnings);
    return whole && { outline: whole, metaFront: whole.front, notice: [] };
  }
  const table = buildTableOutline(lines.slice(0, end + 1), header.index, columns);
  const after: Paragraph[] = lines
    .slice(end + 1)
    .filter((l) => l.text)
    .map((l) => ({ line: l.no, text: l.text }));

  if (prose && prose.sections.some(namesUnits)) {
    warnings.addAll(proseWarnings);
    return { outline: join(prose, table), metaFront: prose.front, notice: [] };
  }
  if (!table.sections.some((s) => s.items.length > 0)) {
    // A header with no rows under it: the document is prose after all.
    warnings.addAll(proseWarnings);
    return prose && { outline: prose, metaFront: prose.front, notice: [] };
  }
  const frontLines = new Set(prose?.front.map((l) => l.no) ?? []);
  const notice = table.front
    .filter((l) => !frontLines.has(l.no))
    .map((l) => ({ line: l.no, text: l.text }));
  return {
    outline: { ...table, closing: [...table.closing, ...after] },
    metaFront: prose ? prose.front : table.front,
    notice,
  };
}

function namesUnits(section: DraftSection): boolean {
  const own = (n: DraftNode): boolean =>
    n.parts.some((p) => p.scan.blocks.length > 0) || n.tasks.some(own);
  return section.unitParts.length > 0 || section.items.some(own);
}

/** The prose's sections and the table's, in document order. */
function join(prose: Outline, table: Outline): Outline {
  const sections = [...prose.sections];
  for (const s of table.sections) {
    const host = s.number === 0 ? [...sections].reverse().find((p) => p.line < s.line) : undefined;
    if (host && host.items.length === 0 && host.number > 0) host.items.push(...s.items);
    else sections.push(s);
  }
  sections.sort((a, b) => a.line - b.line);
  const byLine = (a: Paragraph, b: Paragraph) => a.line - b.line;
  return {
    layout: 'table',
    front: prose.front,
    sections,
    closing: [...prose.closing, ...table.closing].sort(byLine),
    orphans: [...prose.orphans, ...table.orphans].sort(byLine),
    ignored: [...prose.ignored, ...table.ignored].sort(byLine),
  };
}
