import { readMetadata, readOrgLine } from './metadata';
import type { Line } from './normalise';
import { Warnings } from './warnings';

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ no: i + 1, text }));

describe('readMetadata', () => {
  it('reads a complete doc number without a warning', () => {
    const warnings = new Warnings();
    const meta = readMetadata(
      lines('某县人民政府办公室', '县政办〔2023〕12号', '某县2023年工作要点'),
      [],
      warnings,
    );
    expect(meta.docNumber).toBe('县政办〔2023〕12号');
    expect(warnings.toArray().filter((w) => w.code === 'DOC_NUMBER_REPAIRED')).toEqual([]);
  });

  it.each([
    ['漯开文〔202257', '漯开文〔2022〕57号'],
    ['漯开文〔2022〕57', '漯开文〔2022〕57号'],
    ['豫政办[2021]8号', '豫政办〔2021〕8号'],
    ['漯开文2022 57号', '漯开文〔2022〕57号'],
  ])('repairs the doc number %s to %s', (written, repaired) => {
    const warnings = new Warnings();
    const meta = readMetadata(lines('标题工作方案', written), [], warnings);
    expect(meta.docNumber).toBe(repaired);
  });

  it('warns with the line when it repairs a doc number', () => {
    const warnings = new Warnings();
    readMetadata(lines('某工作方案', '漯开文〔202257'), [], warnings);
    expect(warnings.toArray()).toEqual([
      expect.objectContaining({ code: 'DOC_NUMBER_REPAIRED', line: 2, text: '漯开文〔202257' }),
    ]);
  });

  it('ignores doc numbers cited inside a paragraph', () => {
    const meta = readMetadata(
      lines('某工作方案', '根据《某某方案》(豫发〔2021〕31号),制定本方案。'),
      [],
      new Warnings(),
    );
    expect(meta.docNumber).toBeUndefined();
  });

  it('reads issuers and date from a signature at the end of the document', () => {
    const meta = readMetadata(
      lines('某县2023年工作要点'),
      lines('中共某县委', '某县人民政府', '二〇二三年三月一日'),
      new Warnings(),
    );
    expect(meta.issuers).toEqual(['中共某县委', '某县人民政府']);
    expect(meta.issuedOn).toBe('2023-03-01');
  });

  it('refuses a date that does not exist', () => {
    const meta = readMetadata(
      lines('某工作要点', '某县人民政府', '2023年2月30日'),
      [],
      new Warnings(),
    );
    expect(meta.issuedOn).toBeUndefined();
  });

  it('reads the period from the title, or the single year of an annual plan', () => {
    expect(readMetadata(lines('某方案(2021-2025年)'), [], new Warnings())).toMatchObject({
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
    });
    expect(readMetadata(lines('某县2024年法治政府建设工作要点'), [], new Warnings())).toMatchObject(
      {
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
      },
    );
  });

  it.each([
    '某区2024年重点工作推进表',
    '某区2024年重点工作任务台账',
    '某区2024年优化营商环境重点任务分工',
    '某区2024年重点工作责任一览表',
    '某区2024年第一季度重点工作推进情况表',
    '某区2024年巡察反馈问题整改落实表',
    '某区2024年重点工作督办表',
  ])('takes the table title %s for the plan title and its year', (title) => {
    expect(readMetadata(lines(title), [], new Warnings())).toMatchObject({
      title,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
  });

  it.each([
    ['本措施自印发之日起施行，有效期至2026年12月31日。', '2024-03-05', '2024-03-05', '2026-12-31'],
    ['本措施自2024年5月1日起施行，有效期3年。', undefined, '2024-05-01', '2027-04-30'],
    ['本办法自印发之日起施行，有效期两年。', '2024-03-05', '2024-03-05', '2026-03-04'],
  ])('reads the term of a policy titled without years from %s', (clause, issued, start, end) => {
    const tail = lines(
      clause,
      ...(issued
        ? ['某省人民政府办公厅', issued.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')]
        : []),
    );
    expect(
      readMetadata(lines('关于进一步促进民营经济发展壮大的若干措施'), tail, new Warnings()),
    ).toMatchObject({ periodStart: start, periodEnd: end });
  });

  it('warns when no line looks like a plan title', () => {
    const warnings = new Warnings();
    expect(readMetadata(lines('一些文字'), [], warnings).title).toBeUndefined();
    expect(warnings.toArray()[0]).toMatchObject({ code: 'NO_TITLE', line: 1 });
  });
});

describe('readOrgLine', () => {
  it('splits issuers separated by spaces and joins letter-spaced ones', () => {
    expect(readOrgLine('经开区党工委  经开区管委会')).toEqual(['经开区党工委', '经开区管委会']);
    expect(readOrgLine('经 开 区 党 工 委')).toEqual(['经开区党工委']);
  });

  it('refuses lines that are not organisation names', () => {
    expect(readOrgLine('现将方案印发给你们,请认真贯彻落实。')).toBeUndefined();
    expect(readOrgLine('2022年10月21日')).toBeUndefined();
  });
});
