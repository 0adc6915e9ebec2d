import { DEFAULT_RULES, mergeRules, rankByScore, scoreUnit } from './rules';

describe('考评 rules', () => {
  it('adds up the parts, each explained', () => {
    const result = scoreUnit(
      {
        due: [
          { assignmentId: 'a', dueOn: '2025-03-31', completedOn: '2025-03-20' },
          { assignmentId: 'b', dueOn: '2025-03-31', completedOn: '2025-04-02' },
          { assignmentId: 'c', dueOn: '2025-03-15', completedOn: null },
        ],
        overdue: [{ assignmentId: 'c', daysOverdue: 16 }],
        reports: [
          { assignmentId: 'a', checkDay: '2025-03-01', filed: true },
          { assignmentId: 'b', checkDay: '2025-03-01', filed: false },
        ],
        notices: [],
      },
      DEFAULT_RULES,
    );
    const points = Object.fromEntries(result.parts.map((p) => [p.key, p.points]));
    expect(points).toEqual({
      onTimeCompletion: 13.33,
      overdue: 22.4,
      reportsOnTime: 7.5,
      noticesOnTime: 10,
      acknowledgedOnTime: 0,
    });
    expect(result.score).toBe(53.23);
    expect(result.maxScore).toBe(90);
    expect(result.parts[1].explanation).toBe(
      '逾期1项共16天，扣 1×1+0.1×16=2.6 分（最多扣 25 分），得 22.4',
    );
    expect(result.parts[4].available).toBe(false);
  });

  it('never deducts more than the part is worth', () => {
    const r = scoreUnit(
      {
        due: [],
        overdue: [{ assignmentId: 'x', daysOverdue: 1000 }],
        reports: [],
        notices: [],
        acknowledgements: [{ acknowledgedInTime: true }, { acknowledgedInTime: false }],
      },
      DEFAULT_RULES,
    );
    expect(r.parts.find((p) => p.key === 'overdue')!.points).toBe(0);
    expect(r.parts.find((p) => p.key === 'acknowledgedOnTime')!.points).toBe(5);
    expect(r.maxScore).toBe(100);
  });

  it('merges stored rules over the defaults and ignores unknown keys', () => {
    const rules = mergeRules({ overdue: { perDay: 0.5, bogus: 3 } as object });
    expect(rules.overdue).toEqual({ weight: 25, perItem: 1, perDay: 0.5 });
    expect(rules.onTimeCompletion.weight).toBe(40);
  });

  it('ranks ties alike', () => {
    const ranked = rankByScore([{ score: 80 }, { score: 90 }, { score: 80 }, { score: 70 }]);
    expect(ranked.map((r) => [r.score, r.rank])).toEqual([
      [90, 1],
      [80, 2],
      [80, 2],
      [70, 4],
    ]);
  });
});
