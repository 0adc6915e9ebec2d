import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';

/*
 * Small plans whose tasks are tables, built in the test rather than committed as binaries so a
 * reader sees every cell. Units are the demo directory's (区经发局, 区财政局, 各镇(街道), …).
 */

const cell = (text: string, options: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({
    children: text
      .split('\n')
      .map((line) => new Paragraph({ text: line, alignment: AlignmentType.LEFT })),
    ...options,
  });

/**
 * A Word plan: title, 文号 and issuers as paragraphs, then a table 序号 | 工作任务 | 牵头单位 |
 * 配合单位 | 完成时限 with a section row spanning the table and a 牵头单位 merged over two rows.
 */
export async function wordTablePlan(docNumber = '漯开文〔2025〕21号'): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('经开区2025年优化营商环境重点任务分工方案'),
          new Paragraph(docNumber),
          new Paragraph('中共漯河经济技术开发区工作委员会 漯河经济技术开发区管理委员会'),
          new Paragraph('2025年2月10日'),
          new Table({
            rows: [
              new TableRow({
                children: ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'].map((t) =>
                  cell(t),
                ),
              }),
              new TableRow({ children: [cell('一、提升政务服务效能', { columnSpan: 5 })] }),
              new TableRow({
                children: [
                  cell('1'),
                  cell('推行企业开办“一网通办”。全面推行企业开办全程网上办理。'),
                  cell('区行政服务中心'),
                  cell('区市场监管分局\n区信息中心'),
                  cell('2025年6月底前'),
                ],
              }),
              new TableRow({
                children: [
                  cell('2'),
                  cell('优化工程建设项目审批。压缩审批时间。'),
                  cell('区建设局', { rowSpan: 2 }),
                  cell('区自然资源和规划分局'),
                  cell('2025年9月底前'),
                ],
              }),
              new TableRow({
                children: [
                  cell('3'),
                  cell('推进联合验收。实行竣工联合验收。'),
                  cell('各镇(街道)'),
                  cell('2025年年底前'),
                ],
              }),
              new TableRow({ children: [cell('二、加强要素保障', { columnSpan: 5 })] }),
              new TableRow({
                children: [
                  cell('4'),
                  cell('强化融资服务。开展银企对接活动每季度不少于1次。'),
                  cell('区财政局'),
                  cell('区经发局、区测绘站'),
                  cell('长期坚持'),
                ],
              }),
            ],
          }),
          new Paragraph('各责任单位要确保2025年年底前全面完成各项任务。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * An Excel 任务分解表: a title row merged across, the header on row 3, 重点领域 merged down the
 * rows it covers, a 牵头单位 merged over two rows, and a second sheet with its columns in
 * another order.
 */
export async function excelBreakdown(
  title = '经开区2025年法治政府建设工作要点任务分解表',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const first = workbook.addWorksheet('重点任务');
  first.addRow([title]);
  first.mergeCells('A1:F1');
  first.addRow(['（2025年3月）']);
  first.addRow(['序号', '重点领域', '重点任务', '牵头单位', '责任单位', '完成时限']);
  first.addRow([
    1,
    '依法行政',
    '完善重大行政决策程序。制定年度决策事项目录。',
    '区党工委办公室',
    '区直各相关部门',
    '2025年6月底前',
  ]);
  first.addRow([
    2,
    null,
    '规范行政规范性文件管理。开展文件清理。',
    '区监察室',
    '区财政局',
    '2025年10月底前',
  ]);
  first.addRow([
    3,
    '执法监督',
    '开展行政执法案卷评查。',
    '区监察室',
    '区直各行政执法部门',
    '2025年11月底前',
  ]);
  first.addRow([
    4,
    null,
    '推行行政执法“三项制度”。',
    null,
    '区应急管理局、区市场监管分局',
    '2025年年底前',
  ]);
  first.mergeCells('B4:B5');
  first.mergeCells('B6:B7');
  first.mergeCells('D6:D7');
  const second = workbook.addWorksheet('年度常规工作');
  second.addRow(['序号', '工作任务', '完成时限', '责任单位', '牵头单位']);
  second.addRow([
    1,
    '组织领导干部学法。区政府常务会议学法每年不少于4次。',
    '每年',
    '区人劳局',
    '区党办',
  ]);
  second.addRow([2, '开展法治宣传进镇街活动。', '2025年12月底前', '各镇(街道)', '区法院']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
