import { parseChineseDigits, parseChineseNumeral, toChineseNumeral } from './numerals';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['三十七', 37],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百二十', 120],
    ['两百', 200],
  ])('reads %s as %i', (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });

  it.each(['', '十十', '三五', '百', '二十十', '甲', '1'])(
    'refuses the malformed numeral %p',
    (text) => {
      expect(parseChineseNumeral(text)).toBeUndefined();
    },
  );

  it('writes every number up to 999 so that it reads back', () => {
    for (let n = 1; n <= 999; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect(toChineseNumeral(37)).toBe('三十七');
    expect(toChineseNumeral(105)).toBe('一百零五');
  });

  it('reads years written digit by digit', () => {
    expect(parseChineseDigits('二〇二二')).toBe(2022);
    expect(parseChineseDigits('二○二五')).toBe(2025);
    expect(parseChineseDigits('二〇二x')).toBeUndefined();
  });
});
