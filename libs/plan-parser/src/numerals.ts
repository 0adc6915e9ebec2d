import { CHINESE_DIGITS } from '@app/calendar';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '\u25CB': 0, // ○, often typed for 〇 in dates
  ...CHINESE_DIGITS,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral, for building heading patterns. */
export const NUMERAL_CHARS = '零〇\u25CB一二两三四五六七八九十百千';

/**
 * Reads a Chinese numeral as used in headings (一, 十, 二十三, 三十七, 一百零五).
 * Returns undefined for anything that is not a well-formed numeral (十十, 三五, empty), so a
 * heading is never given a made-up number.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0 || text.length > 12) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== undefined) return undefined;
      digit = DIGITS[ch];
      if (digit === 0) {
        zeroSeen = true;
        digit = undefined;
      }
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // A bare 十 at the start means 一十; elsewhere a unit needs its digit (三百十 is not standard).
    if (digit === undefined && !(unit === 10 && total === 0 && !zeroSeen)) return undefined;
    total += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
    zeroSeen = false;
  }
  return total + (digit ?? 0) || (text === '零' || text === '〇' ? 0 : undefined);
}

/** Reads a year or number written digit by digit (二〇二二). */
export function parseChineseDigits(text: string): number | undefined {
  if (text.length === 0 || text.length > 8) return undefined;
  let value = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    value = value * 10 + d;
  }
  return value;
}

const DIGIT_TEXT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes n (0..9999) the way headings do: 十, 二十三, 一百零五. Used in messages for people. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGIT_TEXT[n];
  if (n < 20) return `十${n % 10 ? DIGIT_TEXT[n % 10] : ''}`;
  let out = '';
  let pendingZero = false;
  for (const [unit, name] of [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ] as const) {
    const d = Math.floor(n / unit) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    out += DIGIT_TEXT[d] + name;
    pendingZero = false;
  }
  return out;
}
