import { BadRequestException } from '@nestjs/common';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * bcrypt reads at most 72 bytes: anything after them would be ignored, so two passwords that
 * share their first 72 bytes would both open the account. Longer ones are refused (not
 * pre-hashed), and the message says bytes because a Chinese character takes 3 of them.
 */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 8;

const KINDS: Array<[RegExp, string]> = [
  [/\p{Lu}/u, '大写字母'],
  [/\p{Ll}/u, '小写字母'],
  [/\p{Nd}/u, '数字'],
  [/[^\p{Lu}\p{Ll}\p{Nd}]/u, '符号'],
];

/**
 * The one password rule (等保 身份鉴别: 口令复杂度), for every password a person sets through the
 * API: user creation, an administrator's reset, a user's own change. Returns what is wrong, in
 * Chinese, or an empty list. Demo users are seeded directly and are not held to it.
 */
export function passwordProblems(password: string, username: string, field = 'password'): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    problems.push(`不能超过 ${PASSWORD_MAX_BYTES} 个字节（一个汉字占 3 个字节）`);
  }
  // Control characters cannot be typed back reliably and have no place in a password.
  if (/\p{Cc}/u.test(password)) problems.push('不能包含控制字符');
  const kinds = KINDS.filter(([pattern]) => pattern.test(password)).length;
  if (kinds < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类');
  const name = username.trim().toLowerCase();
  const lower = password.toLowerCase();
  // A name of 2 letters (li, hu) would rule out too much as a part: then only the whole.
  const reversed = [...name].reverse().join('');
  const hasName =
    name.length >= 3 ? lower.includes(name) || lower.includes(reversed) : lower === name;
  if (name && hasName) problems.push('不能包含用户名');
  // Aa123456!, Aa123456.: a symbol stuck on the end of a common password is still common.
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[^\p{L}\p{N}]+$/u, ''))) {
    problems.push('过于常见，容易被猜中，请换一个');
  }
  return problems.map((problem) => `${field}：密码${problem}`);
}

/** 400 with every problem of the password, or nothing. */
export function assertPasswordAllowed(password: string, username: string, field?: string): void {
  const problems = passwordProblems(password, username, field);
  if (problems.length) throw new BadRequestException(problems);
}
