/**
 * `2026-12-02T06:35:00.123+08:00`: the wall-clock time in a zone with its offset, so a log line
 * reads as the offices' time and still sorts and parses as an instant.
 */
export function isoInZone(ms: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? '';
  // `longOffset` says "GMT+08:00", or plain "GMT" for UTC itself.
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  const hour = get('hour') === '24' ? '00' : get('hour');
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${get('year')}-${get('month')}-${get('day')}T${hour}:${get('minute')}:${get('second')}.${millis}${offset}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}
