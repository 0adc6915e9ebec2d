import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SwaggerModule } from '@nestjs/swagger';
import type { RequestHandler } from 'express';
import { REQUEST_LOGGING } from '@app/logging';
import { AllExceptionsFilter } from './common/errors';
import { createValidationPipe } from './common/validation';
import { buildOpenApiDocument } from './openapi';

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
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs/json`,
  });
  return app;
}
