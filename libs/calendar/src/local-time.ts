import { TIME_ZONE } from './time-zone';

/*
 * What a person reads of an instant: the Asia/Shanghai date and time, whatever zone the server,
 * the browser or the test machine runs in (2026-12-01T21:31Z reads 2026-12-02 05:31). The API
 * keeps ISO instants with their offset; emails, exports, reports, the console and the mail page
 * show this. No imports beyond the zone, so the console's bundle can take it as it is.
 */

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date | string | number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of FORMAT.formatToParts(new Date(instant))) out[p.type] = p.value;
  return out;
}

/** `2026-12-02 05:31` in Asia/Shanghai. */
export function formatLocalDateTime(instant: Date | string | number): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `2026-12-02`: the Asia/Shanghai calendar day of an instant. */
export function formatLocalDate(instant: Date | string | number): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}
