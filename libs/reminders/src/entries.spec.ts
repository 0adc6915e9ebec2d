import { composeDigest, composeEscalation } from './compose';
import { digestEntries, entryCount } from './entries';
import type { OwedAssignment, OwedWork } from './rules';

const share = (over: Partial<OwedAssignment> = {}): OwedAssignment => ({
  assignmentId: 'a1',
  planTitle: '法治政府建设实施方案',
  itemId: 'i1',
  itemNumberText: '二十三',
  itemTitle: '发挥行政复议化解行政争议主渠道作用',
  role: 'lead',
  dueOn: '2022-12-31',
  ...over,
});

/** One item overdue with its report missing, one due soon owed twice (item and task shares). */
const owed: OwedWork = {
  overdue: [{ ...share(), daysOverdue: 800 }],
  dueSoon: [
    {
      ...share({
        assignmentId: 'a2',
        itemId: 'i2',
        itemNumberText: '九',
        role: 'co',
        dueOn: '2025-03-30',
      }),
      daysLeft: 20,
    },
    {
      ...share({ assignmentId: 'a3', itemId: 'i2', itemNumberText: '九', dueOn: '2025-03-20' }),
      daysLeft: 10,
    },
  ],
  reportsMissing: [
    { ...share(), periodLabel: '2025年2月' },
    {
      ...share({ assignmentId: 'a4', itemId: 'i3', itemNumberText: '十' }),
      periodLabel: '2025年2月',
    },
  ],
  noticesAwaiting: [],
};
const link = (id: string) => `http://x/items/${id}`;

describe('digest entries: each item once, with all that is owed on it', () => {
  it('puts an item under its most urgent heading and carries the rest on the same line', () => {
    const e = digestEntries(owed);
    expect(e.overdue.map((x) => [x.itemNumberText, x.daysOverdue, x.missingPeriods])).toEqual([
      ['二十三', 800, ['2025年2月']],
    ]);
    // Two shares of item (九): listed once, the earliest due date, led by the unit.
    expect(e.dueSoon.map((x) => [x.itemNumberText, x.dueOn, x.daysLeft, x.role])).toEqual([
      ['九', '2025-03-20', 10, 'lead'],
    ]);
    expect(e.reportsMissing.map((x) => x.itemNumberText)).toEqual(['十']);
    expect(entryCount(digestEntries(owed))).toBe(3);
  });

  it('writes each item once in the email, with the missing report on its overdue line', () => {
    const { text } = composeDigest('区人劳局', '2025-03-10', owed, link, 30);
    expect(text.match(/\(二十三\)/g)).toHaveLength(1);
    expect(text.match(/\(九\)/g)).toHaveLength(1);
    expect(text).toContain('已逾期 800 天；2025年2月进展尚未报送');
    expect(text).toContain(
      '(十)发挥行政复议化解行政争议主渠道作用（牵头），完成时限 2022-12-31，2025年2月进展尚未报送',
    );
  });

  it('sums up the escalated units for the supervision office in one email', () => {
    const email = composeEscalation(
      '2025-03-10',
      [
        { unitName: '区人劳局', owed },
        {
          unitName: '区经发局',
          owed: {
            ...owed,
            overdue: [
              { ...share({ itemId: 'i9', itemNumberText: '五' }), daysOverdue: 9 },
              { ...share(), daysOverdue: 30 },
            ],
          },
        },
      ],
      link,
      7,
    );
    expect(email.subject).toBe('【落实督办】督查室汇总：2 个单位有任务逾期超过 7 天（2025-03-10）');
    expect(email.itemCount).toBe(3);
    expect(email.text).toContain('【区人劳局（逾期 1 项）】');
    expect(email.text).toContain('【区经发局（逾期 2 项）】');
    // Most overdue first within a unit.
    expect(email.text.indexOf('已逾期 30 天')).toBeLessThan(email.text.indexOf('已逾期 9 天'));
    expect(email.html).toContain('http://x/items/i9');
  });

  it('lists ten items of a unit in the summary and counts the rest', () => {
    const overdue = Array.from({ length: 13 }, (_, k) => ({
      ...share({ itemId: `i${k}`, itemNumberText: String(k + 1) }),
      daysOverdue: 10 + k,
    }));
    const email = composeEscalation(
      '2025-03-10',
      [{ unitName: '区经发局', owed: { ...owed, overdue } }],
      link,
      7,
    );
    expect(email.itemCount).toBe(13);
    expect(email.text).toContain('【区经发局（逾期 13 项）】');
    expect(email.text.match(/已逾期 \d+ 天/g)).toHaveLength(10);
    // The most overdue are the ones listed.
    expect(email.text).toContain('已逾期 22 天');
    expect(email.text).not.toContain('已逾期 12 天');
    expect(email.text).toContain('另有 3 项逾期任务');
    expect(email.html).toContain('另有 3 项逾期任务');
  });
});
