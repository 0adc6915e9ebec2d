import {
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { Schemas } from '../../api/client';
import type { Preview } from './UnitDecisions';

type Gap = Schemas['GapView'];

/** What the office fills in for the text's gaps (the commit's plan fields and item dates). */
export interface GapValues {
  title?: string;
  docNumber?: string;
  issuers?: string[];
  periodStart?: Dayjs | null;
  periodEnd?: Dayjs | null;
  defaultDueOn?: Dayjs | null;
  /** By item number. */
  itemDueOn?: Record<string, Dayjs | null | undefined>;
}

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * The commit's fields for the gaps the preview lists now (a value for a gap the text has since
 * filled, after a column correction, is not sent: the text's own value stands).
 */
export function gapAnswers(preview: Preview, v: GapValues) {
  const open = new Set(preview.gaps.map((g) => g.field));
  const items = new Set(
    preview.gaps.filter((g) => g.itemNumber !== undefined).map((g) => g.itemNumber),
  );
  const itemDueDates = Object.entries(v.itemDueOn ?? {})
    .filter(([n, d]) => d && items.has(Number(n)))
    .map(([n, d]) => ({ number: Number(n), dueOn: day(d)! }));
  return {
    ...(open.has('title') && v.title?.trim() ? { title: v.title.trim() } : {}),
    ...(open.has('docNumber') && v.docNumber?.trim() ? { docNumber: v.docNumber.trim() } : {}),
    ...(open.has('issuers') && v.issuers?.length ? { issuers: v.issuers } : {}),
    ...(open.has('period') && v.periodStart ? { periodStart: day(v.periodStart) } : {}),
    ...(open.has('period') && v.periodEnd ? { periodEnd: day(v.periodEnd) } : {}),
    ...(open.has('defaultDueOn') && v.defaultDueOn ? { defaultDueOn: day(v.defaultDueOn) } : {}),
    ...(itemDueDates.length ? { itemDueDates } : {}),
  };
}

function GapLabel({ text, gap }: { text: string; gap: Gap }) {
  return (
    <span>
      {text}
      {gap.required && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          必填
        </Tag>
      )}
    </span>
  );
}

/**
 * 文本缺少的内容: each gap of the preview as a field the office fills in, with the API's own
 * words for what is missing and why. Undated items get a date each, or share the default.
 */
export function GapsCard({ preview, form }: { preview: Preview; form: FormInstance<GapValues> }) {
  const gap = (field: Gap['field']) => preview.gaps.find((g) => g.field === field);
  const itemGaps = preview.gaps.filter((g) => g.field === 'itemDueOn');
  const items = new Map(preview.sections.flatMap((s) => s.items).map((i) => [i.number, i]));
  const title = gap('title');
  const docNumber = gap('docNumber');
  const issuers = gap('issuers');
  const period = gap('period');
  const defaultDueOn = gap('defaultDueOn');
  if (!preview.gaps.length) return null;
  return (
    <Card size="small" title={`文本缺少的内容（${preview.gaps.length} 项，请在导入前填写）`}>
      <Form form={form} layout="vertical" requiredMark={false}>
        {title && (
          <Form.Item
            label={<GapLabel text="方案标题" gap={title} />}
            name="title"
            extra={title.message}
          >
            <Input aria-label="方案标题" />
          </Form.Item>
        )}
        {docNumber && (
          <Form.Item
            label={<GapLabel text="文号" gap={docNumber} />}
            name="docNumber"
            extra={docNumber.message}
          >
            <Input aria-label="文号" placeholder="如 漯开文〔2025〕1号" style={{ maxWidth: 320 }} />
          </Form.Item>
        )}
        {issuers && (
          <Form.Item
            label={<GapLabel text="印发单位" gap={issuers} />}
            name="issuers"
            extra={issuers.message}
          >
            <Select
              mode="tags"
              aria-label="印发单位"
              tokenSeparators={['、', '，', ',']}
              open={false}
              placeholder="输入后回车，可填写多个"
            />
          </Form.Item>
        )}
        {period && (
          <Form.Item label={<GapLabel text="实施期" gap={period} />} extra={period.message}>
            <Form.Item name="periodStart" noStyle>
              <DatePicker aria-label="实施期开始" placeholder="开始日期" />
            </Form.Item>
            <span style={{ margin: '0 8px' }}>至</span>
            <Form.Item name="periodEnd" noStyle>
              <DatePicker aria-label="实施期结束" placeholder="结束日期" />
            </Form.Item>
          </Form.Item>
        )}
        {defaultDueOn && (
          <Form.Item
            label={<GapLabel text="默认完成时限" gap={defaultDueOn} />}
            name="defaultDueOn"
            extra={defaultDueOn.message}
          >
            <DatePicker aria-label="默认完成时限" />
          </Form.Item>
        )}
        {itemGaps.length > 0 && (
          <>
            <Typography.Paragraph type="secondary">
              以下条目没有自己的完成时限：逐条填写，或留空取默认完成时限。
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey={(g) => String(g.itemNumber)}
              dataSource={itemGaps}
              pagination={itemGaps.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                {
                  title: '条目',
                  render: (_, g) => {
                    const item = items.get(g.itemNumber!);
                    return item ? `（${item.numberText}）${item.title}` : `第 ${g.itemNumber} 条`;
                  },
                },
                {
                  title: '完成时限',
                  width: 200,
                  render: (_, g) => {
                    const item = items.get(g.itemNumber!);
                    return (
                      <Form.Item name={['itemDueOn', String(g.itemNumber)]} noStyle>
                        <DatePicker
                          aria-label={`条目（${item?.numberText ?? g.itemNumber}）的完成时限`}
                        />
                      </Form.Item>
                    );
                  },
                },
              ]}
            />
          </>
        )}
      </Form>
    </Card>
  );
}
