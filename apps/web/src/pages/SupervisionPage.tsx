import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, download, unwrap, type Schemas } from '../api/client';
import { AcknowledgementTab } from './AcknowledgementTab';
import { useUnits } from '../api/directory';
import { can, useMe } from '../api/me';
import { ASSIGNMENT_ROLE, STATUS } from '../components/labels';
import { Light } from '../components/Light';
import { errorText, QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';

function usePlans() {
  return useQuery({
    queryKey: ['plans'],
    queryFn: async () =>
      unwrap(await api.GET('/api/plans', { params: { query: { pageSize: 200 } } })),
  });
}

/**
 * Filters live in the address, so a filtered list can be bookmarked or sent on. A change starts
 * from the address as it is now, not as of the last render: react-router renders a navigation
 * in a transition, which a second quick change (a unit, then a date) can overtake, and a patch
 * of the rendered params then dropped the unit the first change had just put in the address.
 * Any filter change goes back to the first page.
 */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    if (!('page' in patch)) next.delete('page');
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const page = Number(get('page') ?? 1) || 1;
  const setPage = (p: number) => set({ page: p > 1 ? String(p) : undefined });
  return { get, set, page, setPage };
}

function FilterBar({ extra }: { extra?: React.ReactNode }) {
  const { get, set } = useFilters();
  const plans = usePlans();
  const units = useUnits();
  return (
    <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item label="方案">
        <Select
          allowClear
          aria-label="方案"
          style={{ width: 260 }}
          value={get('planId')}
          onChange={(v?: string) => set({ planId: v })}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          placeholder="全部方案"
        />
      </Form.Item>
      <Form.Item label="单位">
        <Select
          allowClear
          showSearch
          aria-label="单位"
          optionFilterProp="label"
          style={{ width: 200 }}
          value={get('unitId')}
          onChange={(v?: string) => set({ unitId: v })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          placeholder="全部单位"
        />
      </Form.Item>
      <Form.Item label="截至日期">
        <DatePicker
          aria-label="截至日期"
          value={get('asOf') ? dayjs(get('asOf')) : null}
          onChange={(d: Dayjs | null) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
          placeholder="今天"
        />
      </Form.Item>
      {extra}
    </Form>
  );
}

export default function SupervisionPage() {
  const { get, set } = useFilters();
  return (
    <section>
      <Typography.Title level={3}>督查督办</Typography.Title>
      <Tabs
        activeKey={get('tab') ?? 'overdue'}
        onChange={(tab) => set({ tab })}
        items={[
          { key: 'overdue', label: '逾期清单', children: <OverdueTab /> },
          { key: 'warnings', label: '预警', children: <WarningsTab /> },
          { key: 'statistics', label: '统计排名', children: <StatisticsTab /> },
          { key: 'acknowledgement', label: '签收与催办', children: <AcknowledgementTab /> },
        ]}
      />
    </section>
  );
}

function OverdueTab() {
  const me = useMe();
  const { message } = App.useApp();
  const { get, set, page, setPage } = useFilters();
  const [selected, setSelected] = useState<Schemas['OverdueRow'][]>([]);
  const query = {
    planId: get('planId'),
    unitId: get('unitId'),
    asOf: get('asOf'),
    minDaysOverdue: get('minDays') ? Number(get('minDays')) : undefined,
  };
  const overdue = useQuery({
    queryKey: ['overdue', query, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/supervision/overdue', {
          params: { query: { ...query, page, pageSize: 20 } },
        }),
      ),
  });
  const exportXlsx = () => {
    const qs = new URLSearchParams(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    download(`/api/supervision/exports/overdue.xlsx?${qs}`, '逾期任务清单.xlsx').catch((e) =>
      message.error(errorText(e)),
    );
  };
  const units = new Set(selected.map((r) => r.unitId));
  return (
    <Card size="small">
      <FilterBar
        extra={
          <>
            <Form.Item label="至少逾期天数">
              <InputNumber
                aria-label="至少逾期天数"
                min={1}
                value={get('minDays') ? Number(get('minDays')) : null}
                onChange={(v) => set({ minDays: v ? String(v) : undefined })}
              />
            </Form.Item>
            <Button onClick={exportXlsx}>导出 Excel</Button>
            {me.data && can.issueNotices(me.data.role) && (
              <NoticeButton
                rows={selected}
                disabled={units.size !== 1}
                onDone={() => setSelected([])}
              />
            )}
          </>
        }
      />
      <QueryState loading={overdue.isLoading} error={overdue.error}>
        <Typography.Paragraph type="secondary">
          截至 {overdue.data?.asOf}，共 {overdue.data?.total} 项逾期
          {me.data && can.issueNotices(me.data.role) && '（勾选同一单位的任务可发督办单）'}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="assignmentId"
          dataSource={overdue.data?.items}
          scroll={{ x: 1000 }}
          rowSelection={
            me.data && can.issueNotices(me.data.role)
              ? {
                  selectedRowKeys: selected.map((r) => r.assignmentId),
                  onChange: (_, rows) => setSelected(rows),
                }
              : undefined
          }
          pagination={{
            current: page,
            pageSize: 20,
            total: overdue.data?.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: '责任单位', dataIndex: 'unitName', width: 170 },
            {
              title: '条目',
              render: (_, r) => (
                <Link to={`/assignments/${r.assignmentId}`}>
                  （{r.itemNumberText}）{r.itemTitle}
                </Link>
              ),
            },
            {
              title: '角色',
              dataIndex: 'role',
              width: 60,
              render: (r: Schemas['AssignmentRole']) => ASSIGNMENT_ROLE[r],
            },
            { title: '完成时限', dataIndex: 'dueOn', width: 110 },
            { title: '逾期天数', dataIndex: 'daysOverdue', width: 90, align: 'right' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s) => <StatusTag value={s} labels={STATUS} />,
            },
            {
              title: '进度',
              dataIndex: 'progressPercent',
              width: 70,
              render: (p: number) => `${p}%`,
            },
            { title: '最近报送', dataIndex: 'lastReportOn', width: 110, render: (d) => d ?? '—' },
          ]}
        />
      </QueryState>
    </Card>
  );
}

function NoticeButton({
  rows,
  disabled,
  onDone,
}: {
  rows: Schemas['OverdueRow'][];
  disabled: boolean;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; replyBy: Dayjs }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: async (v: { reason: string; replyBy: Dayjs }) =>
      unwrap(
        await api.POST('/api/supervision/notices', {
          body: {
            unitId: rows[0].unitId,
            assignmentIds: rows.map((r) => r.assignmentId),
            reason: v.reason,
            replyBy: v.replyBy.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: () => {
      message.success('督办单已发出');
      setOpen(false);
      form.resetFields();
      onDone();
      queryClient.invalidateQueries({ queryKey: ['notices'] });
      queryClient.invalidateQueries({ queryKey: ['todo'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <Button type="primary" disabled={disabled} onClick={() => setOpen(true)}>
        发督办单
      </Button>
      <Modal
        title={`向 ${rows[0]?.unitName ?? ''} 发督办单（${rows.length} 项任务）`}
        open={open}
        okText="发出"
        cancelText="取消"
        confirmLoading={issue.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)}>
          <Form.Item
            label="督办事由"
            name="reason"
            rules={[{ required: true, message: '请填写督办事由' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            label="答复期限"
            name="replyBy"
            rules={[{ required: true, message: '请选择答复期限' }]}
          >
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function WarningsTab() {
  const { get, set, page, setPage } = useFilters();
  const level = get('level') as 'red' | 'yellow' | undefined;
  const query = { planId: get('planId'), unitId: get('unitId'), asOf: get('asOf'), level };
  const warnings = useQuery({
    queryKey: ['warnings', query, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/supervision/warnings', {
          params: { query: { ...query, page, pageSize: 20 } },
        }),
      ),
  });
  return (
    <Card size="small">
      <FilterBar
        extra={
          <Form.Item label="预警">
            <Select
              allowClear
              aria-label="预警级别"
              style={{ width: 110 }}
              value={level}
              onChange={(v?: string) => set({ level: v })}
              placeholder="红灯和黄灯"
              options={[
                { value: 'red', label: '红灯' },
                { value: 'yellow', label: '黄灯' },
              ]}
            />
          </Form.Item>
        }
      />
      <QueryState loading={warnings.isLoading} error={warnings.error}>
        <Typography.Paragraph type="secondary">
          截至 {warnings.data?.asOf}，共 {warnings.data?.total} 项
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="assignmentId"
          dataSource={warnings.data?.items}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: warnings.data?.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: '预警', width: 90, render: (_, w) => <Light level={w.level} /> },
            { title: '责任单位', dataIndex: 'unitName', width: 170 },
            {
              title: '条目',
              render: (_, w) => (
                <Link to={`/assignments/${w.assignmentId}`}>
                  （{w.itemNumberText}）{w.itemTitle}
                </Link>
              ),
            },
            { title: '完成时限', dataIndex: 'dueOn', width: 110 },
            { title: '原因', dataIndex: 'reason', width: 280 },
          ]}
        />
      </QueryState>
    </Card>
  );
}

function StatisticsTab() {
  const { get, set } = useFilters();
  const { message } = App.useApp();
  const groupBy = (get('groupBy') ?? 'unit') as 'unit' | 'plan' | 'section';
  const query = { planId: get('planId'), unitId: get('unitId'), asOf: get('asOf'), groupBy };
  const stats = useQuery({
    queryKey: ['statistics', query],
    queryFn: async () =>
      unwrap(await api.GET('/api/supervision/statistics', { params: { query } })),
  });
  const rows = stats.data?.rows ?? [];
  const ranked = rows
    .filter((r) => r.onTimeRate !== null && r.onTimeRate !== undefined)
    .slice(0, 15);
  return (
    <Card size="small">
      <FilterBar
        extra={
          <>
            <Form.Item label="统计维度">
              <Select
                aria-label="统计维度"
                style={{ width: 110 }}
                value={groupBy}
                onChange={(v: string) => set({ groupBy: v })}
                options={[
                  { value: 'unit', label: '按单位' },
                  { value: 'plan', label: '按方案' },
                  { value: 'section', label: '按章' },
                ]}
              />
            </Form.Item>
            {query.planId && (
              <Button
                onClick={() =>
                  download(`/api/plans/${query.planId}/breakdown.xlsx`, '任务分解表.xlsx').catch(
                    (e) => message.error(errorText(e)),
                  )
                }
              >
                导出任务分解表
              </Button>
            )}
          </>
        }
      />
      <QueryState loading={stats.isLoading} error={stats.error} empty={!rows.length}>
        <Typography.Title level={5}>按期完成率排名（前 15）</Typography.Title>
        <div role="img" aria-label="按期完成率排名条形图" style={{ marginBottom: 16 }}>
          {ranked.map((r) => (
            <div
              key={r.id}
              style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}
            >
              <span style={{ width: 28, textAlign: 'right' }}>{r.rank}</span>
              <span
                style={{
                  width: 220,
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  whiteSpace: 'nowrap',
                }}
                title={r.name}
              >
                {r.name}
              </span>
              <div style={{ flex: 1, background: '#f5f5f5', height: 16 }}>
                <div
                  style={{
                    width: `${Math.round((r.onTimeRate ?? 0) * 100)}%`,
                    height: '100%',
                    background:
                      (r.onTimeRate ?? 0) >= 0.8
                        ? '#52c41a'
                        : (r.onTimeRate ?? 0) >= 0.5
                          ? '#faad14'
                          : '#f5222d',
                  }}
                />
              </div>
              <span style={{ width: 120 }}>
                {Math.round((r.onTimeRate ?? 0) * 100)}%，逾期 {r.overdue}
              </span>
            </div>
          ))}
          {!ranked.length && (
            <Typography.Text type="secondary">截至该日还没有到期的任务</Typography.Text>
          )}
        </div>
        <Table
          size="small"
          rowKey="id"
          dataSource={rows}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 60 },
            { title: '名称', dataIndex: 'name' },
            { title: '分工', dataIndex: 'assigned', width: 70 },
            { title: '应完成', dataIndex: 'due', width: 70 },
            { title: '按期办结', dataIndex: 'completedOnTime', width: 80 },
            {
              title: '按期完成率',
              dataIndex: 'onTimeRate',
              width: 100,
              render: (r?: number | null) =>
                r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`,
            },
            { title: '逾期', dataIndex: 'overdue', width: 60 },
            { title: '延期', dataIndex: 'extended', width: 60 },
            { title: '按原时限办结', dataIndex: 'completedOnOriginalTime', width: 90 },
            { title: '未签收', dataIndex: 'unacknowledged', width: 70 },
            { title: '应报未报', dataIndex: 'reportsMissing', width: 80 },
            { title: '督办逾期未复', dataIndex: 'noticesOverdue', width: 100 },
            {
              title: '年度目标 达标/落后/总数',
              width: 170,
              render: (_, r) =>
                `${r.recurringTargetsMet}/${r.recurringTargetsBehind}/${r.recurringTargets}`,
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
