import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { AppLogger } from '@app/logging';
import { WorkerModule } from './worker.module';

/** The worker serves no HTTP: it consumes the queues. Run more copies to scale it. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks();
  new Logger('Worker').log(`consuming queues on ${new URL(config.redisUrl).host}`);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
