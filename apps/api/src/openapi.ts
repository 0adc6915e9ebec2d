import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { declareErrors } from './common/openapi';

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
  );
  // The 4xx each route can answer, from what it takes (path, body, query, token).
  return declareErrors(document);
}
