import { ReadManager, UnitKind } from '@app/database';
import type { OwedWork } from './rules';

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

/**
 * The supervision office that receives the summary of escalated units: the first active one by
 * name, addressed to every active office and its users (offices are rarely more than one).
 */
export async function supervisionOffice(
  m: ReadManager,
): Promise<{ unitId: string; addresses: string[] } | undefined> {
  const offices: Array<{ id: string }> = await m.query(
    'SELECT id FROM units WHERE kind = $1 AND active ORDER BY name, id',
    [UnitKind.SupervisionOffice],
  );
  if (!offices.length) return undefined;
  const addresses = await recipientsByUnit(
    m,
    offices.map((o) => o.id),
  );
  return { unitId: offices[0].id, addresses: [...new Set([...addresses.values()].flat())].sort() };
}

export interface DigestAddresses {
  recipients: string[];
  cc: string[];
}

/**
 * The one recipients rule of the weekly digest, for the email sent and for its preview: the
 * unit's own addresses, nobody copied. Escalation (work overdue for more than
 * ESCALATE_AFTER_DAYS, see needsEscalation) goes to the supervision office as one summary per
 * run (composeEscalation), not as a copy of each unit's digest.
 */
export async function digestAddresses(
  m: ReadManager,
  owed: Map<string, OwedWork>,
): Promise<Map<string, DigestAddresses>> {
  const addresses = await recipientsByUnit(m, [...owed.keys()]);
  return new Map(
    [...owed.keys()].map((unitId) => [unitId, { recipients: addresses.get(unitId) ?? [], cc: [] }]),
  );
}
