export { chineseDate, chineseNumber, composeReport, NO_REPORTS, yearFigures } from './compose';
export type { Outline } from './compose';
export { GB9704, renderDocx, renderMarkdown } from './render';
export { reportTitle, subjectOf } from './subject';
export { REPORT_SHAPES } from './types';
export type * from './types';
