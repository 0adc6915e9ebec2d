import { ReadManager, UnitKind } from '@app/database';
import { needsEscalation, OwedWork } from './rules';

/**
 * Each active unit's addresses: its contact emails and its active users' emails, lower-cased,
 * without repeats, in order. `unitIds` narrows the read (the preview asks for one unit).
 */
export async function recipientsByUnit(
  m: ReadManager,
  unitIds?: string[],
): Promise<Map<string, string[]>> {
  const rows: Array<{ unitId: string; emails: string[] }> = await m.query(
    `SELECT u.id AS "unitId",
            ARRAY(SELECT DISTINCT lower(e) FROM unnest(u.emails || ARRAY(
              SELECT us.email FROM users us WHERE us.unit_id = u.id AND us.active AND us.email IS NOT NULL
            )) e WHERE e <> '' ORDER BY 1) AS emails
     FROM units u WHERE u.active AND ($1::uuid[] IS NULL OR u.id = ANY($1::uuid[]))
     ORDER BY u.id`,
    [unitIds ?? null],
  );
  return new Map(rows.map((r) => [r.unitId, r.emails]));
}

/** Who is copied on an escalated digest: every active supervision office and its users. */
export async function supervisionAddresses(m: ReadManager): Promise<string[]> {
  const offices: Array<{ id: string }> = await m.query(
    'SELECT id FROM units WHERE kind = $1 AND active ORDER BY id',
    [UnitKind.SupervisionOffice],
  );
  if (!offices.length) return [];
  const addresses = await recipientsByUnit(
    m,
    offices.map((o) => o.id),
  );
  return [...new Set([...addresses.values()].flat())].sort();
}

export interface DigestAddresses {
  recipients: string[];
  cc: string[];
}

/**
 * The one recipients rule of the weekly digest, for the email sent and for its preview: the
 * unit's own addresses; the supervision office copied when work is overdue for more than
 * `escalateAfterDays`.
 */
export async function digestAddresses(
  m: ReadManager,
  owed: Map<string, OwedWork>,
  escalateAfterDays: number,
): Promise<Map<string, DigestAddresses>> {
  const [addresses, supervision] = await Promise.all([
    recipientsByUnit(m, [...owed.keys()]),
    supervisionAddresses(m),
  ]);
  return new Map(
    [...owed].map(([unitId, work]) => [
      unitId,
      {
        recipients: addresses.get(unitId) ?? [],
        cc: needsEscalation(work, escalateAfterDays) ? supervision : [],
      },
    ]),
  );
}
