import { composeDigest } from './compose';
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
