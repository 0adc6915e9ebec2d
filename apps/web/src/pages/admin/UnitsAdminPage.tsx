import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { useUnits } from '../../api/directory';
import { UNIT_KIND } from '../../components/labels';
import { useEditorModal } from '../../components/EditorModal';
import { QueryState } from '../../components/QueryState';

type Unit = Schemas['UnitView'];
interface Values {
  name: string;
  shortName?: string;
  aliases?: string[];
  kind: Schemas['UnitKind'];
  emails?: string[];
  active: boolean;
  sortOrder?: number | null;
}

export default function UnitsAdminPage() {
  const units = useUnits();
  const [q, setQ] = useState('');
  const editor = useEditorModal<Unit, Values>({
    noun: '单位',
    invalidate: [['units']],
    initial: (u) =>
      u
        ? {
            name: u.name,
            shortName: u.shortName ?? '',
            aliases: u.aliases,
            kind: u.kind,
            emails: u.emails,
            active: u.active,
            sortOrder: u.sortOrder ?? null,
          }
        : {
            name: '',
            shortName: '',
            aliases: [],
            kind: 'department',
            emails: [],
            active: true,
            sortOrder: null,
          },
    save: async (v, u) => {
      const body = {
        ...v,
        shortName: v.shortName || null,
        aliases: v.aliases ?? [],
        emails: v.emails ?? [],
        sortOrder: v.sortOrder ?? null,
      };
      return u
        ? unwrap(await api.PATCH('/api/units/{id}', { params: { path: { id: u.id } }, body }))
        : unwrap(await api.POST('/api/units', { body }));
    },
    fields: () => (
      <>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="简称" name="shortName">
          <Input />
        </Form.Item>
        <Form.Item label="别名（方案文本中的其他写法）" name="aliases">
          <Select mode="tags" aria-label="别名" tokenSeparators={['，', ',', '、']} />
        </Form.Item>
        <Form.Item label="类别" name="kind" rules={[{ required: true }]}>
          <Select options={Object.entries(UNIT_KIND).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="接收提醒的邮箱" name="emails">
          <Select mode="tags" aria-label="邮箱" tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item
          label="排序号"
          name="sortOrder"
          extra="各列表、导出和报告按排序号排列单位，小者在前；未填的排在后面，同号按拼音"
        >
          <InputNumber min={0} max={999999} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="启用" name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
  });
  const rows = (units.data ?? []).filter(
    (u) => !q || u.name.includes(q) || u.aliases.some((a) => a.includes(q)),
  );
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>单位</Typography.Title>
        <Button type="primary" onClick={() => editor.open(null)}>
          新建单位
        </Button>
      </Space>
      <Card size="small">
        <Input.Search
          aria-label="搜索单位"
          placeholder="按名称或别名搜索"
          allowClear
          style={{ width: 280, marginBottom: 12 }}
          onSearch={setQ}
          onChange={(e) => setQ(e.target.value)}
        />
        <QueryState loading={units.isLoading} error={units.error}>
          <Table
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: '排序号', dataIndex: 'sortOrder', width: 80 },
              { title: '排序号', dataIndex: 'sortOrder', width: 80 },
              { title: '名称', dataIndex: 'name' },
              {
                title: '类别',
                dataIndex: 'kind',
                width: 130,
                render: (k: Schemas['UnitKind']) => UNIT_KIND[k],
              },
              {
                title: '别名',
                dataIndex: 'aliases',
                render: (a: string[]) => a.map((x) => <Tag key={x}>{x}</Tag>),
              },
              {
                title: '邮箱',
                dataIndex: 'emails',
                width: 220,
                render: (e: string[]) => e.join('、'),
              },
              {
                title: '启用',
                dataIndex: 'active',
                width: 60,
                render: (a: boolean) => (a ? '是' : '否'),
              },
              {
                title: '操作',
                width: 80,
                render: (_, u) => (
                  <Button size="small" onClick={() => editor.open(u)} aria-label={`编辑 ${u.name}`}>
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
