import { parseSmallNumber, toHalfWidthDigits } from './chinese-numerals';

describe('chinese numerals', () => {
  it.each([
    ['6', 6],
    ['60', 60],
    ['六', 6],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十一', 31],
    ['六十', 60],
  ])('reads %s as %d', (text, value) => {
    expect(parseSmallNumber(text)).toBe(value);
  });

  it.each(['', '六六', '十十', '二〇二三', '百', 'x'])('does not guess a value for %j', (text) => {
    expect(parseSmallNumber(text)).toBeUndefined();
  });

  it('turns full-width digits into ASCII without moving any offset', () => {
    const text = '２０２３年６月底前';
    const result = toHalfWidthDigits(text);
    expect(result).toBe('2023年6月底前');
    expect(result).toHaveLength(text.length);
  });
});
