import { NOTICE_LEVEL_LABEL, NoticeLevel } from '@app/database';

/** The document number an office gives a notice: 督办〔2026〕12号. */
export function noticeNumber(n: { numberYear: number; numberSerial: number }): string {
  return `督办〔${n.numberYear}〕${n.numberSerial}号`;
}

const ORDER = [NoticeLevel.Blue, NoticeLevel.Yellow, NoticeLevel.Red];

/** The colour one step more serious, or undefined for red (there is nothing above it). */
export function nextLevel(level: NoticeLevel): NoticeLevel | undefined {
  return ORDER[ORDER.indexOf(level) + 1];
}

/** 红色督办单 */
export function levelTitle(level: NoticeLevel): string {
  return `${NOTICE_LEVEL_LABEL[level]}督办单`;
}
