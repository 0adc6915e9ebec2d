import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { can, useMe, type Role } from '../api/me';
import { clearSession, loginPath, passwordPath, readSession, sessionExpired } from '../api/session';
import { ROLE_NAME } from '../components/labels';
import { QueryState } from '../components/QueryState';
import { useQueryClient } from '@tanstack/react-query';

interface Entry {
  key: string;
  label: string;
  show: (r: Role) => boolean;
}

/** The menu shows a role only what its API answers. */
const MENU: Entry[] = [
  { key: '/', label: '我的待办', show: () => true },
  { key: '/plans', label: '实施方案', show: () => true },
  { key: '/import', label: '导入方案', show: can.editPlans },
  { key: '/supervision', label: '督查督办', show: can.readSupervision },
  { key: '/notices', label: '督办单', show: () => true },
  { key: '/assessment', label: '考评排名', show: () => true },
  { key: '/annual-report', label: '年度报告', show: can.annualReport },
  { key: '/reminders', label: '催办提醒', show: () => true },
  { key: '/admin/units', label: '单位', show: can.admin },
  { key: '/admin/groups', label: '单位组', show: can.admin },
  { key: '/admin/users', label: '用户', show: can.admin },
];

function selectedKey(pathname: string): string {
  if (pathname === '/') return '/';
  const match = MENU.filter((m) => m.key !== '/' && pathname.startsWith(m.key));
  if (match.length) return match.sort((a, b) => b.key.length - a.key.length)[0].key;
  if (/^\/(items|assignments|reports)\//.test(pathname)) return '/plans';
  return '/';
}

export function RequireSession() {
  const session = readSession();
  if (!session) return <Navigate to={loginPath()} replace />;
  if (sessionExpired(session)) {
    clearSession();
    return <Navigate to={loginPath('expired')} replace />;
  }
  return <AppLayout />;
}

function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  // A temporary password is changed before anything else (the API refuses the rest meanwhile).
  const mustChange = me.data?.mustChangePassword === true;
  const items = useMemo(
    () =>
      me.data && !me.data.mustChangePassword
        ? MENU.filter((m) => m.show(me.data.role)).map((m) => ({
            key: m.key,
            label: <Link to={m.key}>{m.label}</Link>,
          }))
        : [],
    [me.data],
  );
  const signOut = () => {
    clearSession();
    queryClient.clear();
    navigate('/login', { replace: true });
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          padding: narrow ? '0 12px' : '0 24px',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', color: '#a8071a' }}>
          落实 · 工作台
        </Typography.Title>
        <Menu
          mode="horizontal"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
          style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
          aria-label="主菜单"
        />
        {me.data && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  label: `${me.data.unitName ?? ''} · ${ROLE_NAME[me.data.role]}`,
                  disabled: true,
                },
                { type: 'divider' },
                {
                  key: 'password',
                  label: '修改密码',
                  // The address as it is now: a navigation still rendering (a transition) would
                  // leave the rendered location one page behind.
                  onClick: () =>
                    navigate(passwordPath(window.location.pathname + window.location.search)),
                },
                { key: 'sign-out', label: '退出登录', onClick: signOut },
              ],
            }}
          >
            <Button aria-label="用户菜单" icon={<UserOutlined />} style={{ flexShrink: 0 }}>
              {!narrow && (
                <Typography.Text ellipsis style={{ maxWidth: 200 }}>
                  {me.data.displayName}
                </Typography.Text>
              )}
              <DownOutlined />
            </Button>
          </Dropdown>
        )}
      </Layout.Header>
      <Layout.Content
        style={{ padding: narrow ? 8 : 20, maxWidth: 1400, width: '100%', margin: '0 auto' }}
      >
        <QueryState loading={me.isLoading} error={me.error}>
          {mustChange && location.pathname !== '/password' ? (
            <Navigate to={passwordPath(location.pathname + location.search)} replace />
          ) : (
            <Suspense fallback={<Spin size="large" aria-label="加载中" />}>
              <Outlet />
            </Suspense>
          )}
        </QueryState>
      </Layout.Content>
    </Layout>
  );
}
