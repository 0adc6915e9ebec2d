import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { declareErrors } from './common/openapi';
import { PROGRESS_CONTROLLERS } from './progress/progress.module';

/**
 * Operation ids are `Controller_method`, and a client generated from the document knows the
 * operations by them. The progress routes were one ProgressController before they were split by
 * idea; they keep its ids, so the split changed no client (their method names stay distinct).
 */
const OPERATION_OWNER = new Map<string, string>(
  PROGRESS_CONTROLLERS.map((controller) => [controller.name, 'ProgressController']),
);

/** The API's OpenAPI document: served at /api/docs and written offline for the console's types. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('落实 Luoshi API')
      .setDescription('实施方案逐条逐单位跟踪落实：方案、条目、责任分工、进展、催办与督办。')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    {
      operationIdFactory: (controller, method) =>
        `${OPERATION_OWNER.get(controller) ?? controller}_${method}`,
    },
  );
  // The 4xx each route can answer, from what it takes (path, body, query, token).
  return declareErrors(document);
}
