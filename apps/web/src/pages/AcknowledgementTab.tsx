import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { can, useMe } from '../api/me';
import { ACKNOWLEDGEMENT_OPTIONS } from '../components/labels';
import { errorText, QueryState } from '../components/QueryState';
import { formatLocalDateTime } from '../time';

/**
 * The offices' 未签收 list (assignments not acknowledged, or past their limit), with a 催办 of
 * the rows chosen: one email per unit, sent at once.
 */
export function AcknowledgementTab() {
  const me = useMe();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Schemas['AcknowledgementFilter']>('late');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [chasing, setChasing] = useState(false);
  const [text, setText] = useState('');
  const list = useQuery({
    queryKey: ['assignments', 'acknowledgement', filter, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/assignments', {
          params: { query: { acknowledgement: filter, page, pageSize: 50 } },
        }),
      ),
  });
  const chase = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/chases', { body: { assignmentIds: selected, message: text.trim() } }),
      ),
    onSuccess: (r) => {
      message.success(`已催办 ${r.assignments} 项任务，邮件发往 ${r.unitIds.length} 个单位`);
      setChasing(false);
      setSelected([]);
      setText('');
    },
    onError: (e) => message.error(errorText(e)),
  });
  const role = me.data?.role;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="acknowledgement-filter">签收</label>
        <Select
          id="acknowledgement-filter"
          style={{ width: 180 }}
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
            setSelected([]);
          }}
          options={ACKNOWLEDGEMENT_OPTIONS}
        />
        {role && can.chase(role) && (
          <Button disabled={!selected.length} onClick={() => setChasing(true)}>
            催办所选（{selected.length}）
          </Button>
        )}
      </Space>
      <QueryState loading={list.isLoading} error={list.error}>
        <Table
          size="small"
          rowKey="id"
          dataSource={list.data?.items}
          locale={{ emptyText: '没有符合条件的任务' }}
          rowSelection={
            role && can.chase(role)
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
              : undefined
          }
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: '责任单位', dataIndex: 'unitName', width: 180 },
            {
              title: '条目',
              render: (_, a) => (
                <Link to={`/assignments/${a.id}`}>
                  （{a.itemNumberText}）{a.itemTitle}
                </Link>
              ),
            },
            { title: '签收期限', dataIndex: 'acknowledgeBy', width: 110, render: (d) => d ?? '—' },
            {
              title: '签收',
              width: 160,
              render: (_, a) =>
                a.acknowledgedAt ? (
                  <Tag color="success">{formatLocalDateTime(a.acknowledgedAt)}</Tag>
                ) : (
                  <Tag color="warning">未签收</Tag>
                ),
            },
            { title: '完成时限', dataIndex: 'dueOn', width: 110 },
          ]}
        />
      </QueryState>
      <Modal
        title="催办所选任务"
        open={chasing}
        okText="立即催办"
        cancelText="取消"
        okButtonProps={{ disabled: !text.trim(), loading: chase.isPending }}
        onCancel={() => setChasing(false)}
        onOk={() => chase.mutate()}
      >
        <Input.TextArea
          aria-label="催办内容"
          placeholder="催办内容（每个责任单位立即收到一封邮件）"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </>
  );
}
