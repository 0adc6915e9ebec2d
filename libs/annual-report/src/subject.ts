/** A year (or span) a plan's title starts with: 2020年度, 2024年, 2022—2025年. */
const LEADING_YEAR = /^(?:\d{4}\s*[—–\-~至]\s*)?\d{4}\s*年度?/u;

/**
 * What a plan is about, as a report's title names it: 经开区法治政府建设实施方案(2022—2025年)
 * → 法治政府建设; 2020年度法治政府建设工作安排 → 法治政府建设工作安排 (the title states the
 * year itself). The place in front is dropped because the issuer already names it; a title it
 * cannot shorten is kept whole, since a person edits the draft anyway.
 */
export function subjectOf(planTitle: string): string {
  let s = planTitle
    .trim()
    .replace(/^关于印发/u, '')
    .replace(/的通知$/u, '')
    .replace(/[《》]/gu, '')
    .replace(/[（(][^（）()]*[）)]\s*$/u, '')
    .replace(/(实施|工作|行动)?方案$/u, '')
    .trim();
  const place =
    /^[\p{Script=Han}]{2,10}?(?:经开区|开发区|新区|自治州|自治县|区|县|市|省|州|旗)/u.exec(s);
  if (place && s.length - place[0].length >= 4) s = s.slice(place[0].length);
  s = withoutYear(s);
  return s || planTitle.trim();
}

/** The subject without a leading year, so a title names the year once. */
export const withoutYear = (subject: string): string =>
  subject.replace(LEADING_YEAR, '').trim() || subject.trim();

/**
 * The report's title, built in one place: 〔issuer〕关于YYYY年度〔subject〕情况的报告. The subject
 * loses any year it starts with (关于2020年度2020年度… never happens), and a subject already
 * ending in 情况 is not given a second one.
 */
export function reportTitle(issuer: string, year: number, subject: string): string {
  const what = withoutYear(subject).replace(/情况$/u, '');
  return `${issuer ? `${issuer} ` : ''}关于${year}年度${what}情况的报告`;
}
