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
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  configureApp(app);
  await app.listen(config.port, '0.0.0.0');
  const logger = new Logger('Luoshi');
  logger.log(`Console: ${config.publicUrl}/`);
  logger.log(`API:     ${config.publicUrl}/api`);
  logger.log(`OpenAPI: ${config.publicUrl}/api/docs`);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
