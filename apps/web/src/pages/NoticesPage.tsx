import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ACKNOWLEDGEMENT_OPTIONS, NOTICE_LEVEL, NOTICE_STATUS } from '../components/labels';
import { QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';

export default function NoticesPage() {
  const [status, setStatus] = useState<Schemas['NoticeStatus']>();
  const [acknowledgement, setAcknowledgement] = useState<Schemas['AcknowledgementFilter']>();
  const [page, setPage] = useState(1);
  const notices = useQuery({
    queryKey: ['notices', status, acknowledgement, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/supervision/notices', {
          params: { query: { status, acknowledgement, page, pageSize: 20 } },
        }),
      ),
  });
  return (
    <section>
      <Typography.Title level={3}>督办单</Typography.Title>
      <Card size="small">
        <Space style={{ marginBottom: 12 }}>
          <label htmlFor="notice-status">状态</label>
          <Select
            id="notice-status"
            allowClear
            style={{ width: 160 }}
            placeholder="全部"
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={Object.entries(NOTICE_STATUS).map(([value, l]) => ({ value, label: l.text }))}
          />
          <label htmlFor="notice-acknowledgement">签收</label>
          <Select
            id="notice-acknowledgement"
            allowClear
            style={{ width: 160 }}
            placeholder="全部"
            value={acknowledgement}
            onChange={(v) => {
              setAcknowledgement(v);
              setPage(1);
            }}
            options={ACKNOWLEDGEMENT_OPTIONS}
          />
        </Space>
        <QueryState loading={notices.isLoading} error={notices.error}>
          <Table
            size="small"
            rowKey="id"
            dataSource={notices.data?.items}
            locale={{ emptyText: '没有督办单' }}
            scroll={{ x: 1050 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: notices.data?.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: '编号', dataIndex: 'number', width: 150 },
              {
                title: '等级',
                dataIndex: 'level',
                width: 100,
                render: (l) => <StatusTag value={l} labels={NOTICE_LEVEL} />,
              },
              { title: '单位', dataIndex: 'unitName', width: 180 },
              {
                title: '督办事由',
                dataIndex: 'reason',
                render: (r: string, n) => <Link to={`/notices/${n.id}`}>{r}</Link>,
              },
              { title: '任务数', width: 70, render: (_, n) => n.assignments.length },
              {
                title: '答复期限',
                dataIndex: 'replyBy',
                width: 150,
                render: (d: string, n) => (
                  <Space>
                    {d}
                    {n.overdue && <Tag color="red">已逾期</Tag>}
                  </Space>
                ),
              },
              {
                title: '签收',
                width: 110,
                render: (_, n) =>
                  n.acknowledgedAt ? (
                    <Tag color="success">已签收</Tag>
                  ) : (
                    <Tag color={n.acknowledgementLate ? 'error' : 'warning'}>
                      {n.acknowledgementLate ? '签收超期' : '未签收'}
                    </Tag>
                  ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 120,
                render: (s) => <StatusTag value={s} labels={NOTICE_STATUS} />,
              },
            ]}
          />
        </QueryState>
      </Card>
    </section>
  );
}
