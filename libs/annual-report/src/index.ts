export { chineseNumber, composeReport } from './compose';
export type { Outline } from './compose';
export { renderDocx, renderMarkdown } from './render';
export type * from './types';
