import { addWorkingDays, HolidayCalendar } from '@app/calendar';
import { AcknowledgementFilter, acknowledgementLate, acknowledgementSql } from './acknowledgement';

describe('签收 rule', () => {
  it('is late only when nobody signed and the last day has passed', () => {
    const at = new Date('2025-03-11T02:00:00Z');
    expect(
      acknowledgementLate({ acknowledgedAt: null, acknowledgeBy: '2025-03-12' }, '2025-03-12'),
    ).toBe(false);
    expect(
      acknowledgementLate({ acknowledgedAt: null, acknowledgeBy: '2025-03-12' }, '2025-03-13'),
    ).toBe(true);
    expect(
      acknowledgementLate({ acknowledgedAt: at, acknowledgeBy: '2025-03-12' }, '2025-03-20'),
    ).toBe(false);
    // Rows without a limit (made before 签收 existed, or by a CLI import) are never late.
    expect(acknowledgementLate({ acknowledgedAt: null, acknowledgeBy: null }, '2030-01-01')).toBe(
      false,
    );
  });

  it('says the same in SQL for each filter', () => {
    expect(acknowledgementSql('a', AcknowledgementFilter.Unacknowledged, ':d')).toBe(
      'a.acknowledged_at IS NULL',
    );
    expect(acknowledgementSql('n', AcknowledgementFilter.Late, '$2')).toBe(
      'n.acknowledged_at IS NULL AND n.acknowledge_by < $2',
    );
    expect(acknowledgementSql('a', AcknowledgementFilter.Acknowledged, ':d')).toBe(
      'a.acknowledged_at IS NOT NULL',
    );
  });

  it('counts working days for the limit: a Friday’s work is due Tuesday, a holiday is skipped', () => {
    const calendar = HolidayCalendar.fromPackage();
    expect(addWorkingDays('2025-03-10', 2, calendar)).toBe('2025-03-12');
    expect(addWorkingDays('2025-03-14', 2, calendar)).toBe('2025-03-18');
    // 2025-04-30 (Wed) → 1 May–5 May holiday → 6 May, 7 May.
    expect(addWorkingDays('2025-04-30', 2, calendar)).toBe('2025-05-07');
  });
});
