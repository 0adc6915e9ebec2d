import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a proxy or a caller may send as `X-Request-Id` and have kept: short, plain characters. */
const SANE = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is sane (so one id follows a request
 * through a proxy into our logs), else a new UUID. Echoed in the response header.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
