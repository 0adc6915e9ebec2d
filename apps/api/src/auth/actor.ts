import type { Request } from 'express';
import { Role } from '@app/database';

/** Who is making the request, as read from the database for each request. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  unitId: string;
}

/** A request once the auth guard has read who makes it. */
export interface ActorRequest extends Request {
  actor?: Actor;
}

/**
 * What part of the data an actor may see. A unit clerk sees its own unit's work only; the
 * scope is applied inside every query, so a missing check in a controller cannot leak data.
 */
export type AccessScope = { kind: 'all' } | { kind: 'unit'; unitId: string };

export function scopeOf(actor: Actor): AccessScope {
  return actor.role === Role.Unit ? { kind: 'unit', unitId: actor.unitId } : { kind: 'all' };
}
