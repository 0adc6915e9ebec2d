/*
 * Web-page chrome copied along with a plan: navigation, toolbars, timestamps, previous/next
 * links. Such lines are skipped (and listed in ParseResult.ignored), never parsed as content.
 * Only short lines qualify, so a paragraph that happens to mention 首页 is kept.
 */
const CHROME = [
  /设为首页|收藏本站|无障碍(?:阅读|浏览)|网站地图|打印本页|关闭窗口|返回顶部|加入收藏/,
  /^(?:当前位置|您的位置|你的位置|所在位置)/,
  /^(?:上一篇|下一篇|上一条|下一条)/,
  /^【?\s*字[体号]\s*[:：]?\s*[大中小]/,
  /^(?:分享到|扫一扫|朗读|来源|作者|浏览(?:次数|量)?|点击(?:数|量)|发布(?:时间|日期|机构)|索引号|信息来源)\s*[:：|]?/,
  /^首页(?:\s*[>|｜]|$)/,
  /^!\[\]/,
  // A note a data set or a person put before the text (# source: …), never plan prose.
  /^#\s/,
  // Links a page lists under the text: PDF:….pdf, 政策解读:….
  /^(?:PDF|附件下载|相关链接|政策解读|相关解读|图解)\s*[:：]/,
  // A bare timestamp (2022/10/24 10:18) is the page's publishing time, not the issue date.
  /^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
];
const MAX_CHROME_LENGTH = 200;

export function isChrome(text: string): boolean {
  return text.length > 0 && text.length <= MAX_CHROME_LENGTH && CHROME.some((p) => p.test(text));
}
