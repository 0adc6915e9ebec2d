import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import type { AppConfig } from '@app/config';
import { errorBody } from './errors';

/**
 * Which routes take which bodies. Every request body is read here, once, before anything turns
 * it into objects: a route's byte limit is enforced while reading (a 4.7 MB login is refused
 * after its first 4 KB, not parsed), key count and nesting depth are counted in one linear scan
 * of the raw bytes before JSON.parse, and anything that is neither JSON nor (where a file is
 * expected) multipart is refused with 415. Paths are the API's (after the /api prefix).
 */
interface BodyRule {
  method: string;
  path: RegExp;
  maxBytes: (config: AppConfig['body']) => number;
  /** Routes that take an uploaded file (multer reads those bodies, with its own limits). */
  multipart?: boolean;
}

const UUID = '[0-9a-fA-F-]{36}';
export const LOGIN_MAX_BYTES = 4 * 1024;

const RULES: BodyRule[] = [
  { method: 'POST', path: /^\/api\/auth\/login\/?$/, maxBytes: () => LOGIN_MAX_BYTES },
  {
    method: 'POST',
    path: /^\/api\/plans\/import\/?$/,
    maxBytes: (body) => body.planTextMaxBytes,
    multipart: true,
  },
  {
    method: 'POST',
    path: new RegExp(`^/api/reports/${UUID}/files/?$`),
    maxBytes: (body) => body.jsonMaxBytes,
    multipart: true,
  },
  {
    method: 'POST',
    path: new RegExp(`^/api/supervision/notices/${UUID}/files/?$`),
    maxBytes: (body) => body.jsonMaxBytes,
    multipart: true,
  },
];

const DEFAULT_RULE: BodyRule = { method: '*', path: /./, maxBytes: (body) => body.jsonMaxBytes };

function ruleFor(req: Request): BodyRule {
  const path = req.path;
  return RULES.find((r) => r.method === req.method && r.path.test(path)) ?? DEFAULT_RULE;
}

class BodyRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Counts object keys and nesting depth of raw JSON without parsing it (strings skipped, escapes
 * honoured). Linear in the body's size and iterative, so neither a key flood nor 10,000 levels
 * of brackets can cost more than one pass.
 */
export function checkJsonShape(raw: Buffer, maxKeys: number, maxDepth: number): void {
  let depth = 0;
  let keys = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) {
        throw new BodyRefused(400, `请求内容嵌套太深（最多 ${maxDepth} 层）`);
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x3a && ++keys > maxKeys) {
      throw new BodyRefused(400, `请求内容的字段太多（最多 ${maxKeys} 个）`);
    }
  }
}

/** body-parser's error types, in the API's words. */
const PARSER_WORDS: Record<string, [number, string]> = {
  'entity.too.large': [413, '请求内容太大'],
  'entity.parse.failed': [400, '请求内容不是有效的 JSON'],
  'encoding.unsupported': [415, '请求内容的编码不受支持（应为 UTF-8）'],
  'charset.unsupported': [415, '请求内容的字符集不受支持（应为 UTF-8）'],
  'request.aborted': [400, '请求内容未传完'],
  'request.size.invalid': [400, '请求内容的长度与 Content-Length 不符'],
  'stream.encoding.set': [500, '服务器内部错误，请稍后再试'],
};

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/** The one request-body reader of the API, installed in front of every route. */
export function requestBodies(config: AppConfig['body']): RequestHandler {
  const parsers = new Map<number, RequestHandler>();
  const parserFor = (limit: number): RequestHandler => {
    let parser = parsers.get(limit);
    if (!parser) {
      parser = json({
        limit,
        strict: true,
        // A compressed body could inflate past the limit's meaning; clients send JSON plainly.
        inflate: false,
        type: () => true,
        verify: (_req, _res, raw) => checkJsonShape(raw, config.maxKeys, config.maxDepth),
      });
      parsers.set(limit, parser);
    }
    return parser;
  };
  // Like every other error body, a refused body names its request (set by the logging
  // middleware, which runs first).
  const refuse = (res: Response, status: number, message: string) => {
    const requestId = (res.req as Request & { id?: unknown }).id;
    const body = errorBody(status, message);
    res.status(status).json(typeof requestId === 'string' ? { ...body, requestId } : body);
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next();
    const rule = ruleFor(req);
    const type = req.is(['application/json', 'application/*+json', 'multipart/form-data']);
    if (type === 'multipart/form-data') {
      if (rule.multipart) return next();
      return refuse(res, 415, '此接口不接受文件上传：请求内容应为 JSON（application/json）');
    }
    if (!type) {
      req.resume();
      return refuse(
        res,
        415,
        rule.multipart
          ? '请求内容应为 JSON（application/json）或文件上传（multipart/form-data）'
          : '请求内容应为 JSON（Content-Type: application/json）',
      );
    }
    parserFor(rule.maxBytes(config))(req, res, (error?: unknown) => {
      if (!error) return next();
      if (error instanceof BodyRefused) return refuse(res, error.status, error.message);
      // body-parser hands verify()'s own error back (BodyRefused above), else one of its types.
      const [status, message] = PARSER_WORDS[(error as { type?: string }).type ?? ''] ?? [
        400,
        '请求内容无效',
      ];
      refuse(res, status, message);
    });
  };
}
