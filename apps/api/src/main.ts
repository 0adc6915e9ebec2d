import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@app/config';
import { AppLogger } from '@app/logging';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';

async function bootstrap(): Promise<void> {
  // Validate the environment before anything connects, so a bad value is named plainly.
  const config = loadConfig();
  // Bodies are read by configureApp's own reader (per-route limits), not Nest's defaults.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
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

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
