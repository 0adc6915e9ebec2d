import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, download, unwrap, type Schemas } from '../api/client';
import { useToday } from '../api/me';
import { errorText, QueryState } from '../components/QueryState';

type Shape = 'three_parts' | 'five_parts';
type Plan = Schemas['PlanView'];

/**
 * The year a report is written for: last year by the server's calendar (its today, not this
 * computer's), kept within the plan's own years, so a plan that has ended opens on its last.
 */
function defaultYear(today: Dayjs | undefined, plan: Plan | undefined): number | undefined {
  if (!today) return undefined;
  const year = (date?: string | null) => (date ? dayjs(date).year() : undefined);
  let y = today.year() - 1;
  const end = year(plan?.periodEnd);
  const start = year(plan?.periodStart);
  if (end !== undefined) y = Math.min(y, end);
  if (start !== undefined) y = Math.max(y, start);
  return y;
}

export default function AnnualReportPage() {
  const { message } = App.useApp();
  const today = useToday();
  const [planId, setPlanId] = useState<string>();
  const [chosenYear, setYear] = useState<number>();
  const [shape, setShape] = useState<Shape>('three_parts');
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: async () =>
      unwrap(await api.GET('/api/plans', { params: { query: { pageSize: 200 } } })),
  });
  const plan = plans.data?.items.find((p) => p.id === planId);
  const year = chosenYear ?? defaultYear(today, plan);
  const preview = useQuery({
    queryKey: ['annual-report', planId, year, shape],
    enabled: !!planId && year !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/plans/{id}/annual-report', {
          params: { path: { id: planId! }, query: { year: year!, format: 'md', shape } },
          parseAs: 'text',
        }),
      ) as unknown as string,
  });
  return (
    <section>
      <Typography.Title level={3}>年度报告初稿</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="方案">
            <Select
              aria-label="方案"
              style={{ width: 420 }}
              // Titles run long, and the document number at their end is what tells plans apart.
              popupMatchSelectWidth={false}
              value={planId}
              onChange={setPlanId}
              placeholder="选择方案（可输入标题或文号查找）"
              showSearch
              optionFilterProp="label"
              // Plans often share a title (each year's 要点, a district's copy of the city's):
              // the document number tells them apart.
              options={(plans.data?.items ?? []).map((p) => ({
                value: p.id,
                label: p.docNumber ? `${p.title}（${p.docNumber}）` : p.title,
              }))}
            />
          </Form.Item>
          <Form.Item label="年度">
            <InputNumber
              aria-label="年度"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
          </Form.Item>
          <Form.Item label="结构">
            <Select
              aria-label="结构"
              style={{ width: 260 }}
              value={shape}
              onChange={setShape}
              options={[
                { value: 'three_parts', label: '三部分（工作开展情况、问题、计划）' },
                { value: 'five_parts', label: '五部分（法治政府建设年度报告）' },
              ]}
            />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              disabled={!planId}
              onClick={() =>
                download(
                  `/api/plans/${planId}/annual-report?year=${year}&format=docx&shape=${shape}`,
                  `年度报告-${year}.docx`,
                ).catch((e) => message.error(errorText(e)))
              }
            >
              下载 Word（.docx）
            </Button>
          </Space>
        </Form>
      </Card>
      <Card size="small" title="预览">
        {!planId ? (
          <Typography.Text type="secondary">
            选择方案和年度后预览由各单位审核通过的进展生成的初稿。
          </Typography.Text>
        ) : (
          <QueryState loading={preview.isLoading} error={preview.error}>
            <pre
              style={{
                whiteSpace: 'pre-wrap',
                fontFamily: 'inherit',
                fontSize: 14,
                lineHeight: 1.8,
              }}
            >
              {preview.data}
            </pre>
          </QueryState>
        )}
      </Card>
    </section>
  );
}
