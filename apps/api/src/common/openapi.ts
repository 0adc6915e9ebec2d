import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: Array<{ in: string }>;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
};

const WHY: Record<number, string> = {
  400: '请求参数或内容无效（含 NUL 字符、未知字段、超出范围的数字）',
  401: '未登录或登录已失效',
  403: '当前角色无权执行此操作',
  404: '记录不存在，或不在你的可见范围内',
  409: '版本已过期、状态不允许，或与现有数据冲突',
  413: '请求内容太大',
  415: '请求内容类型不受支持（应为 JSON，上传文件的接口为 multipart/form-data）',
};

/**
 * The errors an operation can answer follow from the mechanisms every route goes through, so
 * they are declared here from the route's shape rather than by hand on each handler:
 * the body reader (413, 415 where a body is taken), the validation pipe (400 where anything is
 * read from the request), the auth guard (401, 403 on authenticated routes), lookups by id
 * (404), and writes (409: versions, states, unique keys). Answers particular to a route (410,
 * 422, 503) are declared on its handler with @ApiResponse.
 */
export function declareErrors(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorBody = {
    type: 'object',
    required: ['statusCode', 'error', 'message'],
    properties: {
      statusCode: { type: 'integer' },
      error: { type: 'string' },
      message: {
        description: '中文说明；校验失败时为每个字段一条的数组',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const op = value as Operation;
      const codes = new Set<number>();
      const authenticated = Boolean(op.security?.length);
      if (op.parameters?.length || op.requestBody) codes.add(400);
      if (authenticated) codes.add(401).add(403);
      // By path id, or by an id in the body (itemId, previewId, …) that names no row.
      if (path.includes('{') || (authenticated && op.requestBody)) codes.add(404);
      if (authenticated && method !== 'get') codes.add(409);
      if (op.requestBody || method !== 'get') codes.add(413).add(415);
      for (const code of codes) {
        op.responses[code] ??= {
          description: WHY[code],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        };
      }
    }
  }
  return document;
}
