import type { HolidayCalendar } from '@app/calendar';
import { ReadManager, UnitKind } from '@app/database';
import { digestNotes } from './notes';
import { owedWork } from './owed-work';
import { needsEscalation, owesAnything, OwedWork } from './rules';

export interface DigestUnit {
  unitId: string;
  unit: { name: string; kind: UnitKind; active: boolean };
  work: OwedWork;
  notes: string[];
}

const EMPTY: OwedWork = { overdue: [], dueSoon: [], reportsMissing: [], noticesAwaiting: [] };

/**
 * Who gets a weekly digest on `asOf`, and with what: every unit that owes work, and the
 * leadership office when the system has a note for it. One rule for the worker that sends the
 * digest and for the API that tells a person what a run by hand would send.
 */
export async function digestUnits(
  m: ReadManager,
  asOf: string,
  dueSoonDays: number,
  options: { calendar?: HolidayCalendar; workBefore?: Date } = {},
): Promise<DigestUnit[]> {
  const owed = await owedWork(m, asOf, dueSoonDays, undefined, options.workBefore);
  const units: Array<DigestUnit['unit'] & { id: string }> = await m.query(
    'SELECT id, name, kind, active FROM units ORDER BY name',
  );
  return units
    .map(({ id, ...unit }) => ({
      unitId: id,
      unit,
      work: owed.get(id) ?? EMPTY,
      notes: unit.active ? digestNotes(unit.kind, asOf, options.calendar) : [],
    }))
    .filter(({ work, notes }) => owesAnything(work) || notes.length > 0);
}

/** The units of a run whose work is overdue for more than `escalateAfterDays`. */
export const escalatedUnits = (units: DigestUnit[], escalateAfterDays: number): DigestUnit[] =>
  units.filter((u) => needsEscalation(u.work, escalateAfterDays));
