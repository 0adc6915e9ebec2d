import { chineseNumber, composeReport, inPeriod, NO_REPORTS, yearFigures } from './compose';
import { renderMarkdown } from './render';
import { reportTitle } from './subject';
import type { AnnualReportInput, SourceReport } from './types';

const month = (m: number, over: Partial<SourceReport> = {}): SourceReport => ({
  id: `r${m}`,
  unitName: '区经发局',
  periodLabel: `2024年${m}月`,
  periodStart: `2024-${String(m).padStart(2, '0')}-01`,
  workDone: '本月组织集体学法活动。',
  figures: [
    { name: '集体学法', value: 1, unit: '次' },
    { name: '回访满意率', value: 90 + (m % 5), unit: '%' },
  ],
  problems: '部分事项衔接不畅',
  nextSteps: '',
  ...over,
});

const input = (shape: AnnualReportInput['shape']): AnnualReportInput => ({
  year: 2024,
  shape,
  issuer: '经开区党工委 经开区管委会',
  issuedOn: '2025-03-10',
  subject: '2024年度法治政府建设',
  planTitles: ['经开区法治政府建设实施方案(2022—2025年)'],
  sections: [
    {
      numberText: '二',
      title: '依法全面履行政府职能',
      items: [
        {
          numberText: '四',
          title: '推进政府机构职能优化协同高效',
          // Filed out of order: the year is told in time order all the same.
          reports: [12, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11].map((m) => month(m)),
        },
      ],
    },
    { numberText: '三', title: '健全依法行政制度体系', items: [] },
    {
      numberText: '十',
      title: '加强组织领导',
      items: [
        {
          numberText: '三十六',
          title: '落实第一责任人职责',
          reports: [
            month(6, {
              unitName: '区党工委办公室',
              workDone: '主要负责人专题述法。',
              figures: [{ name: '述法', value: 5, unit: '人次' }],
              problems: '',
              nextSteps: '本季度起推行案例教学',
            }),
          ],
        },
      ],
    },
  ],
});

const textOf = (shape: AnnualReportInput['shape']) => renderMarkdown(composeReport(input(shape)));

describe('annual report draft: one voice for the year, the units quoted', () => {
  it('builds the title from the subject once (no doubled year)', () => {
    const outline = composeReport(input('three_parts'));
    expect(outline.title).toBe('经开区党工委 经开区管委会 关于2024年度法治政府建设情况的报告');
    expect(reportTitle('', 2020, '2020年度法治政府建设工作安排')).toBe(
      '关于2020年度法治政府建设工作安排情况的报告',
    );
  });

  it('sums a unit’s figures of one name over the year and states each once; rates are the last', () => {
    const md = textOf('three_parts');
    expect(md.match(/全年集体学法12次/g)).toHaveLength(1);
    expect(md).not.toMatch(/集体学法1次/);
    expect(md).toContain('回访满意率92%'); // December's value (90 + 12 % 5)
    expect(md).toContain('区党工委办公室全年述法5人次');
  });

  it('quotes monthly words as the unit’s own, with their period, never 本月 in its voice', () => {
    const md = textOf('three_parts');
    expect(md).not.toContain('本月');
    expect(md).not.toContain('本季度');
    expect(md).toContain('区经发局报送：2024年1月：“2024年1月组织集体学法活动。”');
    expect(md.indexOf('2024年1月：')).toBeLessThan(md.indexOf('2024年12月：'));
    // The same problem in twelve reports is listed once, with the months it was written in.
    expect(md.match(/部分事项衔接不畅/g)).toHaveLength(1);
    expect(inPeriod('本季度完成评查', '2024年第二季度')).toBe('2024年第二季度完成评查');
  });

  it('keeps every chapter in both shapes, a chapter without reports marked to fill in', () => {
    for (const shape of ['three_parts', 'five_parts'] as const) {
      const md = textOf(shape);
      expect(md).toContain('（一）依法全面履行政府职能');
      expect(md).toContain(`（二）健全依法行政制度体系${NO_REPORTS}`);
      expect(md).toContain('（三）加强组织领导');
    }
  });

  it('writes the three parts and the five parts, each with its 落款', () => {
    const three = composeReport(input('three_parts'));
    expect(three.parts.map((p) => p.heading)).toEqual([
      '一、工作开展情况',
      '二、存在的主要问题',
      '三、下步工作计划',
    ]);
    const five = composeReport(input('five_parts'));
    expect(five.parts.map((p) => p.heading)).toEqual([
      '一、主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、下一年度主要安排',
      '五、其他需要报告的情况',
    ]);
    // The leaders' own duty: the item about 第一责任人 is reported in part two.
    expect(five.parts[1].blocks[0].paragraphs.join('')).toContain('主要负责人专题述法');
    for (const outline of [three, five]) {
      expect(outline.closing).toEqual({
        issuer: '经开区党工委 经开区管委会',
        date: '2025年3月10日',
      });
    }
  });

  it('says what to fill in when a part has nothing', () => {
    const empty = composeReport({ ...input('three_parts'), sections: [] });
    expect(empty.parts[2].blocks[0].paragraphs[0]).toContain('请补充');
  });

  it('keeps figures apart by unit of measure and sums fractional values exactly enough', () => {
    expect(
      yearFigures([
        month(1, { figures: [{ name: '培训', value: 1.5, unit: '学时' }] }),
        month(2, {
          figures: [
            { name: '培训', value: 1.2, unit: '学时' },
            { name: '培训', value: 2, unit: '次' },
          ],
        }),
      ]),
    ).toEqual(['全年培训2.7学时', '全年培训2次']);
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [23, '二十三'],
  ])('writes %i as %s', (n, text) => expect(chineseNumber(n)).toBe(text));
});
