import { Global, Module } from '@nestjs/common';
import { CLOCK, clockFromEnv } from '@app/calendar';

/** "Today" comes from here only, in the API and the worker alike, so tests can move time. */
@Global()
@Module({
  providers: [{ provide: CLOCK, useFactory: () => clockFromEnv() }],
  exports: [CLOCK],
})
export class ClockModule {}
