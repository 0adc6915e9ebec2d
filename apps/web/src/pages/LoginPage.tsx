import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, messageOf } from '../api/client';
import { passwordPath, safeNext, saveSession } from '../api/session';

export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const expired = params.get('reason') === 'expired';

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const { data, error: body, response } = await api.POST('/api/auth/login', { body: values });
      if (!data) {
        setError(messageOf(body, response.status));
        return;
      }
      saveSession(data.accessToken, data.expiresIn);
      queryClient.clear();
      // A temporary password (new account, administrator's reset) is changed first, then on.
      const next = safeNext(params.get('next'));
      navigate(data.mustChangePassword ? passwordPath(next) : next, { replace: true });
    } catch {
      setError('无法连接服务器，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(180deg,#fff1f0 0%,#f5f5f5 60%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#a8071a' }}>
          落实 · 督查督办工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          实施方案逐条逐单位跟踪落实
        </Typography.Paragraph>
        {expired && (
          <Alert
            type="warning"
            showIcon
            title="登录已过期，请重新登录"
            style={{ marginBottom: 16 }}
            role="status"
          />
        )}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
