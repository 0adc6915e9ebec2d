import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { api, everyPage, unwrap, type Schemas } from '../api/client';
import { useGroups, useUnits } from '../api/directory';
import { usePlanLights } from '../api/lights';
import { can, useMe } from '../api/me';
import { ASSIGNMENT_ROLE, STATUS } from '../components/labels';
import { Light } from '../components/Light';
import { errorText, QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';
import { HistoryTimeline } from '../components/Timeline';

export default function ItemPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const item = useQuery({
    queryKey: ['item', id],
    queryFn: async () => unwrap(await api.GET('/api/items/{id}', { params: { path: { id } } })),
  });
  const progress = useQuery({
    queryKey: ['item', id, 'progress'],
    queryFn: async () =>
      unwrap(await api.GET('/api/items/{id}/progress', { params: { path: { id } } })),
  });
  const timeline = useQuery({
    queryKey: ['item', id, 'timeline'],
    queryFn: async () =>
      everyPage(async (query) =>
        unwrap(await api.GET('/api/items/{id}/timeline', { params: { path: { id }, query } })),
      ),
  });
  const plan = useQuery({
    queryKey: ['plan', item.data?.planId],
    enabled: !!item.data,
    queryFn: async () =>
      unwrap(await api.GET('/api/plans/{id}', { params: { path: { id: item.data!.planId } } })),
  });
  const lights = usePlanLights(item.data?.planId, me.data?.role);
  const shares = [...(progress.data?.lead ?? []), ...(progress.data?.co ?? [])];
  const role = me.data?.role;

  return (
    <QueryState loading={item.isLoading} error={item.error}>
      {item.data && (
        <section>
          <Typography.Text type="secondary">
            <Link to={`/plans/${item.data.planId}`}>{plan.data?.title ?? '所属方案'}</Link>
          </Typography.Text>
          <Typography.Title level={3} style={{ marginTop: 4 }}>
            （{item.data.numberText}）{item.data.title}
          </Typography.Title>
          <Card size="small" title="条目内容" style={{ marginBottom: 12 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              {item.data.body}
            </Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="完成时限">
                {item.data.dueOn ?? plan.data?.defaultDueOn ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="时限原文">
                {item.data.deadlineText ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="条目进度">
                {progress.data ? `${progress.data.percent}%` : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="责任分工" style={{ marginBottom: 12 }}>
            <QueryState
              loading={progress.isLoading}
              error={progress.error}
              empty={!shares.length}
              emptyText="尚未分工"
            >
              <Table
                size="small"
                rowKey="assignmentId"
                dataSource={shares}
                pagination={false}
                scroll={{ x: 700 }}
                columns={[
                  {
                    title: '预警',
                    width: 90,
                    render: (_, s) => <Light level={lights.data?.get(s.assignmentId) ?? 'green'} />,
                  },
                  {
                    title: '责任单位',
                    render: (_, s) => (
                      <Link to={`/assignments/${s.assignmentId}`}>{s.unitName}</Link>
                    ),
                  },
                  {
                    title: '角色',
                    dataIndex: 'role',
                    width: 70,
                    render: (r: Schemas['AssignmentRole']) => ASSIGNMENT_ROLE[r],
                  },
                  { title: '完成时限', dataIndex: 'dueOn', width: 110 },
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
                  {
                    title: '办结',
                    width: 130,
                    render: (_, s) =>
                      s.completedOn
                        ? `${s.completedOn}${s.completedLate ? '（逾期办结）' : ''}`
                        : '—',
                  },
                ]}
              />
            </QueryState>
          </Card>
          {role && can.editPlans(role) && <AssignForm itemId={id} />}
          <Card size="small" title="办理记录">
            <QueryState loading={timeline.isLoading} error={timeline.error}>
              <HistoryTimeline events={timeline.data ?? []} />
            </QueryState>
          </Card>
        </section>
      )}
    </QueryState>
  );
}

interface AssignValues {
  target: 'unit' | 'group';
  unitId?: string;
  groupId?: string;
  role: Schemas['AssignmentRole'];
  dueOn?: Dayjs;
}

/** The leadership office assigns the item to a unit, or to every unit of a group. */
function AssignForm({ itemId }: { itemId: string }) {
  const [form] = Form.useForm<AssignValues>();
  const target = Form.useWatch('target', form);
  const units = useUnits();
  const groups = useGroups();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const assign = useMutation({
    mutationFn: async (v: AssignValues) =>
      unwrap(
        await api.POST('/api/assignments', {
          body: {
            itemId,
            role: v.role,
            ...(v.target === 'unit' ? { unitId: v.unitId } : { groupId: v.groupId }),
            ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
          },
        }),
      ),
    onSuccess: (r) => {
      message.success(
        `已分工 ${r.created.length} 个单位${r.skippedUnitIds.length ? `，${r.skippedUnitIds.length} 个单位已有分工而跳过` : ''}`,
      );
      form.resetFields(['unitId', 'groupId', 'dueOn']);
      queryClient.invalidateQueries({ queryKey: ['item', itemId] });
      queryClient.invalidateQueries({ queryKey: ['lights'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card size="small" title="分工到单位或单位组" style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ target: 'unit', role: 'co' }}
        onFinish={(v) => assign.mutate(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="target" label="分工对象">
          <Radio.Group
            options={[
              { value: 'unit', label: '单位' },
              { value: 'group', label: '单位组' },
            ]}
          />
        </Form.Item>
        {target !== 'group' ? (
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              loading={units.isLoading}
              options={(units.data ?? [])
                .filter((u) => u.active)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="groupId"
            label="单位组"
            rules={[{ required: true, message: '请选择单位组' }]}
          >
            <Select
              style={{ width: 220 }}
              loading={groups.isLoading}
              options={(groups.data ?? []).map((g) => ({
                value: g.id,
                label: `${g.name}（${g.members.length}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="role" label="角色">
          <Select
            style={{ width: 90 }}
            options={[
              { value: 'lead', label: '牵头' },
              { value: 'co', label: '配合' },
            ]}
          />
        </Form.Item>
        <Form.Item name="dueOn" label="完成时限">
          <DatePicker placeholder="默认取条目时限" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={assign.isPending}>
            分工
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
