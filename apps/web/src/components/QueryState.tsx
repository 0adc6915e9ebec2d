import { Alert, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

/**
 * Loading, error and empty states in one place: the API's Chinese message is shown as it is,
 * so a clerk reads "未找到该责任分工", not a status code.
 */
export function QueryState({
  loading,
  error,
  empty,
  emptyText = '暂无数据',
  children,
}: {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: string;
  children?: ReactNode;
}) {
  if (loading) return <Skeleton active aria-busy="true" />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={error instanceof Error ? error.message : String(error)}
        role="alert"
      />
    );
  if (empty) return <Empty description={emptyText} />;
  return <>{children}</>;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
