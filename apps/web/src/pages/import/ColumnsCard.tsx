import { Button, Card, Select, Space, Table, Typography } from 'antd';
import type { Schemas } from '../../api/client';
// The parser's own list and labels (a file without imports), not a copy of them.
import {
  COLUMN_KIND_LABEL,
  COLUMN_KINDS,
} from '../../../../../libs/plan-import/src/source/column-kinds';

type Column = Schemas['ColumnView'];
export type ColumnKind = Column['kind'];

const KIND_OPTIONS = COLUMN_KINDS.map((kind) => ({ value: kind, label: COLUMN_KIND_LABEL[kind] }));

/**
 * 表格各列的读取: for a table (Word, Excel, pasted with tabs), what each column was read as,
 * with a choice to correct it; the plan is then read again with the corrections.
 */
export function ColumnsCard({
  columns,
  kinds,
  setKind,
  rereading,
  onReread,
}: {
  columns: Column[];
  /** The office's choice per column index (absent: as read). */
  kinds: Record<number, ColumnKind>;
  setKind: (index: number, kind: ColumnKind) => void;
  rereading: boolean;
  onReread: () => void;
}) {
  const changed = columns.filter((c) => kinds[c.index] && kinds[c.index] !== c.kind);
  return (
    <Card size="small" title="表格各列的读取">
      <Typography.Paragraph type="secondary">
        方案来自表格：下面是每一列被读作的内容。读错的列可以更正，然后按更正重新读取。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="index"
        dataSource={columns}
        pagination={false}
        columns={[
          { title: '列', width: 60, render: (_, c) => `第 ${c.index + 1} 列` },
          { title: '表头', dataIndex: 'name' },
          {
            title: '读作',
            width: 220,
            render: (_, c) => (
              <Select
                aria-label={`“${c.name}”列读作`}
                style={{ width: 180 }}
                value={kinds[c.index] ?? c.kind}
                onChange={(kind: ColumnKind) => setKind(c.index, kind)}
                options={KIND_OPTIONS}
                // Every kind in view at once (eleven): a clerk reads them all before choosing.
                listHeight={KIND_OPTIONS.length * 32 + 8}
                virtual={false}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button disabled={!changed.length} loading={rereading} onClick={onReread}>
          按更正重新读取
        </Button>
        {changed.length > 0 && (
          <Typography.Text type="warning">
            已更正 {changed.length} 列，重新读取后预览才会按更正显示
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
