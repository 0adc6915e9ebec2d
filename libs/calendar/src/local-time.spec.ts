import { formatLocalDate, formatLocalDateTime } from './local-time';

describe('formatLocalDateTime', () => {
  it('shows the Asia/Shanghai date and time of an instant, across midnight', () => {
    expect(formatLocalDateTime('2026-12-01T21:31:00Z')).toBe('2026-12-02 05:31');
    expect(formatLocalDate('2026-12-01T21:31:00Z')).toBe('2026-12-02');
    expect(formatLocalDateTime(new Date('2026-12-02T05:31:00+08:00'))).toBe('2026-12-02 05:31');
    expect(formatLocalDateTime(Date.UTC(2025, 0, 1, 16, 0))).toBe('2025-01-02 00:00');
  });
});
