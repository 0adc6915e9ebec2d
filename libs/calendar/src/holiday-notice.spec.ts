import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HolidayNoticeError, parseHolidayNotice } from './holiday-notice';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures', name), 'utf8');
const dates = (days: Array<{ date: string }>) => days.map((d) => d.date);

describe('parseHolidayNotice', () => {
  describe('the real 2026 notice (ASCII punctuation, as reprinted)', () => {
    const notice = parseHolidayNotice(fixture('holiday-notice-2026.txt'));

    it('reads the year and title, and warns about nothing', () => {
      expect(notice.year).toBe(2026);
      expect(notice.title).toBe('国务院办公厅关于2026年部分节假日安排的通知');
      expect(notice.warnings).toEqual([]);
    });

    it('reads 元旦 1月1日至3日 and the 调休 Sunday 1月4日', () => {
      expect(notice.holidays.filter((d) => d.name === '元旦').map((d) => d.date)).toEqual([
        '2026-01-01',
        '2026-01-02',
        '2026-01-03',
      ]);
      expect(notice.workdays[0]).toEqual({ date: '2026-01-04', name: '元旦' });
    });

    it('reads 春节 2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一), 9 days, and two working Saturdays', () => {
      const spring = notice.holidays.filter((d) => d.name === '春节');
      expect(spring).toHaveLength(9);
      expect(spring[0].date).toBe('2026-02-15');
      expect(spring[8].date).toBe('2026-02-23');
      expect(notice.workdays.filter((d) => d.name === '春节').map((d) => d.date)).toEqual([
        '2026-02-14',
        '2026-02-28',
      ]);
    });

    it('counts 33 days off and 6 working days in all', () => {
      expect(notice.holidays).toHaveLength(33);
      expect(dates(notice.workdays)).toEqual([
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ]);
    });
  });

  it('reads the 2027 test fixture written with full-width punctuation, single days included', () => {
    const notice = parseHolidayNotice(fixture('holiday-notice-2027-test.txt'));
    expect(notice.year).toBe(2027);
    expect(notice.warnings).toEqual([]);
    expect(dates(notice.holidays.filter((d) => d.name === '端午节'))).toEqual(['2027-06-09']);
    expect(dates(notice.holidays.filter((d) => d.name === '劳动节'))).toEqual([
      '2027-05-01',
      '2027-05-02',
      '2027-05-03',
      '2027-05-04',
      '2027-05-05',
    ]);
    expect(dates(notice.workdays)).toEqual([
      '2027-01-31',
      '2027-02-20',
      '2027-04-25',
      '2027-05-08',
      '2027-09-26',
      '2027-10-09',
    ]);
  });

  it('reads a range across months', () => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于2025年部分节假日安排的通知\n' +
        '一、元旦：1月1日（周三）放假1天，不调休。\n' +
        '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。\n' +
        '七、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。',
    );
    expect(notice.warnings).toEqual([]);
    const spring = dates(notice.holidays.filter((d) => d.name === '春节'));
    expect(spring[0]).toBe('2025-01-28');
    expect(spring.at(-1)).toBe('2025-02-04');
    expect(spring).toHaveLength(8);
    expect(dates(notice.holidays.filter((d) => d.name === '元旦'))).toEqual(['2025-01-01']);
    expect(notice.holidays.find((d) => d.date === '2025-10-08')?.name).toBe('国庆节、中秋节');
  });

  it('puts a 元旦 that starts in December in the year before, and a December range past New Year into the next year', () => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于2008年部分节假日安排的通知\n' +
        '一、元旦：12月30日（周日）至1月1日（周二）放假，共3天。12月29日（周六）上班。\n' +
        '二、冬休：12月31日至1月2日放假，共3天。\n' +
        '七、国庆节：9月29日至10月5日放假调休，共7天。',
    );
    expect(dates(notice.holidays.filter((d) => d.name === '元旦'))).toEqual([
      '2007-12-30',
      '2007-12-31',
      '2008-01-01',
    ]);
    expect(notice.workdays).toEqual([{ date: '2007-12-29', name: '元旦' }]);
    expect(dates(notice.holidays.filter((d) => d.name === '冬休'))).toEqual([
      '2008-12-31',
      '2009-01-01',
      '2009-01-02',
    ]);
    expect(notice.holidays.filter((d) => d.name === '国庆节')).toHaveLength(7);
  });

  it('takes explicit years as written (2007年12月30日至2008年1月1日)', () => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于2008年部分节假日安排的通知\n一、元旦：2007年12月30日至2008年1月1日放假，共3天。\n二、春节：2月6日至12日放假，共7天。\n三、国庆节：10月1日至7日放假，共7天。',
    );
    expect(dates(notice.holidays).slice(0, 3)).toEqual(['2007-12-30', '2007-12-31', '2008-01-01']);
    expect(notice.warnings).toEqual([]);
  });

  it('warns about a line it cannot read, a wrong weekday and a wrong day count, and keeps the rest', () => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于2026年部分节假日安排的通知\n' +
        '一、元旦：1月1日（周五）至3日（周六）放假调休，共4天。1月4日（周日）上班。\n' +
        '二、春节：2月15日前后休息若干天。\n' +
        '另：5月1日至5日放假。\n' +
        '三、国庆节：10月1日至7日放假，共7天。10月8日（周四）上班。',
    );
    const messages = notice.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(messages).toEqual([
      '2: 2026-01-01 是周四，通知写的是周五，请核对',
      '2: 通知写“共4天”，但 2026-01-01 至 2026-01-03 是 3 天',
      '3: 未能读取“2月15日前后休息若干天”',
      '4: 这一行像是节假日安排，但不是“一、节日名:……”的格式，未能读取',
      '5: 2026-10-08 是周四，本来就是工作日，调休上班日通常是周末',
      '0: 通知中没有读到春节的安排，请核对全文',
    ]);
    expect(notice.warnings[2].text).toBe('二、春节：2月15日前后休息若干天。');
    expect(dates(notice.holidays)).toHaveLength(10);
  });

  it('warns when a day is both off and a working day', () => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假。1月3日上班。\n二、春节：2月15日至23日放假。\n三、国庆节：10月1日至7日放假。',
    );
    expect(notice.warnings.map((w) => w.message)).toContain('2026-01-03 同时被列为放假日和上班日');
  });

  it('refuses a text without a year or without any day off, in Chinese', () => {
    expect(() => parseHolidayNotice('今天天气很好')).toThrow(HolidayNoticeError);
    expect(() => parseHolidayNotice('今天天气很好')).toThrow(/未找到通知的年份/);
    expect(() =>
      parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知\n另行通知。'),
    ).toThrow(/未能从文本中读出任何放假日期/);
  });
});
