import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { UnsafeZipError } from '@app/safe-zip';
import { EntityNotFoundError, OptimisticLockVersionMismatchError, QueryFailedError } from 'typeorm';
import { databaseOutage } from '@app/database';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** The request's id (also in the X-Request-Id header and on every log line of the request). */
  requestId?: string;
}

/** What the request logging middleware leaves on the request. */
type LoggedRequest = Request & { id?: unknown; log?: PinoLogger };

/** PostgreSQL out of reach: a 503 the caller can retry, not our fault in the code. */
const OUTAGE_WORDS = {
  down: '数据库暂时无法连接，请稍后再试',
  timeout: '数据库响应超时，请稍后再试',
} as const;

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The API's one error shape; also used by the body reader, which answers before Nest routes. */
export function errorBody(statusCode: number, message: string | string[]): ErrorBody {
  return { statusCode, error: REASON[statusCode] ?? HttpStatus[statusCode] ?? 'Error', message };
}

/** PostgreSQL error codes a caller can cause; everything else is our fault and stays a 500. */
function fromDatabase(error: QueryFailedError & { code?: string }): ErrorBody | undefined {
  switch (error.code) {
    case '23505':
      return errorBody(409, '该记录已存在（与现有数据重复）');
    case '23503':
      return errorBody(409, '引用的记录不存在，或该记录仍被其他数据引用');
    case '23514':
      return errorBody(400, '数据不符合约束条件');
    case '22P02':
    case '22007':
    case '22008':
      return errorBody(400, '参数格式无效');
    case '22021': // invalid byte sequence, e.g. NUL in text (the pipe refuses it first)
      return errorBody(400, '文本含有无效字符（如 NUL）');
    case '22003': // numeric value out of range (a number the DTO did not bound)
      return errorBody(400, '数值超出范围');
    case '22001':
      return errorBody(400, '文本太长');
    case '40001':
    case '40P01':
      return errorBody(409, '数据正被他人同时修改，请重试');
    default:
      return undefined;
  }
}

/** What Express's body parser and multer say about a bad body, in the API's own words. */
const PLAIN_WORDS: Record<string, string> = {
  'request entity too large': '请求内容太大',
  'File too large': '上传的文件太大',
  'Too many files': '一次只能上传一个文件',
  'Unexpected field': '上传文件的字段名不对（应为 file）',
  'Multipart: Boundary not found': '上传格式无效（multipart 缺少 boundary）',
};

/** multer's errors by code (its wording changes between releases; the code does not). */
const MULTER_WORDS: Record<string, string> = {
  LIMIT_FILE_SIZE: '上传的文件太大',
  LIMIT_FILE_COUNT: '一次只能上传一个文件',
  LIMIT_UNEXPECTED_FILE: '上传文件的字段名不对（应为 file）',
  LIMIT_PART_COUNT: '上传的表单项太多',
  LIMIT_FIELD_COUNT: '上传的表单项太多',
  LIMIT_FIELD_KEY: '表单字段名太长',
  LIMIT_FIELD_VALUE: '表单字段值太长',
  MISSING_FIELD_NAME: '表单项缺少字段名',
  LIMIT_FIELD_NESTING: '表单字段名嵌套太深',
  LIMIT_FIELD_ARRAY_INDEX: '表单字段名中的数组下标太大',
  INVALID_FIELD_NAME: '表单字段名无效',
};

function multerWords(exception: HttpException, message: unknown): string | undefined {
  const code = (exception.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code in MULTER_WORDS) return MULTER_WORDS[code];
  if (typeof message !== 'string') return undefined;
  if (message.startsWith('Multipart:')) return '上传格式无效（multipart 内容不完整或已损坏）';
  if (message === 'Unsupported content type') return '上传格式无效（应为 multipart/form-data）';
  return undefined;
}

/** Express's JSON parser reports a broken body in English with a character position. */
function isJsonSyntaxError(exception: HttpException, message: unknown): boolean {
  return (
    exception.cause instanceof SyntaxError ||
    (typeof message === 'string' &&
      /\bJSON\b/.test(message) &&
      /position|Unexpected|Expected/.test(message))
  );
}

/** One error shape for the whole API: `{statusCode, error, message}`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<LoggedRequest>();
    const outage = databaseOutage(exception);
    const result = outage ? errorBody(503, OUTAGE_WORDS[outage]) : this.toBody(exception);
    if (outage) {
      // Expected while PostgreSQL is down or frozen: one line, no stack.
      this.report('warn', request, { reason: (exception as Error)?.message }, 'PostgreSQL 不可用');
      response.setHeader('Retry-After', '5');
    } else if (result.statusCode >= 500) {
      this.report('error', request, { err: exception }, '未处理的错误');
    }
    const requestId = typeof request?.id === 'string' ? request.id : undefined;
    response.status(result.statusCode).json(requestId ? { ...result, requestId } : result);
  }

  /** Through the request's own logger when there is one, so the line carries the request id. */
  private report(
    level: 'warn' | 'error',
    request: LoggedRequest | undefined,
    fields: Record<string, unknown>,
    message: string,
  ): void {
    if (request?.log) {
      request.log[level]({ context: 'Errors', ...fields }, message);
      return;
    }
    const detail = fields.err instanceof Error ? fields.err.stack : String(fields.reason ?? '');
    this.logger[level](`${message}: ${detail}`);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string'
          ? raw
          : ((raw as { message?: string | string[] }).message ?? exception.message);
      if (status === 400 && isJsonSyntaxError(exception, message)) {
        return errorBody(400, '请求内容不是有效的 JSON');
      }
      if (typeof message === 'string' && message in PLAIN_WORDS) {
        return errorBody(status, PLAIN_WORDS[message]);
      }
      const upload = multerWords(exception, message);
      if (upload) return errorBody(status, upload);
      return errorBody(status, message);
    }
    if (exception instanceof UnsafeZipError) {
      // Too big to unzip is a size refusal (413); not a zip or a lying one is unprocessable.
      const tooBig = exception.reason === 'too_large' || exception.reason === 'too_many_entries';
      return errorBody(tooBig ? 413 : 422, exception.message);
    }
    if (exception instanceof OptimisticLockVersionMismatchError) {
      return errorBody(409, '数据已被他人修改，请刷新后重试');
    }
    if (exception instanceof EntityNotFoundError) {
      return errorBody(404, '未找到该记录');
    }
    if (exception instanceof QueryFailedError) {
      const mapped = fromDatabase(exception as QueryFailedError & { code?: string });
      if (mapped) return mapped;
    }
    // body-parser errors (malformed JSON, too large) carry their own 4xx status.
    const status = (exception as { status?: number; statusCode?: number })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return errorBody(status, status === 413 ? '请求内容太大' : '请求内容不是有效的 JSON');
    }
    return errorBody(500, '服务器内部错误，请稍后再试');
  }
}
