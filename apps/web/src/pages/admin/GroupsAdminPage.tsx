import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client';
import { useGroups, useUnits } from '../../api/directory';
import { useEditorModal } from '../../components/EditorModal';
import { QueryState } from '../../components/QueryState';

type Group = Schemas['GroupView'];
interface Values {
  name: string;
  aliases?: string[];
  memberIds: string[];
}

export default function GroupsAdminPage() {
  const groups = useGroups();
  const units = useUnits();
  const editor = useEditorModal<Group, Values>({
    noun: '单位组',
    invalidate: [['groups']],
    initial: (g) =>
      g
        ? { name: g.name, aliases: g.aliases, memberIds: g.members.map((m) => m.id) }
        : { name: '', aliases: [], memberIds: [] },
    save: async (v, g) => {
      const body = { name: v.name, aliases: v.aliases ?? [], memberIds: v.memberIds ?? [] };
      return g
        ? unwrap(await api.PATCH('/api/groups/{id}', { params: { path: { id: g.id } }, body }))
        : unwrap(await api.POST('/api/groups', { body }));
    },
    fields: () => (
      <>
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
      </>
    ),
  });
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>单位组</Typography.Title>
        <Button type="primary" onClick={() => editor.open(null)}>
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
                  <Button size="small" onClick={() => editor.open(g)} aria-label={`编辑 ${g.name}`}>
                    编辑
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      {editor.modal}
    </section>
  );
}
