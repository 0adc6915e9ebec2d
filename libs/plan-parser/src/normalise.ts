import { MAX_PLAN_TEXT_LENGTH, PlanParseError } from './errors';
import type { Warnings } from './warnings';

export interface Line {
  /** 1-based line number in the caller's text. */
  no: number;
  /** Normalised and trimmed. */
  text: string;
  /**
   * Tabs trimmed off the start: in a pasted table they are blank first cells (a 序号 merged over
   * several rows), elsewhere indentation.
   */
  tabs?: number;
}

/*
 * Width folding, like NFKC for the characters plans use but without NFKC's other rewrites (it
 * would turn ① into 1 and lose a numbering style). 〔〕 and 【】 are kept: they mark unit lists,
 * while full-width ( ) : ; , fold to ASCII so one pattern serves both widths.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible marks left by web pages; they carry no content. */
const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060]/g;
/** Control characters and U+FFFD (what a decoder leaves for invalid UTF-8). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const GARBAGE = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g;
// eslint-disable-next-line no-control-regex -- as above
const GARBAGE_TEST = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/;
export const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/;
/** Above this share of garbage characters the input is a binary file, not a damaged text. */
const MAX_GARBAGE_SHARE = 0.01;

/**
 * Numbers Word and WPS write as one character: ㈠…㈩ are (一)…(十), ⑴…⒇ (1)…(20), ⒈…⒛ 1.…20.
 * Read as what they stand for, or every item so numbered is lost.
 */
const NUMBER_SIGNS = /[\u3220-\u3229\u2474-\u249B]/g;
const IDEOGRAPHS = '一二三四五六七八九十';
const numberSign = (ch: string): string => {
  const code = ch.charCodeAt(0);
  if (code <= 0x3229 && code >= 0x3220) return `(${IDEOGRAPHS[code - 0x3220]})`;
  return code <= 0x2487 ? `(${code - 0x2473})` : `${code - 0x2487}.`;
};

export function foldWidth(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(NUMBER_SIGNS, numberSign)
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(/\f|\v/g, ' ');
}

/** Checks the input is a plan-sized text and returns its normalised lines. */
export function toLines(input: unknown, warnings: Warnings): Line[] {
  if (typeof input !== 'string') {
    throw new PlanParseError('NOT_TEXT', '输入不是文本，无法解析');
  }
  if (input.length > MAX_PLAN_TEXT_LENGTH) {
    throw new PlanParseError(
      'TOO_LONG',
      `文本过长(${input.length}字符)，超过上限${MAX_PLAN_TEXT_LENGTH}字符，请拆分后再导入`,
    );
  }
  if (input.trim().length === 0) {
    throw new PlanParseError('EMPTY', '文本为空，未识别到任何条目');
  }
  const garbage = countGarbage(input);
  if (garbage > 0 && garbage / input.length > MAX_GARBAGE_SHARE) {
    throw new PlanParseError(
      'BINARY',
      `文本含有大量控制字符或乱码(${garbage}个)，可能是二进制文件(如Word、PDF)，请先转换为纯文本`,
    );
  }
  const raw = input.split(LINE_BREAK);
  const lines: Line[] = new Array<Line>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i];
    if (garbage > 0 && GARBAGE_TEST.test(text)) {
      text = text.replace(GARBAGE, '');
      warnings.add('CONTROL_CHARS_REMOVED', i + 1, text, '本行含有控制字符或乱码，已删除这些字符');
    }
    lines[i] = trimLine(foldWidth(text), i + 1);
  }
  return lines;
}

/** A line's text trimmed, with the tabs it started with (a table row's blank first cells). */
export function trimLine(text: string, no: number): Line {
  const trimmed = text.trim();
  const tabs = /^ *(\t+)/.exec(text)?.[1].length ?? 0;
  return tabs > 0 && trimmed ? { no, text: trimmed, tabs } : { no, text: trimmed };
}

function countGarbage(text: string): number {
  let n = 0;
  GARBAGE.lastIndex = 0;
  while (GARBAGE.exec(text) !== null) n++;
  return n;
}

/**
 * Removes the spaces web pages put inside Chinese text (`经 开 区 党 工 委`, `实施方案 (2022`)
 * and keeps those between Latin words.
 */
export function despace(text: string): string {
  return text.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

/** Numbers that may start a heading inside a run-on line (1.5亿元 and dates are no headings). */
const INLINE_NUMBER =
  /第[一二三四五六七八九十]{1,3}(?:章|部分)|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}[.、](?!\d)|\(\d{1,3}\)/g;
const SENTENCE_END_BEFORE = /[。;!?:)〕\]】”\s]$/;
/** A text that arrives as one long line (or a few) has fewer numbered lines than this. */
const FEW_HEADINGS = 3;
const RUN_ON_LENGTH = 300;

export interface InlineHeading {
  style: string;
  number: number;
}

/**
 * A whole document on one line (copied out of a viewer that drops paragraph breaks): when hardly
 * any line starts with a number but long lines hold many, each long line is cut before its
 * numbered headings: a number after the end of a sentence, or the next number of its style
 * (一、 after 一、…, 4. after 3.), since a title-only heading ends without punctuation. The pieces
 * keep the line number of the line they came from.
 */
export function splitRunOnLines(
  lines: Line[],
  headingAt: (text: string) => InlineHeading | undefined,
): Line[] {
  const numbered = lines.filter((l) => headingAt(l.text)).length;
  if (numbered >= FEW_HEADINGS || !lines.some((l) => l.text.length >= RUN_ON_LENGTH)) return lines;
  const last = new Map<string, number>();
  return lines.flatMap((line) => {
    if (line.text.length < RUN_ON_LENGTH) return [line];
    const cuts: number[] = [];
    for (const m of line.text.matchAll(INLINE_NUMBER)) {
      const heading = headingAt(line.text.slice(m.index, m.index + 40));
      if (!heading) continue;
      const next = heading.number === (last.get(heading.style) ?? 0) + 1 || heading.number === 1;
      if (m.index === 0 || next || SENTENCE_END_BEFORE.test(line.text.slice(0, m.index))) {
        if (m.index > 0) cuts.push(m.index);
        last.set(heading.style, heading.number);
      }
    }
    const bounds = [0, ...cuts, line.text.length];
    return bounds
      .slice(0, -1)
      .map((from, i) => line.text.slice(from, bounds[i + 1]).trim())
      .filter(Boolean)
      .map((text) => ({ no: line.no, text }));
  });
}
