import { parseExpression } from 'cron-parser';
import {
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  TIME_ZONE,
  TIME_ZONE_OFFSET_MS,
} from '@app/calendar';

/** The calendar date and clock time of an instant in Asia/Shanghai (UTC+8, no DST since 1991). */
function shanghai(instant: Date): { date: string; minutes: number } {
  const local = new Date(instant.getTime() + TIME_ZONE_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

function at(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - TIME_ZONE_OFFSET_MS + minutes * 60_000);
}

export interface DigestSlot {
  /** The digest's period: the date the cron names (e.g. the Monday), also when it is moved. */
  period: string;
  /** When it is sent: that date, or the next working day when it is a holiday, at the cron's time. */
  sendAt: Date;
}

/**
 * The most recent digest slot whose send time has come by `now`, or undefined. The cron gives
 * the nominal day and time (default Monday 09:00 Asia/Shanghai); a nominal day that is not a
 * working day (a holiday Monday) moves to the next working day at the same time. Only the newest
 * due slot counts: a digest lists what is owed now, so an older one missed while the worker or
 * Redis was down is superseded, not sent twice over.
 */
export function dueDigestSlot(cron: string, now: Date): DigestSlot | undefined {
  // prev() excludes its starting instant: start just after now so a slot at exactly now counts.
  const iterator = parseExpression(cron, {
    currentDate: new Date(now.getTime() + 1000),
    tz: TIME_ZONE,
  });
  // A moved slot can fall after a later nominal date's, so look back over a few occurrences.
  const slots: DigestSlot[] = [];
  for (let i = 0; i < 4; i++) {
    const nominal = shanghai(iterator.prev().toDate());
    const day = isWorkingDay(nominal.date) ? nominal.date : nextWorkingDayOnOrAfter(nominal.date);
    slots.push({ period: nominal.date, sendAt: at(day, nominal.minutes) });
  }
  return slots.filter((s) => s.sendAt <= now).sort((a, b) => b.period.localeCompare(a.period))[0];
}

/**
 * The digest slots of the week (Monday to Sunday, Asia/Shanghai) that holds `date`: with the
 * default cron, that week's Monday, sent that day or on the next working day after a holiday.
 * A run asked for by hand targets one of these, so it can never add a second weekly digest.
 */
export function digestSlotsOfWeek(cron: string, date: string): DigestSlot[] {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const monday = new Date(Date.parse(`${date}T00:00:00Z`) - ((day + 6) % 7) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const weekStart = at(monday, 0);
  const weekEnd = new Date(weekStart.getTime() + 7 * 86_400_000);
  const iterator = parseExpression(cron, {
    currentDate: new Date(weekStart.getTime() - 1000),
    endDate: weekEnd,
    tz: TIME_ZONE,
  });
  const slots: DigestSlot[] = [];
  while (iterator.hasNext()) {
    const nominal = shanghai(iterator.next().toDate());
    const sendDay = isWorkingDay(nominal.date)
      ? nominal.date
      : nextWorkingDayOnOrAfter(nominal.date);
    slots.push({ period: nominal.date, sendAt: at(sendDay, nominal.minutes) });
  }
  return slots;
}
