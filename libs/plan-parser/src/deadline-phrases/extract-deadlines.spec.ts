import type { Deadline } from './deadline';
import { earliestDateDeadline, extractDeadlines } from './extract-deadlines';
import { InvalidDateError } from '@app/calendar';

const issued2022 = { issuedOn: '2022-10-21', periodStartYear: 2022, periodEndYear: 2025 };

describe('extractDeadlines', () => {
  describe('dates with a year', () => {
    it.each([
      ['2022年年底前', '2022-12-31'],
      ['2022年底前', '2022-12-31'],
      ['2022年末', '2022-12-31'],
      ['2023年6月底前', '2023-06-30'],
      ['2024年2月底前', '2024-02-29'],
      ['2023年6月30日前', '2023-06-30'],
      ['2023年12月31日前', '2023-12-31'],
      ['2023年6月30日之前', '2023-06-30'],
      ['2024年上半年', '2024-06-30'],
      ['2024年下半年', '2024-12-31'],
      ['2023年第三季度', '2023-09-30'],
      ['2023年一季度末前', '2023-03-31'],
      ['到2025年', '2025-12-31'],
      ['2025年年底前', '2025-12-31'],
      ['２０２３年６月底前', '2023-06-30'],
      ['２０２２年年底前', '2022-12-31'],
      ['2024年内', '2024-12-31'],
      ['2024年度内', '2024-12-31'],
      ['2025年度上半年', '2025-06-30'],
      ['二〇二四年六月底前', '2024-06-30'],
      ['二〇二四年十二月三十一日前', '2024-12-31'],
    ])('reads %s as due %s', (phrase, dueOn) => {
      expect(extractDeadlines(`要求${phrase}完成。`)).toEqual([
        { text: phrase, index: 2, kind: 'date', dueOn },
      ]);
    });

    it('keeps the phrase 2025年年底前 out of 确保2025年年底前全面完成 with its offset', () => {
      const text = '确保2025年年底前全面完成';
      const [deadline] = extractDeadlines(text);
      expect(deadline).toEqual({
        text: '2025年年底前',
        index: 2,
        kind: 'date',
        dueOn: '2025-12-31',
      });
      expect(text.slice(deadline.index, deadline.index + deadline.text.length)).toBe(deadline.text);
    });

    it('reads 到2035年基本建成 as a target date even in a preamble', () => {
      expect(extractDeadlines('为到2035年基本建成法治政府奠定基础')).toEqual([
        { text: '到2035年', index: 1, kind: 'date', dueOn: '2035-12-31' },
      ]);
    });

    it('prefers the month when 到 is followed by one: 到2023年6月底 is 2023-06-30', () => {
      expect(extractDeadlines('到2023年6月底')).toEqual([
        { text: '2023年6月底', index: 1, kind: 'date', dueOn: '2023-06-30' },
      ]);
    });
  });

  describe('dates without a year', () => {
    it.each([
      ['年底前', '2022-12-31'],
      ['今年年底前', '2022-12-31'],
      ['三季度末前', '2023-09-30'],
      ['第四季度末', '2022-12-31'],
      ['六月底前', '2023-06-30'],
      ['十二月底前', '2022-12-31'],
      ['6月30日前', '2023-06-30'],
      ['10月21日前', '2022-10-21'],
      ['上半年', '2023-06-30'],
      ['下半年', '2022-12-31'],
      // 今年/本年 is the document's own year, even when the date is past at issue.
      ['今年6月底前', '2022-06-30'],
      ['今年6月30日前', '2022-06-30'],
      ['今年上半年', '2022-06-30'],
      ['本年下半年', '2022-12-31'],
    ])('reads %s as the first such end on or after the issue date: %s', (phrase, dueOn) => {
      expect(extractDeadlines(phrase, issued2022)).toEqual([
        { text: phrase, index: 0, kind: 'date', dueOn },
      ]);
    });

    it('leaves 2024年内容, 2024年内部控制, 去年上半年, 上下半年, 自下半年起 and 每半年 alone as dates', () => {
      expect(extractDeadlines('2024年内容丰富', issued2022)).toEqual([]);
      expect(extractDeadlines('开展2024年内部控制评价', issued2022)).toEqual([]);
      expect(extractDeadlines('上下半年各开展一次', issued2022)).toEqual([]);
      expect(extractDeadlines('自下半年起施行', issued2022)).toEqual([]);
      expect(extractDeadlines('去年上半年', issued2022)).toEqual([]);
      expect(extractDeadlines('每半年报送', issued2022).map((d) => d.kind)).toEqual(['recurring']);
    });

    it('uses periodStartYear when there is no issue date', () => {
      expect(extractDeadlines('三季度末前', { periodStartYear: 2023 })).toEqual([
        { text: '三季度末前', index: 0, kind: 'date', dueOn: '2023-09-30' },
      ]);
      expect(extractDeadlines('年底前', { periodStartYear: 2024 })[0].dueOn).toBe('2024-12-31');
    });

    it('returns the phrase without dueOn when no year can be chosen', () => {
      expect(extractDeadlines('年底前完成')).toEqual([{ text: '年底前', index: 0, kind: 'date' }]);
    });

    it('refuses a bad issue date or period year', () => {
      expect(() => extractDeadlines('年底前', { issuedOn: '2022/10/21' })).toThrow(
        InvalidDateError,
      );
      expect(() => extractDeadlines('年底前', { periodStartYear: 2022.5 })).toThrow(
        InvalidDateError,
      );
    });
  });

  describe('text that is no date deadline', () => {
    it.each([
      ['an issue date', '2022年10月21日'],
      ['a plan period', '经开区法治政府建设实施方案(2022—2025年)'],
      ['a five-year plan', '“十四五”期间,以争创全国法治政府建设示范区为抓手'],
      ['a phone hotline', '加强12345市民服务热线数据分析应用'],
      ['a bare year', '2022年,全区开展专项整治'],
      ['"around" a date', '2022年10月21日前后'],
      ['an impossible day', '2023年2月30日前'],
      ['an impossible month', '13月底前'],
      ['a routine year end without 前', '年底考核'],
      ['next year, which no rule resolves', '明年年底前'],
      ['a yearly growth figure', '每年增长5%'],
      ['a yearly date no year has', '每年13月底前报送'],
      ['a yearly day no month has', '每年2月30日前报送'],
      ['three years', '三年底前'],
    ])('finds nothing in %s', (_, text) => {
      expect(extractDeadlines(text, issued2022)).toEqual([]);
    });
  });

  describe('recurring targets', () => {
    it.each<[string, Partial<Deadline>]>([
      ['每年至少开展1次', { count: 1, per: 'year', unit: '次' }],
      ['每年至少开展一次', { count: 1, per: 'year', unit: '次' }],
      ['每年不少于4次', { count: 4, per: 'year', unit: '次' }],
      ['每年不少于2期', { count: 2, per: 'year', unit: '期' }],
      ['每人每年接受不少于60学时', { count: 60, per: 'year', unit: '学时' }],
      ['每季度', { count: 1, per: 'quarter' }],
      ['每季度至少召开2次', { count: 2, per: 'quarter', unit: '次' }],
      ['每半年', { count: 1, per: 'half' }],
      ['每月', { count: 1, per: 'month' }],
      ['每周', { count: 1, per: 'week' }],
      ['任期内至少接受1次', { count: 1, per: 'term', unit: '次' }],
      ['每年新增２个', { count: 2, per: 'year', unit: '个' }],
      ['每年6月底前', { count: 1, per: 'year' }],
      ['每年12月底', { count: 1, per: 'year' }],
      ['每年11月30日前', { count: 1, per: 'year' }],
      ['每年3月上旬', { count: 1, per: 'year' }],
      ['每年年底前', { count: 1, per: 'year' }],
      ['每年底前', { count: 1, per: 'year' }],
    ])('reads %s', (phrase, fields) => {
      expect(extractDeadlines(`${phrase}。`)).toEqual([
        { text: phrase, index: 0, kind: 'recurring', ...fields },
      ]);
    });

    it('reads a yearly date as a duty once a year, never as one date', () => {
      const found = extractDeadlines('每年3月底前向社会公开上一年度法治政府建设情况', issued2022);
      expect(found).toEqual([
        { text: '每年3月底前', index: 0, kind: 'recurring', count: 1, per: 'year' },
      ]);
      expect(extractDeadlines('每年6月开展宣传月活动', issued2022)).toEqual([]);
    });

    it('stops at the clause: 每年 followed by a number in the next clause is no target', () => {
      expect(extractDeadlines('每年开展演练,参加2次')).toEqual([]);
    });

    it('does not swallow a date that follows 每月', () => {
      expect(extractDeadlines('每月调度,2023年6月底前完成').map((d) => d.text)).toEqual([
        '每月',
        '2023年6月底前',
      ]);
    });
  });

  describe('relative limits', () => {
    it.each<[string, Partial<Deadline>]>([
      ['10个工作日内', { workingDays: 10 }],
      ['十个工作日以内', { workingDays: 10 }],
      ['15日内', { days: 15 }],
      ['30天内', { days: 30 }],
      ['三十日内', { days: 30 }],
      ['７个自然日内', { days: 7 }],
      ['3个月内', { months: 3 }],
      ['六个月以内', { months: 6 }],
    ])('reads %s', (phrase, fields) => {
      expect(extractDeadlines(`应在${phrase}完成`)).toEqual([
        { text: phrase, index: 2, kind: 'relative', ...fields },
      ]);
    });

    it('does not read a day of the month as a relative limit', () => {
      expect(extractDeadlines('6月15日内部会议')).toEqual([]);
    });

    it('does not read a look back over months as a limit', () => {
      expect(extractDeadlines('近3个月内未发生安全事故的企业')).toEqual([]);
    });
  });

  it('returns several deadlines in text order', () => {
    const text = '每季度调度1次,应在10个工作日内报送,2023年6月底前完成,到2025年全面建成';
    expect(extractDeadlines(text).map((d) => [d.kind, d.text])).toEqual([
      ['recurring', '每季度调度1次'],
      ['relative', '10个工作日内'],
      ['date', '2023年6月底前'],
      ['date', '到2025年'],
    ]);
  });

  describe('hostile input', () => {
    it('returns nothing for an empty string', () => {
      expect(extractDeadlines('')).toEqual([]);
    });

    it('refuses a non-string from an untyped caller', () => {
      expect(() => extractDeadlines(undefined as unknown as string)).toThrow(TypeError);
    });

    // Behaviour only: an answer, no throw. How fast is bench:parse's business, not a test's.
    it('gets through 10 MB of binary garbage', () => {
      const bytes = Buffer.alloc(10_000_000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
      expect(Array.isArray(extractDeadlines(bytes.toString('latin1')))).toBe(true);
    });

    it('gets through 10 MB of near-miss Chinese', () => {
      const text = '每年不少于年底月底前一二三四五六七八九十季度工作日内'.repeat(400_000);
      expect(Array.isArray(extractDeadlines(text))).toBe(true);
    });

    it('caps the result for 10 MB of real phrases instead of building millions of objects', () => {
      const deadlines = extractDeadlines('每月2023年6月底前10个工作日内'.repeat(500_000));
      expect(deadlines.length).toBeLessThanOrEqual(14_000);
      expect(deadlines[0]).toEqual({
        text: '每月',
        index: 0,
        kind: 'recurring',
        count: 1,
        per: 'month',
      });
    });
  });
});

describe('earliestDateDeadline', () => {
  it('picks the earliest dueOn among date deadlines and ignores other kinds', () => {
    const deadlines = extractDeadlines('10个工作日内;2024年年底前;每月;2023年6月底前;年底前');
    expect(earliestDateDeadline(deadlines)).toBe('2023-06-30');
  });

  it('is undefined when there is no dated deadline', () => {
    expect(earliestDateDeadline(extractDeadlines('每年不少于4次;年底前'))).toBeUndefined();
    expect(earliestDateDeadline([])).toBeUndefined();
  });
});
