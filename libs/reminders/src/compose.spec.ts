import { composeDigest, composeEvent } from './compose';
import type { OwedWork } from './rules';

const owed: OwedWork = {
  overdue: [],
  dueSoon: [
    {
      assignmentId: 'a1',
      planTitle: '法治政府建设实施方案',
      itemId: 'i1',
      itemNumberText: '四',
      itemTitle: '深入学习宣传贯彻习近平法治思想',
      role: 'lead',
      dueOn: '2025-03-20',
      daysLeft: 10,
    },
  ],
  reportsMissing: [],
  noticesAwaiting: [],
};

describe('composeDigest', () => {
  it('names the due-soon window the digest was computed with (DUE_SOON_DAYS)', () => {
    const link = (id: string) => `http://x/items/${id}`;
    expect(composeDigest('区经发局', '2025-03-10', owed, link, 14).text).toContain(
      '【14 天内到期】',
    );
    expect(composeDigest('区经发局', '2025-03-10', owed, link, 30).text).toContain(
      '【30 天内到期】',
    );
  });
});

describe('composeEvent', () => {
  it('names the event, links each page and carries the office’s words, escaped in HTML', () => {
    const mail = composeEvent(
      '区经发局：催办 1 项任务',
      '区经发局：以下任务请抓紧办理。',
      '催办的任务',
      [{ text: '(七)<优化>营商环境', link: 'http://localhost:3000/assignments/a1' }],
      ['催办意见：本周内报送'],
    );
    expect(mail.subject).toBe('【落实督办】区经发局：催办 1 项任务');
    expect(mail.text).toContain('1. (七)<优化>营商环境\n  http://localhost:3000/assignments/a1');
    expect(mail.text).toContain('【说明】\n1. 催办意见：本周内报送');
    expect(mail.html).toContain(
      '<a href="http://localhost:3000/assignments/a1">(七)&lt;优化&gt;营商环境</a>',
    );
  });
});
