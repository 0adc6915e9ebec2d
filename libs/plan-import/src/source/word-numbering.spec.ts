import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from 'docx';
import JSZip from 'jszip';
import { readPlanFile } from './plan-file';
import { formatNumber, withNumberingWritten } from './word-numbering';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** document.xml after the numbers were written, as its paragraphs' texts. */
async function numberedTexts(parts: {
  document: string;
  numbering: string;
  styles?: string;
}): Promise<string[]> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document ${W}><w:body>${parts.document}</w:body></w:document>`);
  zip.file('word/numbering.xml', `<w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles) zip.file('word/styles.xml', `<w:styles ${W}>${parts.styles}</w:styles>`);
  const out = await JSZip.loadAsync(
    await withNumberingWritten(await zip.generateAsync({ type: 'nodebuffer' })),
  );
  const xml = await out.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

const level = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const para = (text: string, pPr = '') =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const numPr = (numId: string, ilvl?: number) =>
  `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;

describe('Word list numbering written into the text', () => {
  it('writes (一) and 1. lists and an auto-numbered 序号 column as Word shows them', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'items',
            levels: [
              {
                level: 0,
                format: LevelFormat.CHINESE_COUNTING,
                text: '（%1）',
                alignment: AlignmentType.LEFT,
              },
              { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
            ],
          },
          {
            reference: 'rows',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('某县2025年优化营商环境工作方案'),
            new Paragraph('一、重点任务'),
            new Paragraph({
              text: '提升政务服务效能。（县政务服务中心负责）',
              numbering: { reference: 'items', level: 0 },
            }),
            new Paragraph({ text: '加强要素保障。', numbering: { reference: 'items', level: 0 } }),
            new Paragraph({
              text: '保障用地需求。（县自然资源局负责）',
              numbering: { reference: 'items', level: 1 },
            }),
            new Paragraph({
              text: '保障用工需求。（县人社局负责）',
              numbering: { reference: 'items', level: 1 },
            }),
            new Paragraph({
              text: '优化市场环境。（县市场监管局负责）',
              numbering: { reference: 'items', level: 0 },
            }),
            new Table({
              rows: [
                new TableRow({
                  children: ['序号', '工作任务', '牵头单位'].map(
                    (t) => new TableCell({ children: [new Paragraph(t)] }),
                  ),
                }),
                ...['推行证照分离', '优化纳税服务'].map(
                  (task) =>
                    new TableRow({
                      children: [
                        new TableCell({
                          children: [
                            new Paragraph({ text: '', numbering: { reference: 'rows', level: 0 } }),
                          ],
                        }),
                        new TableCell({ children: [new Paragraph(task)] }),
                        new TableCell({ children: [new Paragraph('县税务局')] }),
                      ],
                    }),
                ),
              ],
            }),
          ],
        },
      ],
    });
    const read = await readPlanFile(await Packer.toBuffer(doc), '方案.docx');
    expect(read.text.split('\n').slice(2, 7)).toEqual([
      '（一）提升政务服务效能。（县政务服务中心负责）',
      '（二）加强要素保障。',
      '1.保障用地需求。（县自然资源局负责）',
      '2.保障用工需求。（县人社局负责）',
      '（三）优化市场环境。（县市场监管局负责）',
    ]);
    expect(read.table?.rows.map((r) => (r.type === 'row' ? r.cells[0] : ''))).toEqual(['1', '2']);
  });

  it('numbers a heading style’s paragraphs, restarts where a list says so, and skips bullets', async () => {
    const texts = await numberedTexts({
      styles: `<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr>${numPr('1', 0)}</w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Chapter"><w:basedOn w:val="Heading1"/></w:style>`,
      numbering: `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}</w:abstractNum>
        <w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'decimal', '%1.%2')}</w:abstractNum>
        <w:abstractNum w:abstractNumId="2">${level(0, 'bullet', '•')}</w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>`,
      document: [
        para('总体要求', '<w:pStyle w:val="Heading1"/>'),
        para('重点任务', '<w:pStyle w:val="Chapter"/>'),
        para('加强监测', numPr('2', 0)),
        para('每月调度', numPr('2', 1)),
        para('按季通报', numPr('2', 1)),
        para('强化考核', numPr('2', 0)),
        para('不编号的标题', `<w:pStyle w:val="Heading1"/>${numPr('0')}`),
        para('保障措施', '<w:pStyle w:val="Heading1"/>'),
        para('重新编号', numPr('3', 0)),
        para('要点', numPr('4', 0)),
        '<w:p><w:r><w:t>没有段落属性</w:t></w:r></w:p>',
      ].join(''),
    });
    expect(texts).toEqual([
      '一、总体要求',
      '二、重点任务',
      '1.加强监测',
      '1.1每月调度',
      '1.2按季通报',
      '2.强化考核',
      '不编号的标题',
      '三、保障措施',
      '1.重新编号',
      '要点',
      '没有段落属性',
    ]);
  });

  it('counts a text box’s paragraph once, in the copy mammoth reads (mc:Fallback)', async () => {
    const texts = await numberedTexts({
      numbering: `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '（%1）')}</w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
      document: [
        para('甲', numPr('1', 0)),
        `<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>${para('乙', numPr('1', 0))}</w:txbxContent></mc:Choice>`,
        `<mc:Fallback><w:txbxContent>${para('乙', numPr('1', 0))}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
        para('丙', numPr('1', 0)),
      ].join(''),
    });
    expect(texts.filter(Boolean)).toEqual(['（一）甲', '乙', '（二）乙', '（三）丙']);
  });

  it('leaves a document without numbering as it is', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document ${W}><w:body>${para('正文')}</w:body></w:document>`);
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await withNumberingWritten(docx)).toBe(docx);
  });

  it.each([
    [3, 'chineseCounting', '三'],
    [12, 'chineseCountingThousand', '十二'],
    [2, 'ideographTraditional', '乙'],
    [4, 'decimalEnclosedCircle', '④'],
    [7, 'decimalFullWidth', '７'],
    [3, 'decimalZero', '03'],
    [28, 'upperLetter', 'BB'],
    [100, 'upperLetter', '100'],
    [9, 'lowerRoman', 'ix'],
    [5, 'none', ''],
    [5, 'someFutureFormat', '5'],
  ])('writes %i in %s as %s', (n, format, text) => {
    expect(formatNumber(n, format)).toBe(text);
  });
});
