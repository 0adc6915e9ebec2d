import { NUMERAL_CHARS, parseChineseNumeral } from './numerals';

/**
 * Numbering styles of Chinese official documents, highest level first (GB/T 9704 and common
 * practice): 第一章 > 一、 > (一) > 1. > (1) > ①. Which of them a document uses decides
 * what is a section, an item and a task (see structure.ts).
 */
export const HEADING_STYLES = [
  'chapter',
  'dun',
  'paren',
  'arabic',
  'arabicParen',
  'circled',
] as const;
export type HeadingStyle = (typeof HEADING_STYLES)[number];

export interface Heading {
  style: HeadingStyle;
  number: number;
  /** The numeral as written: 三十七, 4, ③. */
  numberText: string;
  /** The text after the number and its punctuation. */
  rest: string;
}

const N = `[${NUMERAL_CHARS}]{1,8}`;
const PATTERNS: [HeadingStyle, RegExp][] = [
  ['chapter', new RegExp(`^第(${N}|\\d{1,3})(?:章|部分|篇)\\s*`)],
  ['dun', new RegExp(`^(${N})\\s?[、.]\\s*`)],
  ['paren', new RegExp(`^\\((${N})\\)\\s*`)],
  // After a dot, (?!\d) keeps 1.5亿元 and dates like 2022.10 out; a year may follow (2.2024年底前…),
  // and anything may follow 、 (1、2024年…), which no decimal has.
  ['arabic', /^(\d{1,3})\s?(?:、|\.(?!\d)|\.(?=\d{4}年))\s*/],
  ['arabicParen', /^\((\d{1,3})\)\s*/],
  ['circled', /^([\u2460-\u2473])\s*/],
];

export function readHeading(text: string): Heading | undefined {
  for (const [style, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const numberText = m[1];
    const number = parseNumber(style, numberText);
    if (number === undefined || number === 0) return undefined;
    const rest = text.slice(m[0].length);
    // A heading needs words after its number; `一、` alone or `(2022` is something else.
    if (rest.length === 0) return undefined;
    return { style, number, numberText, rest };
  }
  return undefined;
}

function parseNumber(style: HeadingStyle, text: string): number | undefined {
  if (style === 'circled') return text.charCodeAt(0) - 0x2460 + 1;
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumeral(text);
}

export function styleRank(style: HeadingStyle): number {
  return HEADING_STYLES.indexOf(style);
}
