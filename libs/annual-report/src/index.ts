export { chineseNumber, composeReport } from './compose';
export type { Outline } from './compose';
export { renderDocx, renderMarkdown } from './render';
export { subjectOf } from './subject';
export type * from './types';
