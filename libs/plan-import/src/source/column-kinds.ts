/*
 * What a table column is read as, and its Chinese label. No imports: the console reads this
 * file too (its column correction offers these labels), so it stays free of the parser.
 */

/** What a column is read as; `section` groups rows into chapters, `ignore` drops the column. */
export const COLUMN_KINDS = [
  'number',
  'section',
  'title',
  'body',
  'lead',
  'co',
  'listed',
  'deadline',
  'progress',
  'other',
  'ignore',
] as const;
export type TableColumnKind = (typeof COLUMN_KINDS)[number];

export const COLUMN_KIND_LABEL: Record<TableColumnKind, string> = {
  number: '序号',
  section: '章节（分类）',
  title: '任务',
  body: '具体内容',
  lead: '牵头单位',
  co: '配合单位',
  listed: '责任单位',
  deadline: '完成时限',
  progress: '推进情况（不读时限）',
  other: '其他（并入正文）',
  ignore: '不读取',
};
