import { alertReason, needsEscalation } from './rules';
import { digestSlotsOfWeek, dueDigestSlot } from './schedule';

const at = (iso: string) => new Date(iso);
const MONDAY_9 = '0 9 * * 1';

describe('digest schedule', () => {
  it('is due from 09:00 on a working Monday in Asia/Shanghai, not before', () => {
    expect(dueDigestSlot(MONDAY_9, at('2025-03-10T08:59:00+08:00'))?.period).toBe('2025-03-03');
    expect(dueDigestSlot(MONDAY_9, at('2025-03-10T09:00:00+08:00'))).toEqual({
      period: '2025-03-10',
      sendAt: at('2025-03-10T09:00:00+08:00'),
    });
  });

  it('moves a holiday Monday to the next working day at the same time', () => {
    // 2025-10-06 is inside the National Day holiday; 2025-10-09 is the first working day after.
    const during = dueDigestSlot(MONDAY_9, at('2025-10-08T12:00:00+08:00'));
    expect(during?.period).toBe('2025-09-29');
    expect(dueDigestSlot(MONDAY_9, at('2025-10-09T08:00:00+08:00'))?.period).toBe('2025-09-29');
    expect(dueDigestSlot(MONDAY_9, at('2025-10-09T09:00:00+08:00'))).toEqual({
      period: '2025-10-06',
      sendAt: at('2025-10-09T09:00:00+08:00'),
    });
  });

  it('catches up on a slot missed while nothing ran, and lets a newer slot supersede it', () => {
    expect(dueDigestSlot(MONDAY_9, at('2025-03-12T15:00:00+08:00'))?.period).toBe('2025-03-10');
    expect(dueDigestSlot(MONDAY_9, at('2025-03-17T09:30:00+08:00'))?.period).toBe('2025-03-17');
  });

  it('follows a changed cron (Friday 17:30)', () => {
    expect(dueDigestSlot('30 17 * * 5', at('2025-03-14T17:31:00+08:00'))?.period).toBe(
      '2025-03-14',
    );
  });
});

describe('alerts and escalation', () => {
  it.each([
    ['2025-04-09', { kind: 'before', days: 30 }],
    ['2025-05-02', { kind: 'before', days: 7 }],
    ['2025-05-08', { kind: 'before', days: 1 }],
    ['2025-05-10', { kind: 'passed' }],
    ['2025-05-03', undefined],
    ['2025-05-09', undefined],
    ['2025-05-11', undefined],
  ])('for a share due 2025-05-09, on %s the alert is %j', (date, reason) => {
    expect(alertReason('2025-05-09', date, [30, 7, 1])).toEqual(reason);
  });

  it('escalates only work overdue for more than N days', () => {
    const owed = (days: number) => ({
      overdue: [{ daysOverdue: days } as never],
      dueSoon: [],
      reportsMissing: [],
      noticesAwaiting: [],
    });
    expect(needsEscalation(owed(7), 7)).toBe(false);
    expect(needsEscalation(owed(8), 7)).toBe(true);
  });
});

describe('digestSlotsOfWeek: the slot a run by hand may target', () => {
  it('gives the Monday of the date’s week, whatever day of the week is asked', () => {
    for (const date of ['2025-03-10', '2025-03-11', '2025-03-16']) {
      expect(digestSlotsOfWeek('0 9 * * 1', date).map((s) => s.period)).toEqual(['2025-03-10']);
    }
  });

  it('keeps the slot of a holiday Monday with the working day it moves to', () => {
    const [slot] = digestSlotsOfWeek('0 9 * * 1', '2025-10-08');
    expect(slot.period).toBe('2025-10-06');
    expect(slot.sendAt.toISOString()).toBe('2025-10-09T01:00:00.000Z');
  });
});
