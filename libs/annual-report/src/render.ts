import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
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
  return lines.join('\n');
}

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const body = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, font: FONT, size: 32 })],
    indent: { firstLine: 640 },
    spacing: { line: 560 },
  });
const heading = (
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
  font: string,
) =>
  new Paragraph({
    heading: level,
    children: [
      new TextRun({
        text,
        font: { ascii: FONT.ascii, eastAsia: font },
        size: 32,
        bold: level === HeadingLevel.HEADING_3,
      }),
    ],
    indent: { firstLine: 640 },
    spacing: { line: 560 },
  });

/** A .docx laid out as official documents are: 三号 fonts, 28-point line spacing. */
export async function renderDocx(outline: Outline): Promise<Buffer> {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: outline.title,
          font: { ascii: FONT.ascii, eastAsia: '方正小标宋简体' },
          size: 44,
        }),
      ],
      spacing: { after: 400 },
    }),
    body(outline.opening),
  ];
  for (const part of outline.parts) {
    children.push(heading(part.heading, HeadingLevel.HEADING_2, '黑体'));
    for (const block of part.blocks) {
      if (block.heading)
        children.push(heading(block.heading, HeadingLevel.HEADING_3, '楷体_GB2312'));
      for (const paragraph of block.paragraphs) children.push(body(paragraph));
    }
  }
  return Packer.toBuffer(
    new Document({ creator: '落实 Luoshi', title: outline.title, sections: [{ children }] }),
  );
}
