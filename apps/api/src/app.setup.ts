import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { RequestHandler } from 'express';
import { REQUEST_LOGGING } from '@app/logging';
import { AllExceptionsFilter } from './common/errors';
import { createValidationPipe } from './common/validation';

export const API_PREFIX = 'api';

/** Everything main.ts applies to the app, shared with the end-to-end tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  // First of all: every request gets its id (X-Request-Id) and its log line, also one refused
  // by the body parser below.
  app.use(app.get<RequestHandler>(REQUEST_LOGGING));
  // A plan's full text travels as JSON (POST /plans/import); larger documents go up as files.
  app.useBodyParser('json', { limit: '12mb' });
  // Behind a proxy the client address (sign-in throttling, audit) comes from X-Forwarded-For,
  // trusted only from the proxies TRUST_PROXY names.
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  // The REST API lives under one prefix so the console can own every other path (deep links
  // such as /items/<id> load the console on a reload).
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('落实 Luoshi API')
      .setDescription('实施方案逐条逐单位跟踪落实：方案、条目、责任分工、进展、催办与督办。')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs/json`,
  });
  return app;
}
