import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import type { Outline } from './compose';

/**
 * What units typed is quoted in the report; in Markdown, HTML in it would be rendered (a
 * `<script>` or `<img onerror>` in a progress report runs in whoever previews the draft), so
 * it is shown as text: &, < and > become entities, which every Markdown renderer prints as is.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderMarkdown(outline: Outline): string {
  const e = escapeHtml;
  const lines = [`# ${e(outline.title)}`, '', e(outline.opening), ''];
  for (const part of outline.parts) {
    lines.push(`## ${e(part.heading)}`, '');
    for (const block of part.blocks) {
      if (block.heading) lines.push(`### ${e(block.heading)}`, '');
      for (const paragraph of block.paragraphs) lines.push(e(paragraph), '');
    }
  }
  // 落款: the issuing office, and the date under it (right-aligned in the .docx).
  lines.push(e(outline.closing.issuer), '', e(outline.closing.date), '');
  return lines.join('\n');
}

/**
 * GB/T 9704—2012 (党政机关公文格式) in Word's units: A4; margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; 22 lines of 28 characters of 三号 (16 pt) 仿宋_GB2312. The text area
 * is 156 × 225 mm: 28 characters of 15.8 pt (the grid's charSpace takes 0.2 pt off the 16 pt
 * Normal size, ×4096) and 22 lines of 28.95 pt (linePitch 579 twips, every line exact).
 */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
export const GB9704 = {
  page: { width: 11906, height: 16838 },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  linesPerPage: 22,
  charsPerLine: 28,
  /** Twentieths of a point: the text area's height over 22 lines, rounded down to fit. */
  linePitch: 579,
  /** Half-points: 三号 body, 二号 title, 四号 page numbers. */
  sizes: { body: 32, title: 44, pageNumber: 28 },
} as const;
const textWidth = GB9704.page.width - GB9704.margin.left - GB9704.margin.right;
const CHAR_SPACE = Math.round(
  (textWidth / 20 / GB9704.charsPerLine - GB9704.sizes.body / 2) * 4096,
);
const CHAR = Math.round(textWidth / GB9704.charsPerLine);

const LATIN = 'Times New Roman';
const FANGSONG = '仿宋_GB2312';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia });
const exact = { line: GB9704.linePitch, lineRule: LineRuleType.EXACT };

const body = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, font: font(FANGSONG), size: GB9704.sizes.body })],
    indent: { firstLine: CHAR * 2 },
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact,
  });
/** 一、 in 黑体, （一） in 楷体_GB2312: the heading levels of official documents, all 三号. */
const heading = (text: string, level: 1 | 2) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [
      new TextRun({
        text,
        font: font(level === 1 ? '黑体' : '楷体_GB2312'),
        size: GB9704.sizes.body,
        color: '000000',
      }),
    ],
    indent: { firstLine: CHAR * 2 },
    spacing: exact,
  });
const right = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: CHAR * 2 },
    children: [new TextRun({ text, font: font(FANGSONG), size: GB9704.sizes.body })],
    spacing: exact,
  });
/** 页码: 4号半角宋体 Arabic numerals between dashes, odd pages right and even pages left. */
const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR } : { left: CHAR },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font('宋体'),
            size: GB9704.sizes.pageNumber,
          }),
        ],
      }),
    ],
  });

/** A .docx laid out as GB/T 9704 lays out official documents, with the 落款 at its end. */
export async function renderDocx(outline: Outline): Promise<Buffer> {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: outline.title,
          font: font('方正小标宋简体'),
          size: GB9704.sizes.title,
        }),
      ],
      spacing: { ...exact, after: GB9704.linePitch },
    }),
    body(outline.opening),
  ];
  for (const part of outline.parts) {
    children.push(heading(part.heading, 1));
    for (const block of part.blocks) {
      if (block.heading) children.push(heading(block.heading, 2));
      for (const paragraph of block.paragraphs) children.push(body(paragraph));
    }
  }
  children.push(body(''), right(outline.closing.issuer), right(outline.closing.date));
  return Packer.toBuffer(
    new Document({
      creator: '落实 Luoshi',
      title: outline.title,
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: { run: { font: font(FANGSONG), size: GB9704.sizes.body } },
          heading1: { run: { bold: false, color: '000000' } },
          heading2: { run: { bold: false, color: '000000' } },
        },
      },
      sections: [
        {
          properties: {
            page: {
              size: { ...GB9704.page, orientation: PageOrientation.PORTRAIT },
              margin: { ...GB9704.margin, header: mm(15), footer: mm(28) - mm(7) },
            },
            grid: {
              type: DocumentGridType.LINES_AND_CHARS,
              linePitch: GB9704.linePitch,
              charSpace: CHAR_SPACE,
            },
          },
          footers: { default: pageNumber('odd'), even: pageNumber('even') },
          children,
        },
      ],
    }),
  );
}
