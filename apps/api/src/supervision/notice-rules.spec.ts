import { NoticeLevel } from '@app/database';
import { levelTitle, nextLevel, noticeNumber } from './notice-rules';

describe('notice rules', () => {
  it('numbers a notice per year', () => {
    expect(noticeNumber({ numberYear: 2026, numberSerial: 12 })).toBe('督办〔2026〕12号');
  });
  it('raises blue to yellow to red, and nothing above red', () => {
    expect(nextLevel(NoticeLevel.Blue)).toBe(NoticeLevel.Yellow);
    expect(nextLevel(NoticeLevel.Yellow)).toBe(NoticeLevel.Red);
    expect(nextLevel(NoticeLevel.Red)).toBeUndefined();
    expect(levelTitle(NoticeLevel.Red)).toBe('红色督办单');
  });
});
