import { AssignmentRole as R, AssignmentStatus as S } from '../entities/enums';
import { statusAfterAcceptedReport } from './assignment-progress';
import { itemStanding, ShareState } from './item-standing';
import { isOpenWork, openOnSql, openWorkSql, OPEN_STATUSES } from './open-work';
import { elapsedShare, planTerm, requiredCount, targetStanding } from './recurring-targets';

const share = (over: Partial<ShareState>): ShareState => ({
  role: R.Lead,
  status: S.NotStarted,
  progressPercent: 0,
  completedOn: null,
  dueOn: '2025-12-31',
  ...over,
});
const done = (on = '2025-06-01'): Partial<ShareState> => ({
  status: S.Completed,
  progressPercent: 100,
  completedOn: on,
});

describe('itemStanding', () => {
  it('is unassigned without shares', () => {
    expect(itemStanding([])).toMatchObject({ status: 'unassigned', percent: 0 });
  });

  it('is completed when every lead share is completed, whatever the co-units', () => {
    const s = itemStanding([share(done()), share({ role: R.Co, progressPercent: 13 })]);
    expect(s).toMatchObject({ status: 'completed', percent: 100, completedOn: '2025-06-01' });
  });

  it('stays open while one of two lead shares is open, at the lead average', () => {
    const s = itemStanding([share(done()), share({ status: S.InProgress, progressPercent: 40 })]);
    expect(s).toMatchObject({ status: 'in_progress', percent: 70, completedOn: null });
    expect(s).toMatchObject({ deciding: 2, decidingCompleted: 1 });
  });

  it('is not started when only a co-unit moved (a co-unit does not move the item)', () => {
    const s = itemStanding([
      share({}),
      share({ role: R.Co, status: S.Returned, progressPercent: 100 }),
    ]);
    expect(s).toMatchObject({ status: 'not_started', percent: 0 });
  });

  it('is in progress when a lead share reports progress without a status change', () => {
    expect(itemStanding([share({ progressPercent: 20 })])).toMatchObject({
      status: 'in_progress',
      percent: 20,
    });
  });

  it('is decided by all shares when the item has no lead', () => {
    const s = itemStanding([share({ role: R.Co, ...done() }), share({ role: R.Co })]);
    expect(s).toMatchObject({ status: 'in_progress', percent: 50 });
  });

  it('as of a day before the completion, the completed share is still open', () => {
    const s = itemStanding([share({ ...done('2025-06-01') })], '2025-05-31');
    expect(s.status).toBe('in_progress');
    expect(itemStanding([share({ ...done('2025-06-01') })], '2025-06-01').status).toBe('completed');
  });

  it('is completed late when a deciding share was completed after its due date', () => {
    expect(itemStanding([share({ ...done('2026-01-05') })]).completedLate).toBe(true);
    expect(itemStanding([share({ ...done('2025-01-05') })]).completedLate).toBe(false);
  });
});

describe('statusAfterAcceptedReport', () => {
  it.each([
    [S.NotStarted, 80, S.InProgress],
    [S.NotStarted, 0, S.NotStarted],
    [S.InProgress, 80, S.InProgress],
    [S.Submitted, 100, S.Submitted],
    [S.Completed, 100, S.Completed],
    [S.Returned, 60, S.Returned],
  ])('%s with %d %% → %s', (from, percent, to) => {
    expect(statusAfterAcceptedReport(from, percent)).toBe(to);
  });
});

describe('open work', () => {
  it('is every status but completed', () => {
    expect(OPEN_STATUSES).not.toContain(S.Completed);
    expect(Object.values(S).filter((s) => isOpenWork({ status: s }))).toEqual([...OPEN_STATUSES]);
  });

  it('reads completed_on today and as of a past day, in an active plan', () => {
    expect(openOnSql()).toBe('a.completed_on IS NULL');
    expect(openOnSql('$1::date')).toBe('(a.completed_on IS NULL OR a.completed_on > $1::date)');
    expect(openWorkSql(undefined, 'x', 'q')).toBe(
      "(x.completed_on IS NULL AND q.status IN ('active'))",
    );
  });
});

describe('recurring targets', () => {
  const year = { start: '2025-01-01', end: '2025-12-31' };

  it('counts a yearly target per year and a term target once', () => {
    expect(requiredCount(4, 'year')).toBe(4);
    expect(requiredCount(1, 'quarter')).toBe(4);
    expect(requiredCount(1, 'term')).toBe(1);
  });

  it.each([
    [4, 4, '2025-03-01', 'met'],
    [4, 6, '2025-12-31', 'met'],
    [4, 0, '2025-01-15', 'not_due'],
    [4, 0, '2025-04-15', 'behind'],
    [4, 1, '2025-04-01', 'not_due'],
    [4, 1, '2025-07-02', 'behind'],
    [1, 0, '2025-12-30', 'not_due'],
    [1, 0, '2025-12-31', 'behind'],
    [1, 0, '2026-03-01', 'behind'],
    [4, 3, '2024-12-31', 'not_due'],
    [60, 59.5, '2026-01-01', 'behind'],
  ])('required %d, achieved %d on %s → %s', (required, achieved, d, expected) => {
    expect(targetStanding(required, achieved, year, d)).toBe(expected);
  });

  it('measures the elapsed share of a period', () => {
    expect(elapsedShare(year, '2024-06-01')).toBe(0);
    expect(elapsedShare(year, '2025-12-31')).toBe(1);
    expect(elapsedShare(year, '2025-07-02')).toBeCloseTo(183 / 365);
  });

  it("takes the plan's term from its period, else its dates", () => {
    const none = { periodStart: null, periodEnd: null, issuedOn: null, defaultDueOn: null };
    expect(
      planTerm({ ...none, periodStart: '2022-10-21', periodEnd: '2025-12-31' }, '2024-01-01'),
    ).toEqual({ start: '2022-10-21', end: '2025-12-31' });
    expect(
      planTerm({ ...none, issuedOn: '2022-10-21', defaultDueOn: '2025-12-31' }, '2024-01-01'),
    ).toEqual({ start: '2022-01-01', end: '2025-12-31' });
    expect(planTerm(none, '2024-05-01')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });
});
