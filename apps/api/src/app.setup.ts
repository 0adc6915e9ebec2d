import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter } from './common/errors';
import { createValidationPipe } from './common/validation';
import { buildOpenApiDocument } from './openapi';

export const API_PREFIX = 'api';

/** Everything main.ts applies to the app, shared with the end-to-end tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  // A plan's full text travels as JSON (POST /plans/import); larger documents go up as files.
  app.useBodyParser('json', { limit: '12mb' });
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
