/*
 * The order of units in every list, export and report: the office's own 排序号 (sortOrder, the
 * lower first; units without one after those with one), ties by the name's pinyin. Written once
 * for SQL (PostgreSQL's ICU collation "zh-x-icu" sorts Chinese by pinyin) and for TypeScript
 * (Node's ICU: Intl.Collator 'zh-CN-u-co-pinyin'), which agree on the same names.
 */

export const PINYIN_COLLATION = '"zh-x-icu"';

/** ORDER BY terms for units under alias `u`. */
export const unitOrderSql = (u = 'u'): string =>
  `${u}.sort_order ASC NULLS LAST, ${u}.name COLLATE ${PINYIN_COLLATION} ASC`;

/** Pinyin order of two names. */
export const comparePinyin = new Intl.Collator('zh-CN-u-co-pinyin').compare;

export function compareUnits(
  a: { sortOrder?: number | null; name: string },
  b: { sortOrder?: number | null; name: string },
): number {
  const x = a.sortOrder ?? null;
  const y = b.sortOrder ?? null;
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return x - y;
  }
  return comparePinyin(a.name, b.name);
}
