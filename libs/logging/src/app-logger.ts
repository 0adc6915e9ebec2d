import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/**
 * Nest's own start-up chatter (every route mapped, every module initialised) is for debugging,
 * not for the people who run the servers: it goes to `debug`, the rest as Nest says.
 */
const CHATTY = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader', 'NestFactory']);

@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && CHATTY.has(context)) {
      this.debug(message, ...optionalParams);
      return;
    }
    super.log(message, ...optionalParams);
  }
}
