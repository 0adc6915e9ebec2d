import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';

/** Chinese wording for the constraints our DTOs use; anything else keeps class-validator's text. */
const WORDING: Record<string, (c: string) => string> = {
  whitelistValidation: () => '不是可接受的字段',
  isString: () => '应为文本',
  isNotEmpty: () => '不能为空',
  isInt: () => '应为整数',
  isNumber: () => '应为数字',
  isBoolean: () => '应为 true 或 false',
  isUUID: () => '应为有效的 ID（UUID）',
  // class-validator names the IsUUID constraint isUuid.
  isUuid: () => '应为有效的 ID（UUID）',
  isEmail: () => '应为有效的邮箱地址',
  isArray: () => '应为数组',
  isEnum: (c) => `取值无效（${c.replace(/^.*following values: /, '可选：')}）`,
  isIn: (c) => `取值无效（${c.replace(/^.*following values: /, '可选：')}）`,
  isIsoDate: () => '应为 YYYY-MM-DD 格式的日期',
  isDateOnly: () => '应为 YYYY-MM-DD 格式的有效日期',
  min: (c) => `太小（${c.replace(/^.*must not be less than /, '最小 ')}）`,
  max: (c) => `太大（${c.replace(/^.*must not be greater than /, '最大 ')}）`,
  minLength: (c) =>
    `太短（${c.replace(/^.*must be longer than or equal to (\d+).*$/, '至少 $1 个字符')}）`,
  maxLength: (c) =>
    `太长（${c.replace(/^.*must be shorter than or equal to (\d+).*$/, '至多 $1 个字符')}）`,
  arrayMaxSize: () => '元素太多',
  arrayMinSize: () => '元素太少',
  nestedValidation: () => '格式无效',
  isObject: () => '应为对象',
};

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, text]) => {
      const word = WORDING[name];
      return `${path}：${word ? word(text) : text}`;
    });
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Where a NUL character hides in a body, query or path value (keys included), or undefined.
 * PostgreSQL refuses U+0000 in text, and no person types it: it is always a caller's mistake.
 * Iterative, so a deep value cannot overflow the stack (the body reader caps depth anyway).
 */
export function findNul(value: unknown, root: string): string | undefined {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes('\u0000')) return path;
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return undefined;
}

/** The ValidationPipe, with NUL refused first for every parameter (not only DTO fields). */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const where = findNul(value, metadata.data ?? '');
    if (where !== undefined) {
      throw new BadRequestException(`${where || metadata.type}：不能包含 NUL 字符（\\u0000）`);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Every request body and query is checked at the edge: unknown fields are refused (not silently
 * dropped, so a typo in a field name is noticed) and values are converted to the DTO's types.
 */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
  });
}
