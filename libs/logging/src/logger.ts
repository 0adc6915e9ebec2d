import pino, { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogSettings } from '@app/config';
import { isoInZone } from './zoned-time';
import { TIME_ZONE } from '@app/calendar';

/** Fields a request line carries; the readable format prints them in its message instead. */
const REQUEST_FIELDS = ['requestId', 'method', 'path', 'status', 'ms', 'userId'];

/**
 * The one pino logger of a process (API, worker or CLI): LOG_LEVEL applied, timestamps in the
 * product's zone with their offset, level names instead of numbers, secrets redacted. JSON a
 * line for log collectors in production; readable lines (pino-pretty, in-process) elsewhere.
 */
export function createLogger(
  settings: LogSettings,
  destination?: DestinationStream,
  fd: 1 | 2 = 1,
): Logger {
  return pino(
    {
      level: settings.level,
      timestamp: () => `,"time":"${isoInZone(Date.now(), TIME_ZONE)}"`,
      formatters: { level: (label) => ({ level: label }) },
      base: { pid: process.pid },
      redact: {
        paths: ['password', '*.password', 'headers.authorization', '*.headers.authorization'],
        censor: '[已隐去]',
      },
    },
    destination ?? (settings.format === 'pretty' ? readable(fd) : pino.destination({ fd })),
  );
}

/** pino-pretty as a stream in this process (no worker thread): `06:35:00.123 INFO [Context] msg`. */
function readable(fd: 1 | 2): DestinationStream {
  return pretty({
    destination: fd,
    sync: true,
    colorize: fd === 1 ? process.stdout.isTTY : process.stderr.isTTY,
    ignore: ['pid', 'hostname', 'context', ...REQUEST_FIELDS].join(','),
    translateTime: false,
    customPrettifiers: { time: (time) => String(time).slice(11, 23) },
    messageFormat: (log, messageKey) => {
      const context = log.context ? `[${String(log.context)}] ` : '';
      const user = log.userId ? ` user=${String(log.userId)}` : '';
      const id = log.requestId ? ` id=${String(log.requestId)}` : '';
      return `${context}${String(log[messageKey] ?? '')}${user}${id}`;
    },
  });
}
