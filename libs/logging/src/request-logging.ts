import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { Options } from 'pino-http';
import { assignRequestId } from './request-id';

type Req = IncomingMessage & { originalUrl?: string; actor?: { userId?: string } };

/** The fields of the one line logged per request. */
function line(req: Req, res: ServerResponse, ms: number) {
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  return {
    method: req.method,
    path,
    status: res.statusCode,
    ms,
    userId: req.actor?.userId,
  };
}

/**
 * pino-http for the API: one line per request when it is answered (method, path without the
 * query, status, ms, user id; the request id is bound to every line of the request), 5xx as
 * error, the rest as info. The request and response objects themselves are left out.
 */
export function requestLoggingOptions(logger: Logger): Options<Req, ServerResponse> {
  return {
    logger,
    genReqId: (req, res) => assignRequestId(req, res),
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, err) =>
      res.statusCode >= 500 || (err && res.statusCode < 400) ? 'error' : 'info',
    customSuccessMessage: (req, res, ms) => message(line(req, res, ms)),
    customErrorMessage: (req, res) => message(line(req, res, 0)),
    customSuccessObject: (req, res, value) => line(req, res, (value as { ms: number }).ms),
    customErrorObject: (req, res, _error, value) => line(req, res, (value as { ms: number }).ms),
  };
}

function message(fields: ReturnType<typeof line>): string {
  return `${fields.method} ${fields.path} ${fields.status} ${fields.ms}ms`;
}
