import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { can, useMe } from '../api/me';
import { FREQUENCY, PLAN_STATUS } from '../components/labels';
import { QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';

export default function PlansPage() {
  const me = useMe();
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: async () =>
      unwrap(await api.GET('/api/plans', { params: { query: { pageSize: 200 } } })),
  });
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>实施方案</Typography.Title>
        {me.data && can.editPlans(me.data.role) && (
          <Link to="/import">
            <Button type="primary">导入方案</Button>
          </Link>
        )}
      </Space>
      <Card size="small">
        <QueryState loading={plans.isLoading} error={plans.error}>
          <Table
            size="small"
            rowKey="id"
            dataSource={plans.data?.items}
            locale={{ emptyText: '暂无方案' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 800 }}
            columns={[
              {
                title: '方案',
                dataIndex: 'title',
                render: (title: string, p) => <Link to={`/plans/${p.id}`}>{title}</Link>,
              },
              { title: '文号', dataIndex: 'docNumber', width: 180, render: (d) => d ?? '—' },
              {
                title: '实施期',
                width: 200,
                render: (_, p) =>
                  p.periodStart ? `${p.periodStart} 至 ${p.periodEnd ?? ''}` : '—',
              },
              {
                title: '报送周期',
                dataIndex: 'reportFrequency',
                width: 100,
                render: (f: keyof typeof FREQUENCY) => FREQUENCY[f],
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s) => <StatusTag value={s} labels={PLAN_STATUS} />,
              },
            ]}
          />
        </QueryState>
      </Card>
    </section>
  );
}
