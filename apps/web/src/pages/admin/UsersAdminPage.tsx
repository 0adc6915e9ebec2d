import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { useUnits } from '../../api/directory';
import { ROLE_NAME } from '../../components/labels';
import { useEditorModal } from '../../components/EditorModal';
import { QueryState } from '../../components/QueryState';

type User = Schemas['UserView'];
interface Values {
  username: string;
  displayName: string;
  password?: string;
  role: Schemas['Role'];
  unitId?: string;
  email?: string;
  active: boolean;
}

export default function UsersAdminPage() {
  const units = useUnits();
  const [page, setPage] = useState(1);
  const users = useQuery({
    queryKey: ['users', page],
    queryFn: async () =>
      unwrap(await api.GET('/api/users', { params: { query: { page, pageSize: 20 } } })),
  });
  const editor = useEditorModal<User, Values>({
    noun: '用户',
    invalidate: [['users']],
    initial: (u) =>
      u
        ? {
            username: u.username,
            displayName: u.displayName,
            password: '',
            role: u.role,
            unitId: u.unitId,
            email: u.email ?? '',
            active: u.active,
          }
        : {
            username: '',
            displayName: '',
            password: '',
            role: 'unit',
            unitId: undefined,
            email: '',
            active: true,
          },
    save: async (v, u) => {
      const email = v.email?.trim() ? v.email.trim() : null;
      if (!u) {
        return unwrap(
          await api.POST('/api/users', {
            body: {
              username: v.username,
              displayName: v.displayName,
              password: v.password ?? '',
              role: v.role,
              unitId: v.unitId!,
              email,
            },
          }),
        );
      }
      return unwrap(
        await api.PATCH('/api/users/{id}', {
          params: { path: { id: u.id } },
          body: {
            displayName: v.displayName,
            role: v.role,
            unitId: v.unitId,
            email,
            active: v.active,
            ...(v.password ? { password: v.password } : {}),
          },
        }),
      );
    },
    fields: (u) => (
      <>
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, message: '请填写用户名' }]}
        >
          <Input disabled={u !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, message: '请填写姓名' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={
            u ? '新密码（不改请留空；填写后该用户下次登录须修改）' : '初始密码（首次登录须修改）'
          }
          name="password"
          rules={u ? [] : [{ required: true, message: '请填写初始密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true }]}>
          <Select options={Object.entries(ROLE_NAME).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          label="所属单位"
          name="unitId"
          rules={[{ required: true, message: '请选择单位' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={(units.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item label="邮箱" name="email">
          <Input type="email" />
        </Form.Item>
        <Form.Item label="启用" name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
  });
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>用户</Typography.Title>
        <Button type="primary" onClick={() => editor.open(null)}>
          新建用户
        </Button>
      </Space>
      <Card size="small">
        <QueryState loading={users.isLoading} error={users.error}>
          <Table
            size="small"
            rowKey="id"
            dataSource={users.data?.items}
            scroll={{ x: 800 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: users.data?.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: '用户名', dataIndex: 'username', width: 140 },
              { title: '姓名', dataIndex: 'displayName', width: 140 },
              {
                title: '角色',
                dataIndex: 'role',
                width: 140,
                render: (r: Schemas['Role']) => ROLE_NAME[r],
              },
              { title: '单位', dataIndex: 'unitName' },
              { title: '邮箱', dataIndex: 'email', render: (e?: string | null) => e ?? '' },
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
                  <Button
                    size="small"
                    onClick={() => editor.open(u)}
                    aria-label={`编辑 ${u.username}`}
                  >
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
