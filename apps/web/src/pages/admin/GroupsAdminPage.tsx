import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { useGroups, useUnits } from '../../api/directory';
import { errorText, QueryState } from '../../components/QueryState';

type Group = Schemas['GroupView'];
interface Values {
  name: string;
  aliases?: string[];
  memberIds: string[];
}

export default function GroupsAdminPage() {
  const groups = useGroups();
  const units = useUnits();
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = { name: v.name, aliases: v.aliases ?? [], memberIds: v.memberIds ?? [] };
      return editing === 'new'
        ? unwrap(await api.POST('/api/groups', { body }))
        : unwrap(
            await api.PATCH('/api/groups/{id}', {
              params: { path: { id: (editing as Group).id } },
              body,
            }),
          );
    },
    onSuccess: () => {
      message.success('已保存');
      setEditing(null);
      queryClient.invalidateQueries({ queryKey: ['groups'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const open = (g: Group | 'new') => {
    setEditing(g);
    form.setFieldsValue(
      g === 'new'
        ? { name: '', aliases: [], memberIds: [] }
        : { name: g.name, aliases: g.aliases, memberIds: g.members.map((m) => m.id) },
    );
  };
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>单位组</Typography.Title>
        <Button type="primary" onClick={() => open('new')}>
          新建单位组
        </Button>
      </Space>
      <Card size="small">
        <QueryState loading={groups.isLoading} error={groups.error}>
          <Table
            size="small"
            rowKey="id"
            dataSource={groups.data}
            pagination={false}
            columns={[
              { title: '名称', dataIndex: 'name', width: 200 },
              {
                title: '别名',
                dataIndex: 'aliases',
                width: 200,
                render: (a: string[]) => a.map((x) => <Tag key={x}>{x}</Tag>),
              },
              {
                title: '成员单位',
                render: (_, g) =>
                  `${g.members.length} 个：${g.members.map((m) => m.name).join('、')}`,
              },
              {
                title: '操作',
                width: 80,
                render: (_, g) => (
                  <Button size="small" onClick={() => open(g)} aria-label={`编辑 ${g.name}`}>
                    编辑
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      <Modal
        title={editing === 'new' ? '新建单位组' : '编辑单位组'}
        open={editing !== null}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="别名" name="aliases">
            <Select mode="tags" aria-label="别名" />
          </Form.Item>
          <Form.Item label="成员单位" name="memberIds">
            <Select
              mode="multiple"
              aria-label="成员单位"
              optionFilterProp="label"
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
