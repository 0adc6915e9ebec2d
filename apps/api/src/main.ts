import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@app/config';
import { AppLogger, createLogger } from '@app/logging';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { tuneGarbageCollection } from './gc-tuning';
import { ApiHttpAdapter } from './http-adapter';
import { runClustered } from './cluster';

async function bootstrap(): Promise<void> {
  tuneGarbageCollection();
  // Validate the environment before anything connects, so a bad value is named plainly.
  const config = loadConfig();
  // Bodies are read by configureApp's own reader (per-route limits), not Nest's defaults.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, new ApiHttpAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));
  configureApp(app);
  await app.listen(config.port, config.host);
  const logger = new Logger('Luoshi');
  logger.log(`Console: ${config.publicUrl}/`);
  logger.log(`API:     ${config.publicUrl}/api (listening on ${config.host}:${config.port})`);
  if (config.docsEnabled) logger.log(`OpenAPI: ${config.publicUrl}/api/docs`);
}

function main(): void {
  const config = loadConfig();
  const log = createLogger(config.log).child({ context: 'Cluster' });
  void runClustered({
    processes: config.apiProcesses,
    start: bootstrap,
    log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
  })?.catch(fail);
}

function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

try {
  main();
} catch (error) {
  fail(error);
}
