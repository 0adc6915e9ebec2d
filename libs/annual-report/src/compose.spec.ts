import mammoth from 'mammoth';
import { chineseNumber, composeReport } from './compose';
import { renderDocx, renderMarkdown } from './render';
import type { AnnualReportInput, SourceReport } from './types';

const report = (over: Partial<SourceReport>): SourceReport => ({
  id: 'r',
  unitName: '区经发局',
  periodLabel: '2024年第一季度',
  workDone: '开展集体学法',
  figures: [],
  problems: '',
  nextSteps: '',
  ...over,
});

const input: AnnualReportInput = {
  year: 2024,
  issuer: '经开区党工委 经开区管委会',
  subject: '法治政府建设',
  planTitles: ['经开区法治政府建设实施方案(2022—2025年)'],
  sections: [
    {
      numberText: '二',
      title: '依法全面履行政府职能',
      items: [
        {
          numberText: '四',
          title: '推进政府机构职能优化协同高效',
          reports: [
            report({
              id: 'a',
              workDone: '召开周例会 48 次。',
              figures: [{ name: '周例会', value: 48, unit: '次' }],
              problems: '部分事项衔接不畅',
              nextSteps: '完善交办闭环机制',
            }),
          ],
        },
        { numberText: '五', title: '深化行政审批制度改革', reports: [] },
      ],
    },
    {
      numberText: '三',
      title: '没有报送的章',
      items: [{ numberText: '九', title: 'x', reports: [] }],
    },
    {
      numberText: '十',
      title: '加强组织领导',
      items: [
        {
          numberText: '三十七',
          title: '全面加强能力建设',
          reports: [
            report({
              id: 'b',
              unitName: '区社会事业服务中心',
              periodLabel: '2024年第三季度',
              workDone: '开展县政府常务会议集体学法',
              figures: [
                { name: '集体学法', value: 5, unit: '次' },
                { name: '培训', value: 60, unit: '学时' },
              ],
              nextSteps: '',
            }),
          ],
        },
      ],
    },
  ],
};

describe('annual report draft', () => {
  const outline = composeReport(input);

  it('titles the report 关于YYYY年度…情况的报告 and keeps the three parts in order', () => {
    expect(outline.title).toBe('经开区党工委 经开区管委会 关于2024年度法治政府建设情况的报告');
    expect(outline.parts.map((p) => p.heading)).toEqual([
      '一、工作开展情况',
      '二、存在的主要问题',
      '三、下步工作计划',
    ]);
    expect(outline.opening).toContain('2 份进展报送');
  });

  it('makes one part per section that had reports, renumbered, in the plan’s order', () => {
    expect(outline.parts[0].blocks.map((b) => b.heading)).toEqual([
      '（一）依法全面履行政府职能',
      '（二）加强组织领导',
    ]);
  });

  it('quotes every report’s work and figures with its source, items without reports left out', () => {
    const [first, second] = outline.parts[0].blocks;
    expect(first.paragraphs).toEqual([
      '1. 推进政府机构职能优化协同高效。召开周例会 48 次，周例会48次（区经发局，条目(四)，2024年第一季度报送）。',
    ]);
    expect(second.paragraphs[0]).toContain(
      '集体学法5次，培训60学时（区社会事业服务中心，条目(三十七)，2024年第三季度报送）',
    );
  });

  it('lists problems and next steps from the reports, and says so when none were written', () => {
    expect(outline.parts[1].blocks[0].paragraphs).toEqual([
      '1. 部分事项衔接不畅（区经发局，条目(四)，2024年第一季度报送）。',
    ]);
    const empty = composeReport({ ...input, sections: [] });
    expect(empty.parts[2].blocks[0].paragraphs[0]).toContain('请补充');
  });

  it('renders Markdown and a .docx that reads back with the same text', async () => {
    const markdown = renderMarkdown(outline);
    expect(markdown.split('\n')[0]).toBe(`# ${outline.title}`);
    expect(markdown).toContain('## 二、存在的主要问题');
    expect(markdown).toContain('### （二）加强组织领导');
    const docx = await renderDocx(outline);
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    expect(text).toContain(outline.title);
    expect(text).toContain('集体学法5次');
    expect(text.indexOf('一、工作开展情况')).toBeLessThan(text.indexOf('三、下步工作计划'));
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [23, '二十三'],
  ])('writes %i as %s', (n, text) => expect(chineseNumber(n)).toBe(text));
});
