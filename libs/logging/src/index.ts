export * from './app-logger';
export * from './logger';
export * from './logging.module';
export * from './request-id';
export * from './request-logging';
export * from './zoned-time';
