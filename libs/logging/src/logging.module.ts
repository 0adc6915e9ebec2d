import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AppLogger } from './app-logger';
import { createLogger } from './logger';
import { requestLoggingOptions } from './request-logging';

/** The process's pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
/** Where log lines go; tests replace it with a stream they read. Undefined: stdout. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
/** The pino-http middleware (request id, one line per request), mounted first by the API. */
export const REQUEST_LOGGING = Symbol('REQUEST_LOGGING');

/**
 * Logging for the API and the worker: nestjs-pino on one pino logger built from LOG_LEVEL and
 * LOG_FORMAT. The API mounts REQUEST_LOGGING itself, before the body parsers, so even a request
 * refused while its body is read gets its id and its line; nestjs-pino (`useExisting`) then binds
 * each request's logger, so every log line made while serving it carries the request id.
 */
/** The process's pino logger and where it writes, for nestjs-pino and the request middleware. */
@Module({
  providers: [
    { provide: LOG_DESTINATION, useValue: undefined },
    {
      provide: ROOT_LOGGER,
      inject: [APP_CONFIG, LOG_DESTINATION],
      useFactory: (config: AppConfig, destination?: DestinationStream) =>
        createLogger(config.log, destination),
    },
  ],
  exports: [ROOT_LOGGER, LOG_DESTINATION],
})
class LogRootModule {}

@Global()
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    const nest = LoggerModule.forRootAsync({
      imports: [LogRootModule],
      inject: [ROOT_LOGGER],
      useFactory: (logger: Logger): Params => ({ pinoHttp: { logger }, useExisting: true }),
    });
    return {
      module: LoggingModule,
      imports: [LogRootModule, nest],
      providers: [
        AppLogger,
        {
          provide: REQUEST_LOGGING,
          inject: [ROOT_LOGGER],
          useFactory: (logger: Logger) => pinoHttp(requestLoggingOptions(logger)),
        },
      ],
      exports: [nest, LogRootModule, AppLogger, REQUEST_LOGGING],
    };
  }
}
