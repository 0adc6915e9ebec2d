import { isoInZone } from './zoned-time';

describe('isoInZone', () => {
  it('writes the Shanghai wall-clock time with its offset', () => {
    expect(isoInZone(Date.parse('2026-12-01T22:35:00.007Z'), 'Asia/Shanghai')).toBe(
      '2026-12-02T06:35:00.007+08:00',
    );
  });

  it('keeps midnight as 00 and reads back as the same instant', () => {
    const ms = Date.parse('2026-12-31T16:00:00.000Z');
    const text = isoInZone(ms, 'Asia/Shanghai');
    expect(text).toBe('2027-01-01T00:00:00.000+08:00');
    expect(Date.parse(text)).toBe(ms);
  });

  it('writes +00:00 for UTC', () => {
    expect(isoInZone(Date.parse('2026-06-01T12:00:00.500Z'), 'UTC')).toBe(
      '2026-06-01T12:00:00.500+00:00',
    );
  });
});
