import { escapeHtml, renderMarkdown } from './render';

describe('renderMarkdown', () => {
  it('shows HTML a unit typed as text, never as markup', () => {
    const markdown = renderMarkdown({
      title: '关于2024年度<b>法治</b>政府建设情况的报告',
      opening: '开头',
      parts: [
        {
          heading: '一、工作开展情况',
          blocks: [
            {
              heading: '（一）<i>学法</i>',
              paragraphs: [
                '区经发局：<script>alert(1)</script>开展学法5次 & <img src=x onerror=alert(1)>',
              ],
            },
          ],
        },
      ],
      closing: { issuer: '<b>经开区</b>', date: '2025年3月10日' },
    } as Parameters<typeof renderMarkdown>[0]);
    expect(markdown).toContain('&lt;b&gt;经开区&lt;/b&gt;\n\n2025年3月10日');
    expect(markdown).not.toMatch(/<script|<img|<b>|<i>/);
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;开展学法5次 &amp; &lt;img');
    expect(markdown).toContain('# 关于2024年度&lt;b&gt;法治&lt;/b&gt;政府建设情况的报告');
  });

  it('leaves text without HTML as it was', () => {
    expect(escapeHtml('全年集体学法12次，满意率95%')).toBe('全年集体学法12次，满意率95%');
  });
});
