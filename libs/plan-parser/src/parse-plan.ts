import { inferDocumentYear, readDefaultDueOn } from './deadlines';
import { MAX_PLAN_ITEMS, PlanParseError } from './errors';
import { attachMatches } from './directory-matches';
import { finaliseSections } from './finalise';
import { readMetadata } from './metadata';
import { splitRunOnLines, toLines } from './normalise';
import { readHeading } from './headings';
import type { Outline } from './outline';
import { buildOutline } from './layout';
import type { ParseOptions, ParseResult } from './types';
import { NameDictionary } from './units/concatenated';
import { Warnings } from './warnings';

/** Words that mark a report on past work (年度报告), which lists no tasks to assign. */
const REPORT_MARK = /报告$|报告如下|情况的报告|工作总结/;

/**
 * Reads an implementation plan (实施方案) into sections, items, units and deadlines.
 * Throws PlanParseError when the text cannot be a plan (empty, binary, too long, no numbered
 * items, a report); everything else it could not place is returned as a warning.
 */
export function parsePlan(text: string, options: ParseOptions = {}): ParseResult {
  const warnings = new Warnings();
  const lines = splitRunOnLines(toLines(text, warnings), readHeading);
  const read = buildOutline(lines, warnings);
  const outline = read?.outline;
  if (!read || !outline || !outline.sections.some((s) => s.items.length > 0)) {
    throw new PlanParseError(
      'NO_ITEMS',
      '未识别到任何条目：没有找到以“一、”“(一)”“1.”等编号开头的段落',
    );
  }
  const count = outline.sections.reduce(
    (n, s) => s.items.reduce((m, i) => m + 1 + i.tasks.length, n),
    0,
  );
  if (count > MAX_PLAN_ITEMS) {
    throw new PlanParseError(
      'TOO_MANY_ITEMS',
      `条目过多(${count}条，上限${MAX_PLAN_ITEMS}条)，文本不像是一份实施方案`,
    );
  }

  const closingLines = [...read.notice, ...outline.closing].map((p) => ({
    no: p.line,
    text: p.text,
  }));
  const meta = readMetadata(read.metaFront, closingLines, warnings);
  const deadlineContext = {
    ...(meta.periodStart ? { periodStartYear: Number(meta.periodStart.slice(0, 4)) } : {}),
    ...(meta.periodEnd ? { periodEndYear: Number(meta.periodEnd.slice(0, 4)) } : {}),
    ...(meta.issuedOn ? { issuedOn: meta.issuedOn } : {}),
  };
  if (!meta.issuedOn && !meta.periodStart) {
    const texts = outline.sections.flatMap((s) =>
      s.items.flatMap((i) => [...i.parts, ...i.tasks.flatMap((t) => t.parts)].map((p) => p.text)),
    );
    const year = inferDocumentYear(texts);
    if (year !== undefined) Object.assign(deadlineContext, { documentYear: year });
  }
  const introductions = outline.sections.flatMap((s) => s.intro);
  const stated = readDefaultDueOn(
    [...read.notice, ...outline.closing, ...introductions],
    deadlineContext,
  );
  const defaultDueOn = stated ?? meta.periodEnd;

  const dictionary = options.directory ? new NameDictionary(options.directory) : undefined;
  const sections = finaliseSections(outline, {
    dictionary,
    deadlines: deadlineContext,
    defaultDueOn,
    warnings,
  });
  if (!sections.some((s) => s.items.some((i) => i.units.length > 0)) && looksLikeReport(outline)) {
    throw new PlanParseError(
      'NOT_A_PLAN',
      '未识别到任何条目：文本像是工作报告而不是实施方案(没有任何条目列出责任单位)',
    );
  }
  if (options.directory) attachMatches(sections, options.directory, warnings);

  const firstLine = outline.front[0]?.no ?? 1;
  if (!meta.periodStart && !meta.periodEnd) {
    warnings.add(
      'NO_PERIOD',
      firstLine,
      meta.title ?? '',
      '未从标题识别到实施期限(如“(2022—2025年)”)',
    );
  }
  if (!defaultDueOn) {
    warnings.add(
      'NO_DEFAULT_DUE',
      firstLine,
      meta.title ?? '',
      '未识别到方案的总体完成时限，没有自带时限的条目将没有完成日期',
    );
  }
  return {
    plan: {
      ...meta,
      ...(defaultDueOn ? { defaultDueOn, defaultDueOnSource: stated ? 'closing' : 'period' } : {}),
      layout: outline.layout,
    },
    sections,
    warnings: warnings.toArray(),
    preface: outline.front.map((l) => ({ line: l.no, text: l.text })),
    closing: outline.closing,
    ignored: outline.ignored,
  };
}

function looksLikeReport(outline: Outline): boolean {
  const texts = [
    ...outline.front.map((l) => l.text),
    ...outline.sections.flatMap((s) => s.intro.map((p) => p.text)),
  ];
  return texts.some((text) => REPORT_MARK.test(text));
}
