import { ReadManager, UnitKind } from '@app/database';

/** Each unit's addresses: its contact emails and its active users' emails, without repeats. */
export async function recipientsByUnit(m: ReadManager): Promise<Map<string, string[]>> {
  const rows: Array<{ unitId: string; emails: string[] }> = await m.query(
    `SELECT u.id AS "unitId",
            ARRAY(SELECT DISTINCT lower(e) FROM unnest(u.emails || ARRAY(
              SELECT us.email FROM users us WHERE us.unit_id = u.id AND us.active AND us.email IS NOT NULL
            )) e WHERE e <> '' ORDER BY 1) AS emails
     FROM units u WHERE u.active`,
  );
  return new Map(rows.map((r) => [r.unitId, r.emails]));
}

/** The supervision office's addresses, copied on escalated digests. */
export async function supervisionAddresses(m: ReadManager, all: Map<string, string[]>) {
  const offices: Array<{ id: string }> = await m.query(
    'SELECT id FROM units WHERE kind = $1 AND active',
    [UnitKind.SupervisionOffice],
  );
  return [...new Set(offices.flatMap((o) => all.get(o.id) ?? []))];
}
