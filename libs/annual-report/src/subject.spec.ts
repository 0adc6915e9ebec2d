import { subjectOf } from './subject';

describe('subjectOf: what a plan is about, for the report title', () => {
  it.each([
    ['经开区法治政府建设实施方案(2022—2025年)', '法治政府建设'],
    ['关于印发《洛宁县法治政府建设实施方案（2021—2025年）》的通知', '法治政府建设'],
    ['河南省优化营商环境三年行动方案', '优化营商环境三年'],
    ['法治政府建设工作方案', '法治政府建设'],
    ['城市管理执法规范化建设方案', '城市管理执法规范化建设'],
    ['2020年度法治政府建设工作安排', '法治政府建设工作安排'],
    ['漯河市2024年法治政府建设工作要点', '法治政府建设工作要点'],
  ])('%s → %s', (title, subject) => {
    expect(subjectOf(title)).toBe(subject);
  });

  it('keeps a title it cannot shorten', () => {
    expect(subjectOf('方案')).toBe('方案');
  });
});
