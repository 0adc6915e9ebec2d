import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SwaggerModule } from '@nestjs/swagger';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { REQUEST_LOGGING } from '@app/logging';
import { AllExceptionsFilter } from './common/errors';
import { requestBodies } from './common/request-body';
import { createValidationPipe } from './common/validation';
import { buildOpenApiDocument } from './openapi';

export const API_PREFIX = 'api';

/**
 * Security headers for the API and for the console this process will serve at `/` (a
 * same-origin single-page app: scripts and styles from 'self'; antd sets inline styles).
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
}

/** Everything main.ts applies to the app, shared with the end-to-end tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  // First of all: every request gets its id (X-Request-Id) and its log line, also one refused
  // by the body reader below.
  app.use(app.get<RequestHandler>(REQUEST_LOGGING));
  app.disable('x-powered-by');
  // Every answer is one user's and no client revalidates it: hashing each body for an ETag was
  // 3 % of a list page's time (bench:profile). The console's files keep theirs (serve-static).
  app.set('etag', false);
  // Behind a reverse proxy, req.ip and req.protocol come from X-Forwarded-* only when trusted
  // (TRUST_PROXY): sign-in throttling and the audit trail name the caller, not the proxy.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  // The one body reader (per-route byte limits, key and depth caps, JSON or 415); Nest's own
  // parsers then find every body already read (main.ts also turns them off).
  app.use(requestBodies(config.body));
  // The REST API lives under one prefix so the console can own every other path (deep links
  // such as /items/<id> load the console on a reload).
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  if (config.docsEnabled) setupDocs(app);
  return app;
}

function setupDocs(app: NestExpressApplication): void {
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs/json`,
  });
}
