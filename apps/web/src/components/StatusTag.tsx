import { Tag } from 'antd';

export function StatusTag<K extends string>({
  value,
  labels,
}: {
  value: K;
  labels: Record<K, { text: string; color: string }>;
}) {
  const label = labels[value] ?? { text: value, color: 'default' };
  return <Tag color={label.color}>{label.text}</Tag>;
}
