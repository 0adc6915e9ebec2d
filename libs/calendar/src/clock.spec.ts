import { CLOCK, FixedClock, SystemClock, shanghaiMidnight, todayIn } from './clock';
import { InvalidDateError } from './invalid-date.error';

describe('clock', () => {
  it('reads 2026-11-22T17:00:00Z as 2026-11-23: the day in Shanghai, not in UTC', () => {
    const clock = new FixedClock('2026-11-22T17:00:00Z');
    expect(todayIn(clock)).toBe('2026-11-23');
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-11-22');
  });

  it('turns the Shanghai date over exactly at 16:00 UTC', () => {
    expect(todayIn(new FixedClock('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(todayIn(new FixedClock('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  it('gives the date the time-zone database gives for Asia/Shanghai, around each midnight from 1992 to 2100', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // 16:00 UTC is midnight in Shanghai: a second either side of it, every 97 days.
    for (let ms = Date.UTC(1992, 0, 1, 16); ms < Date.UTC(2100, 0, 1); ms += 97 * 86_400_000) {
      for (const at of [ms - 1000, ms, ms + 1000, ms + 12 * 3_600_000]) {
        expect(todayIn(new FixedClock(new Date(at)))).toBe(shanghai.format(at));
      }
    }
  });

  it('reads a YYYY-MM-DD as 00:00 of that day in Shanghai', () => {
    const clock = new FixedClock('2026-11-23');
    expect(clock.now().toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(todayIn(clock)).toBe('2026-11-23');
    expect(shanghaiMidnight('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('accepts instants with an explicit offset and Date objects', () => {
    expect(new FixedClock('2026-11-23T00:30+08:00').now().toISOString()).toBe(
      '2026-11-22T16:30:00.000Z',
    );
    const at = new Date('2026-01-01T00:00:00Z');
    expect(new FixedClock(at).now().getTime()).toBe(at.getTime());
  });

  it.each(['2026-11-22T17:00:00', '2026-02-30T00:00:00Z', '2026-11-22T25:00:00Z', 'tomorrow', ''])(
    'refuses %j, which has no offset or is no real instant',
    (input) => {
      expect(() => new FixedClock(input)).toThrow(InvalidDateError);
    },
  );

  it('refuses an invalid Date', () => {
    expect(() => new FixedClock(new Date(NaN))).toThrow(InvalidDateError);
  });

  it('moves only when set or advanced', () => {
    const clock = new FixedClock('2026-11-22T17:00:00Z');
    clock.advanceDays(1);
    expect(todayIn(clock)).toBe('2026-11-24');
    clock.advanceDays(-3);
    expect(todayIn(clock)).toBe('2026-11-21');
    clock.set('2027-01-01');
    expect(todayIn(clock)).toBe('2027-01-01');
    expect(() => clock.advanceDays(0.5)).toThrow(RangeError);
  });

  it('hands out copies so a caller cannot move the clock by mutating the Date', () => {
    const clock = new FixedClock('2026-11-23');
    clock.now().setUTCFullYear(2000);
    expect(todayIn(clock)).toBe('2026-11-23');
  });

  it('lets the system clock report the current time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('exposes CLOCK as a symbol token', () => {
    expect(typeof CLOCK).toBe('symbol');
    expect(CLOCK.description).toBe('CLOCK');
  });
});
