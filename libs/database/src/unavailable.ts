/**
 * Is this error PostgreSQL being out of reach (stopped, restarting, frozen, too slow) rather
 * than a fault in the request or in our code? `down`: no connection could be had or it broke;
 * `timeout`: a bound of ours (connect, statement, read) ran out. Undefined: something else.
 *
 * The errors come raw from pg (connect), wrapped in TypeORM's QueryFailedError (`driverError`),
 * or as a `cause`: every layer is looked at.
 */
export type DatabaseOutage = 'down' | 'timeout';

/** Network errors of the socket to the server. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a server that is going away, starting up, or out of connections. */
const SERVER_GONE = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '08000', // connection_exception
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
]);

/** pg's own words for a connection that broke or could not be made in time. */
const DOWN_WORDS = [
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /terminating connection due to administrator command/i,
];
const TIMEOUT_WORDS = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated due to connection timeout/i,
  /Query read timeout/i,
  /canceling statement due to statement timeout/i,
];

export function databaseOutage(error: unknown): DatabaseOutage | undefined {
  const seen = new Set<unknown>();
  let found: DatabaseOutage | undefined;
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value) || found === 'timeout') return;
    seen.add(value);
    const { code, message, driverError, cause, errors } = value as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    const text = typeof message === 'string' ? message : '';
    if (TIMEOUT_WORDS.some((words) => words.test(text))) found = 'timeout';
    else if (
      (typeof code === 'string' && (NETWORK.has(code) || SERVER_GONE.has(code))) ||
      DOWN_WORDS.some((words) => words.test(text))
    ) {
      found ??= 'down';
    }
    visit(driverError);
    visit(cause);
    // AggregateError: a host name with several addresses, each refused.
    if (Array.isArray(errors)) errors.forEach(visit);
  };
  visit(error);
  return found;
}
