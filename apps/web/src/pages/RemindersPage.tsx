import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { useUnits } from '../api/directory';
import { can, useMe, useToday } from '../api/me';
import { DELIVERY_KIND } from '../components/labels';
import { errorText, QueryState } from '../components/QueryState';
import { formatLocalDateTime } from '../time';

const DELIVERY_STATUS: Record<string, { text: string; color: string }> = {
  pending: { text: '待发送', color: 'default' },
  sending: { text: '发送中', color: 'processing' },
  sent: { text: '已发送', color: 'success' },
  failed: { text: '发送失败', color: 'error' },
};

/**
 * The API runs only a week's digest slot (DIGEST_CRON, Mondays by default): the date fields start
 * from the Monday of the server's week; on another setting the API's refusal names the right day.
 */
function useDigestDay(): [Dayjs | undefined, (day: Dayjs) => void] {
  const [chosen, setDay] = useState<Dayjs>();
  const today = useToday();
  return [chosen ?? today?.subtract((today.day() + 6) % 7, 'day'), setDay];
}

export default function RemindersPage() {
  const me = useMe();
  return (
    <section>
      <Typography.Title level={3}>催办提醒</Typography.Title>
      {me.data && can.runDigest(me.data.role) && <DigestRun />}
      <Tabs
        items={[
          { key: 'deliveries', label: '发送记录', children: <Deliveries /> },
          { key: 'preview', label: '周报邮件预览', children: <DigestPreview /> },
        ]}
      />
    </section>
  );
}

/**
 * 立即发送周报: the offices allowed to (leadership, admin) send the weekly digest for a date by
 * hand. What the API answers is shown as it says it (a run that sends nothing says so).
 */
function DigestRun() {
  const queryClient = useQueryClient();
  const [date, setDate] = useDigestDay();
  const run = useMutation({
    mutationFn: async () => {
      const answer = unwrap(
        await api.POST('/api/reminders/digest-runs', {
          body: { date: date!.format('YYYY-MM-DD') },
        }),
      );
      // The API's own sentence when it gives one; otherwise what the answer's fields say.
      const said = (answer as { message?: unknown }).message;
      return typeof said === 'string' && said
        ? said
        : `已提交后台按 ${answer.period} 生成并发送周报，发送结果见下方发送记录`;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deliveries'] }),
  });
  return (
    <Card size="small" title="立即发送周报" style={{ marginBottom: 12 }}>
      <Space wrap>
        <span>每周催办日</span>
        <DatePicker
          aria-label="周报日期"
          value={date}
          onChange={(d) => d && setDate(d)}
          allowClear={false}
        />
        <Popconfirm
          title="立即发送周报？"
          description="将按所选日期给有待办事项的单位发送催办邮件。"
          okText="发送"
          cancelText="取消"
          onConfirm={() => run.mutate()}
        >
          <Button type="primary" loading={run.isPending} disabled={!date}>
            立即发送周报
          </Button>
        </Popconfirm>
      </Space>
      {run.data && (
        <Alert type="success" showIcon role="status" style={{ marginTop: 12 }} title={run.data} />
      )}
      {run.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={errorText(run.error)}
        />
      )}
    </Card>
  );
}

function Deliveries() {
  const [page, setPage] = useState(1);
  const deliveries = useQuery({
    queryKey: ['deliveries', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/reminders/deliveries', { params: { query: { page, pageSize: 20 } } }),
      ),
  });
  return (
    <Card size="small">
      <QueryState loading={deliveries.isLoading} error={deliveries.error}>
        <Table
          size="small"
          rowKey="id"
          dataSource={deliveries.data?.items}
          locale={{ emptyText: '还没有发送过催办邮件' }}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: deliveries.data?.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: '单位', dataIndex: 'unitName', width: 170 },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 120,
              render: (k: Schemas['DeliveryKind']) => DELIVERY_KIND[k] ?? k,
            },
            {
              title: '周期',
              dataIndex: 'periodDate',
              width: 110,
              render: (d: string | null) => d ?? '—',
            },
            { title: '主题', dataIndex: 'subject' },
            { title: '事项', dataIndex: 'itemCount', width: 60 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s: string) => (
                <Tag color={DELIVERY_STATUS[s]?.color}>{DELIVERY_STATUS[s]?.text ?? s}</Tag>
              ),
            },
            { title: '尝试', dataIndex: 'attempts', width: 60 },
            {
              title: '发送时间',
              dataIndex: 'sentAt',
              width: 140,
              render: (d?: string | null) => (d ? formatLocalDateTime(d) : '—'),
            },
            {
              title: '错误',
              dataIndex: 'lastError',
              width: 160,
              render: (e?: string | null) => e ?? '',
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}

function DigestPreview() {
  const me = useMe();
  const units = useUnits();
  const [date, setDate] = useDigestDay();
  const [unitId, setUnitId] = useState<string>();
  const target = me.data?.role === 'unit' ? me.data.unitId : unitId;
  const preview = useQuery({
    queryKey: ['digest-preview', target, date?.format('YYYY-MM-DD')],
    enabled: !!target && !!date,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/reminders/digest-preview', {
          params: { query: { date: date!.format('YYYY-MM-DD'), unitId: target! } },
        }),
      ),
  });
  return (
    <Card size="small">
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        {me.data?.role !== 'unit' && (
          <Form.Item label="单位">
            <Select
              aria-label="单位"
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              value={unitId}
              onChange={setUnitId}
              placeholder="选择单位"
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label="日期">
          <DatePicker
            aria-label="日期"
            value={date}
            onChange={(d) => d && setDate(d)}
            allowClear={false}
          />
        </Form.Item>
      </Form>
      {!target ? (
        <Typography.Text type="secondary">选择单位后预览它在该日会收到的周报邮件。</Typography.Text>
      ) : (
        <QueryState loading={preview.isLoading} error={preview.error}>
          {preview.data && (
            <>
              <Typography.Paragraph>
                {preview.data.wouldSend ? '该日会发送：' : '该单位该日没有待办事项，不会发送邮件。'}
                <strong>{preview.data.subject}</strong>
                <br />
                收件人：{preview.data.recipients.join('、') || '（未设置邮箱）'}
                {preview.data.cc.length > 0 && `；抄送：${preview.data.cc.join('、')}`}
              </Typography.Paragraph>
              <iframe
                title="周报邮件预览"
                sandbox=""
                srcDoc={preview.data.html}
                style={{ width: '100%', height: 520, border: '1px solid #f0f0f0' }}
              />
            </>
          )}
        </QueryState>
      )}
    </Card>
  );
}
