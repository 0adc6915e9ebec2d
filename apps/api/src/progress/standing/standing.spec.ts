import { planYears } from './standing.service';

describe('planYears', () => {
  const none = { periodStart: null, periodEnd: null, issuedOn: null, defaultDueOn: null };

  it('covers the plan period year by year', () => {
    expect(
      planYears({ ...none, periodStart: '2022-01-01', periodEnd: '2025-12-31' }, 2030),
    ).toEqual([2022, 2023, 2024, 2025]);
  });

  it('falls back to the issue date and the default deadline, then to the given year', () => {
    expect(
      planYears({ ...none, issuedOn: '2024-10-21', defaultDueOn: '2025-12-31' }, 2030),
    ).toEqual([2024, 2025]);
    expect(planYears(none, 2025)).toEqual([2025]);
    expect(
      planYears({ ...none, periodStart: '2026-01-01', periodEnd: '2025-12-31' }, 2025),
    ).toEqual([2026]);
  });
});
