import { Transform } from 'class-transformer';

/**
 * A query-string flag: `true` / `false` become booleans; anything else is left as written so
 * that `@IsBoolean()` refuses it with a 400 (a typo must not read as false).
 */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );
