/** The digits one to nine (两 is two in counts); the plan parser adds the zeros it needs. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters a small Chinese numeral is written with, for use inside a regex class. */
export const CHINESE_NUMERAL_CHARS = '一二两三四五六七八九十';

/**
 * Reads ASCII digits or a Chinese numeral below 100 (六, 十二, 三十一, 六十). Plans write months,
 * days and counts this way; larger or positional forms (二〇二三) do not occur in those places.
 */
export function parseSmallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二两三四五六七八九])?$/.exec(text);
  if (!match) return undefined;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (ones ? CHINESE_DIGITS[ones] : 0);
}

/**
 * Turns full-width digits (２０２３) into ASCII. Each is one UTF-16 unit either way, so offsets in
 * the result are offsets in the original text.
 */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Writes a year spelt digit by digit (二〇二四年, as formal documents date things) in ASCII
 * digits, one for one, so offsets in the result are offsets in the original text.
 */
export function toDigitYears(text: string): string {
  if (!/[〇○零]/.test(text)) return text;
  return text.replace(/[〇○零一二三四五六七八九]{4}(?=年)/g, (year) =>
    [...year].map((d) => String(CHINESE_DIGITS[d] ?? 0)).join(''),
  );
}
