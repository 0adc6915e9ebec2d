/**
 * What a plan is about, as a report's title names it: 经开区法治政府建设实施方案(2022—2025年)
 * → 法治政府建设. The place in front is dropped because the issuer already names it; a title it
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
  return s || planTitle.trim();
}
