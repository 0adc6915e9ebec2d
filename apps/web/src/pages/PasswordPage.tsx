import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useMe } from '../api/me';
import { safeNext, saveSession } from '../api/session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码: by choice from the user menu, or first thing after a temporary password (a new
 * account, an administrator's reset), when the API refuses everything else until it is done.
 * The answer is a new token (every earlier session ends); then back to where the user was going.
 */
export default function PasswordPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const forced = me.data?.mustChangePassword === true;
  const change = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.POST('/api/me/password', {
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        }),
      ),
    onSuccess: async (token) => {
      saveSession(token.accessToken, token.expiresIn);
      form.resetFields();
      message.success('密码已修改');
      // Everything cached was read with the old token; /me now says the change is done.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await queryClient.refetchQueries({ queryKey: ['me'] });
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  return (
    <section style={{ maxWidth: 480 }}>
      <Typography.Title level={3}>修改密码</Typography.Title>
      {forced && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="您正在使用临时密码（新账号或管理员已重置密码），请先设置自己的新密码，然后继续操作。"
        />
      )}
      {change.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={change.error.message}
        />
      )}
      <Card size="small">
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)}>
          <Form.Item
            label="当前密码"
            name="currentPassword"
            rules={[{ required: true, message: '请输入当前密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            extra="至少 8 个字符，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不能是常见密码。"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 8, message: '新密码至少 8 个字符' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              确认修改
            </Button>
            {!forced && <Button onClick={() => navigate(-1)}>取消</Button>}
          </Space>
        </Form>
      </Card>
    </section>
  );
}
