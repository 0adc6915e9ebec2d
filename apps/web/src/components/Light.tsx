import { Tag } from 'antd';

export type Level = 'red' | 'yellow' | 'green';

const LIGHT: Record<Level, { text: string; color: string }> = {
  red: { text: '红灯', color: 'red' },
  yellow: { text: '黄灯', color: 'gold' },
  green: { text: '绿灯', color: 'green' },
};

/** The warning light as a tag that says its colour in words (not colour alone). */
export function Light({ level, title }: { level: Level; title?: string }) {
  const light = LIGHT[level];
  return (
    <Tag color={light.color} title={title} aria-label={`预警：${light.text}`}>
      ● {light.text}
    </Tag>
  );
}
