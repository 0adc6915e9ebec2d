import { lastSignificantIndex, TIME_FIELD } from './units/blocks';

const CELL_DATE = [
  /^(?<y>\d{4})\s*年(?:\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?)?$/,
  /^(?<y>\d{4})\s*[./-]\s*(?<m>\d{1,2})(?:\s*[./-]\s*(?<d>\d{1,2}))?$/,
  /^(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?$/,
  // 即日起至2024年11月30日(止): due at the end.
  /^(?:自|从)?即日起\s*(?:至|到)\s*(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?\s*止?$/,
  // A span (2024年3月—6月, 2024年6月至12月, 2024年10月—2025年3月): the work is due at its end.
  /^(?<y0>\d{4})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:[—–~-]+|至|到)\s*(?:(?<y>\d{4})\s*年)?\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?$/,
];

/**
 * A 完成时限 cell is a deadline by its column, so a bare date in it is one too: 2025年6月 is the
 * end of that month, 2025年 the end of the year, 2024年6月30日 (or 2024/6/30, 2024-06-30,
 * 2024.6.30) that day, a span (2024年3月—6月) its end. In prose only 前 or 底 tell a deadline from
 * a date a sentence mentions;
 * a cell that says nothing more gets them here. Anything else is read as written.
 */
export function asDeadlineCell(text: string): string {
  // Trailing stops cut by a backwards scan: a regex anchored at the end retries from every
  // stop of a long run, quadratic on a cell of ten thousand 。.
  const cell = text.slice(0, lastSignificantIndex(text) + 1).trim();
  for (const pattern of CELL_DATE) {
    const groups = pattern.exec(cell)?.groups;
    if (!groups) continue;
    const { y, y0, m, d } = groups;
    if (m && (Number(m) < 1 || Number(m) > 12)) return text;
    if (d && (Number(d) < 1 || Number(d) > 31)) return text;
    const year = y || y0 ? `${y ?? y0}年` : '';
    if (d) return `${year}${Number(m)}月${Number(d)}日前`;
    return m ? `${year}${Number(m)}月底前` : `${year}底前`;
  }
  return text;
}

/**
 * A time field's value is a deadline by its label as a 完成时限 cell is by its column:
 * (责任单位:县住建局;完成时限:2024年6月) and a line 完成时限:2023年6月—2024年12月 are due at the end
 * of June 2024 and of December 2024. The rest of the text is left as written.
 */
export function asDeadlineFields(text: string): string {
  return text.replace(TIME_FIELD, (field: string, ...args: unknown[]) => {
    const { value } = args[args.length - 1] as { value: string };
    return field.slice(0, field.length - value.length) + asDeadlineCell(value);
  });
}
