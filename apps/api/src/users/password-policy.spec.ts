import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each([
    ['upper, lower, digit', 'Qingshan2025'],
    ['lower, digit, symbol', 'qingshan-2025'],
    ['upper, digit, symbol', 'QS-2025-09'],
    ['Chinese characters count as symbols', '落实qs2025'],
    ['exactly 72 bytes', `Aa1${'x'.repeat(69)}`],
    ['four Chinese characters among letters and digits', '法治政府Ab123'],
  ])('accepts %s', (_, password) => {
    expect(passwordProblems(password, 'zhangsan')).toEqual([]);
  });

  it('says each problem in Chinese, prefixed with the field', () => {
    expect(passwordProblems('abc', 'zhangsan', 'newPassword')).toEqual([
      'newPassword：密码至少 8 个字符',
      'newPassword：密码须包含大写字母、小写字母、数字、符号中的至少三类',
    ]);
  });

  it.each([
    ['seven characters', 'Ab1-xyz', '至少 8 个字符'],
    ['only two kinds', 'qingshanlu2025', '至少三类'],
    ['the username', 'Zhangsan-2025', '不能包含用户名'],
    ['the username reversed', 'nasgnahz-2025X', '不能包含用户名'],
    ['a common password', 'Aa123456', '过于常见'],
    ['a Chinese habit', 'Woaini1314', '过于常见'],
    ['a common password with a symbol stuck on', 'Aa123456!!', '过于常见'],
    ['P@ssw0rd', 'P@ssw0rd', '过于常见'],
    ['73 bytes', `Aa1${'x'.repeat(70)}`, '不能超过 72 个字节'],
    ['25 Chinese characters (75 bytes)', `Aa1${'法'.repeat(24)}`, '不能超过 72 个字节'],
    ['a control character', 'Qingshan\u00002025', '控制字符'],
  ])('refuses %s', (_, password, problem) => {
    const problems = passwordProblems(password, 'zhangsan');
    expect(problems.some((p) => p.includes(problem))).toBe(true);
  });

  it('does not treat a two-letter username as a forbidden part of every password', () => {
    expect(passwordProblems('Lianhe-2025', 'li')).toEqual([]);
    expect(passwordProblems('li', 'li').some((p) => p.includes('用户名'))).toBe(true);
  });

  it('ships a few hundred common passwords, the Chinese habits among them', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const p of ['woaini1314', 'aa123456', '5201314', '1qaz@wsx', 'p@ssw0rd']) {
      expect(COMMON_PASSWORDS.has(p)).toBe(true);
    }
  });
});
