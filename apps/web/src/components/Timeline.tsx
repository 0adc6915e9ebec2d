import { Timeline as AntTimeline, Typography } from 'antd';
import type { Schemas } from '../api/client';
import { formatLocalDateTime } from '../time';

/** The audit trail of an item or an assignment, newest first, as the API words it. */
export function HistoryTimeline({ events }: { events: Schemas['TimelineEvent'][] }) {
  if (!events.length) return <Typography.Text type="secondary">暂无记录</Typography.Text>;
  return (
    <AntTimeline
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        children: (
          <div>
            <Typography.Text type="secondary">{formatLocalDateTime(e.at)}</Typography.Text>{' '}
            {e.displayName ?? e.username ?? '系统'}
            {e.unitName ? `（${e.unitName}）` : ''}：{e.summary}
          </div>
        ),
      }))}
    />
  );
}
