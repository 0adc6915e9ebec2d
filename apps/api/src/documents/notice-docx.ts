import type { NoticeDocumentItem } from '../supervision/notice.queries';
import {
  addressee,
  body,
  chineseDate,
  heading,
  numberLine,
  pack,
  signature,
  table,
  title,
} from './official-docx';

export interface NoticeDocument {
  /** 红色督办单 */
  levelTitle: string;
  number: string;
  unitName: string;
  reason: string;
  items: NoticeDocumentItem[];
  replyBy: string;
  officeName: string;
  /** The day it was issued (Asia/Shanghai). */
  issuedOn: string;
  /** The day the days overdue are counted to. */
  asOf: string;
}

/** A 督办单 as the office prints and sends it. */
export function renderNoticeDocx(n: NoticeDocument): Promise<Buffer> {
  return pack(`${n.levelTitle} ${n.number}`, [
    title(n.levelTitle),
    numberLine(n.number),
    addressee(n.unitName),
    body(n.reason),
    heading(`督办事项（逾期天数截至${chineseDate(n.asOf)}）：`),
    table(
      ['序号', '方案', '条目', '完成时限', '逾期天数'],
      n.items.map((item, i) => [
        i + 1,
        item.planTitle,
        `(${item.itemNumberText})${item.itemTitle}`,
        item.dueOn,
        item.daysOverdue > 0 ? `${item.daysOverdue}天` : '未逾期',
      ]),
    ),
    body(
      `请于${chineseDate(n.replyBy)}前将办理情况（原因、整改措施、完成时间）书面反馈${n.officeName}。`,
    ),
    ...signature(n.officeName, n.issuedOn),
  ]);
}
