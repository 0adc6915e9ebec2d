import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/*
 * The pieces of an official document (公文) in the `docx` package, shared by the 督办单 and the
 * 情况通报: 方正小标宋 title, 仿宋 三号 body with 28-point line spacing, 黑体 headings, the
 * issuing office and the date at the right under the text.
 */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const ASCII = 'Times New Roman';
const SIZE = 32; // 三号 = 16 pt, in half-points

const run = (
  text: string,
  eastAsia = '仿宋_GB2312',
  extra: { bold?: boolean; size?: number } = {},
) =>
  new TextRun({
    text,
    font: { ascii: ASCII, eastAsia },
    size: extra.size ?? SIZE,
    bold: extra.bold,
  });

export const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [run(text, '方正小标宋简体', { size: 44 })],
  });

/** The document number line under the title, centred (督办〔2026〕12号). */
export const numberLine = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    children: [run(text)],
  });

/** 主送机关: the addressee, flush left, ending with a full-width colon. */
export const addressee = (text: string) =>
  new Paragraph({ spacing: { line: 560 }, children: [run(`${text}：`)] });

export const body = (text: string) =>
  new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text)] });

export const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [run(text, '黑体')],
  });

/** The issuing office and the date, right-aligned under the text. */
export const signature = (office: string, date: string) => [
  new Paragraph({ spacing: { before: 600 }, children: [] }),
  new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(office)] }),
  new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(chineseDate(date))] }),
];

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A bordered table with a bold header row; cells are 仿宋 四号 (14 pt). */
export function table(headers: string[], rows: Array<Array<string | number>>): Table {
  const cell = (text: string | number, bold = false) =>
    new TableCell({
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      children: [
        new Paragraph({ children: [run(String(text), '仿宋_GB2312', { bold, size: 28 })] }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

/** 2026-03-05 → 2026年3月5日, as dates are written in official documents. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function pack(documentTitle: string, children: Array<Paragraph | Table>): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      creator: '落实 Luoshi',
      title: documentTitle,
      sections: [
        {
          // A4 with the 公文 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
          properties: {
            page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
          },
          children,
        },
      ],
    }),
  );
}
