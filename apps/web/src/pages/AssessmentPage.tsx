import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, List, Select, Space, Table, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, download, unwrap, type Schemas } from '../api/client';
import { can, useMe, useToday } from '../api/me';
import { errorText, QueryState } from '../components/QueryState';

const PERIODS = [
  { value: 'month', label: '月度' },
  { value: 'quarter', label: '季度' },
  { value: 'year', label: '年度' },
] as const;
type PeriodKind = (typeof PERIODS)[number]['value'];

/** 考评排名: each unit's score for a period, its parts, and the downloads made of them. */
export default function AssessmentPage() {
  const { message } = App.useApp();
  const me = useMe();
  const [periodKind, setPeriodKind] = useState<PeriodKind>('month');
  const [chosen, setDate] = useState<Dayjs>();
  const today = useToday();
  const date = chosen ?? today;
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const query = {
    periodKind,
    date: date?.format('YYYY-MM-DD') ?? '',
    ...(asOf ? { asOf: asOf.format('YYYY-MM-DD') } : {}),
  };
  const qs = new URLSearchParams(query).toString();
  const scores = useQuery({
    queryKey: ['assessment', query],
    enabled: !!date,
    queryFn: async () => unwrap(await api.GET('/api/assessment/scores', { params: { query } })),
  });
  const offices = me.data && can.readSupervision(me.data.role);
  const save = (path: string, name: string) =>
    download(path, name).catch((e) => message.error(errorText(e)));
  const label = scores.data?.period.label ?? '';
  return (
    <section>
      <Typography.Title level={3}>考评排名</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="周期">
            <Select
              aria-label="周期"
              style={{ width: 100 }}
              value={periodKind}
              onChange={setPeriodKind}
              options={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
            />
          </Form.Item>
          <Form.Item label="周期内日期">
            <DatePicker
              aria-label="周期内日期"
              allowClear={false}
              value={date}
              onChange={(d) => d && setDate(d)}
            />
          </Form.Item>
          <Form.Item label="截至">
            <DatePicker aria-label="截至日期" value={asOf} onChange={setAsOf} placeholder="默认" />
          </Form.Item>
          {offices && date && (
            <Space wrap>
              <Button
                onClick={() => save(`/api/assessment/ranking.xlsx?${qs}`, `考评排名-${label}.xlsx`)}
              >
                下载排名（.xlsx）
              </Button>
              <Button
                type="primary"
                onClick={() => save(`/api/assessment/bulletin.docx?${qs}`, `${label}情况通报.docx`)}
              >
                下载情况通报（.docx）
              </Button>
              <Button
                onClick={() =>
                  save(
                    `/api/supervision/exports/statistics.xlsx?asOf=${scores.data?.asOf ?? ''}`,
                    `落实情况统计-${scores.data?.asOf ?? ''}.xlsx`,
                  )
                }
              >
                下载统计（.xlsx）
              </Button>
            </Space>
          )}
        </Form>
      </Card>
      <QueryState loading={scores.isLoading} error={scores.error}>
        {scores.data && (
          <Card size="small" title={`${label}（截至 ${scores.data.asOf}）`}>
            <Table<Schemas['UnitScoreView']>
              size="small"
              rowKey="unitId"
              dataSource={scores.data.rows}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              locale={{ emptyText: '没有参与考评的单位' }}
              expandable={{
                rowExpandable: (r) => !!r.parts,
                expandedRowRender: (r) => (
                  <List
                    size="small"
                    dataSource={r.parts ?? []}
                    renderItem={(p) => (
                      <List.Item>
                        <Space>
                          <Typography.Text strong>{p.label}</Typography.Text>
                          <span>{p.available ? `${p.points} / ${p.weight}` : '不计分'}</span>
                        </Space>
                        <Typography.Text type="secondary">{p.explanation}</Typography.Text>
                      </List.Item>
                    )}
                  />
                ),
              }}
              columns={[
                { title: '名次', dataIndex: 'rank', width: 70 },
                { title: '单位', dataIndex: 'unitName' },
                {
                  title: '得分',
                  width: 140,
                  render: (_, r) => `${r.score} / ${r.maxScore}`,
                },
              ]}
            />
          </Card>
        )}
      </QueryState>
    </section>
  );
}
