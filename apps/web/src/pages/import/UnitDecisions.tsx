import { Card, Select, Space, Table, Tag } from 'antd';
import type { Schemas } from '../../api/client';
import { useGroups, useUnits } from '../../api/directory';

export type Preview = Schemas['ImportPreviewView'];
export type Decision = Schemas['UnitDecisionDto'];
export type Decisions = Record<string, Decision>;

const MATCH: Record<string, { text: string; color: string }> = {
  exact: { text: '完全匹配', color: 'green' },
  alias: { text: '别名匹配', color: 'green' },
  prefix: { text: '简称匹配', color: 'cyan' },
  bracket: { text: '括号内匹配', color: 'cyan' },
  fuzzy: { text: '近似匹配', color: 'gold' },
  ambiguous: { text: '有歧义', color: 'orange' },
  none: { text: '名录中没有', color: 'red' },
};

/**
 * The decisions a preview starts with: a proposed match (近似匹配, or a group of many units) is
 * confirmed unless the office says otherwise; a name the directory lacks is created as a
 * department unless mapped or skipped. A decision the office already made for a name stays.
 */
export function startingDecisions(preview: Preview, earlier: Decisions = {}): Decisions {
  const waiting = new Map(preview.units.map((u) => [u.name, u.decision]));
  return Object.fromEntries(
    preview.needsDecision.map((name): [string, Decision] => [
      name,
      earlier[name] ??
        (waiting.get(name)?.startsWith('confirm')
          ? { name, action: 'confirm' }
          : { name, action: 'create', kind: 'department' }),
    ]),
  );
}

/** Names mapped to a unit or group that is not chosen yet. */
export function undecided(preview: Preview, decisions: Decisions): string[] {
  return preview.needsDecision.filter((name) => {
    const d = decisions[name];
    return !d || (d.action === 'map' && !d.unitId && !d.groupId);
  });
}

export function UnitDecisionsCard({
  preview,
  decisions,
  setDecision,
}: {
  preview: Preview;
  decisions: Decisions;
  setDecision: (d: Decision) => void;
}) {
  const units = useUnits();
  const groups = useGroups();
  return (
    <Card size="small" title={`单位名称（${preview.needsDecision.length} 个需要处理）`}>
      <Table
        size="small"
        rowKey="name"
        dataSource={[...preview.units].sort(
          (a, b) =>
            Number(preview.needsDecision.includes(b.name)) -
            Number(preview.needsDecision.includes(a.name)),
        )}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: '文本中的名称',
            dataIndex: 'name',
            render: (n: string, u) => `${n}${u.group ? '（单位组）' : ''}`,
          },
          { title: '出现', dataIndex: 'occurrences', width: 60 },
          {
            title: '匹配',
            width: 110,
            render: (_, u) => (
              <Tag color={MATCH[u.match]?.color}>{MATCH[u.match]?.text ?? u.match}</Tag>
            ),
          },
          { title: '名录中的单位', width: 200, render: (_, u) => u.matchedName ?? '—' },
          {
            title: '处理',
            width: 380,
            render: (_, u) => {
              if (!preview.needsDecision.includes(u.name)) return '—';
              const d = decisions[u.name] ?? { name: u.name, action: 'create' };
              return (
                <Space wrap>
                  <Select
                    aria-label={`${u.name} 的处理方式`}
                    style={{ width: 130 }}
                    value={
                      d.action === 'map' ? (d.groupId !== undefined ? 'group' : 'unit') : d.action
                    }
                    onChange={(v: string) =>
                      setDecision(
                        v === 'unit'
                          ? {
                              name: u.name,
                              action: 'map',
                              unitId: u.candidates?.find((c) => c.unitId)?.unitId,
                            }
                          : v === 'group'
                            ? { name: u.name, action: 'map', groupId: '' }
                            : v === 'create'
                              ? { name: u.name, action: 'create', kind: 'department' }
                              : v === 'confirm'
                                ? { name: u.name, action: 'confirm' }
                                : { name: u.name, action: 'skip' },
                      )
                    }
                    options={[
                      ...(u.decision?.startsWith('confirm')
                        ? [
                            {
                              value: 'confirm',
                              label:
                                u.decision === 'confirm-group'
                                  ? `确认（${u.memberCount ?? ''} 个单位）`
                                  : `确认为 ${u.matchedName ?? ''}`,
                            },
                          ]
                        : []),
                      { value: 'unit', label: '对应已有单位' },
                      { value: 'group', label: '对应单位组' },
                      { value: 'create', label: '新建单位' },
                      { value: 'skip', label: '跳过' },
                    ]}
                  />
                  {d.action === 'map' && d.groupId === undefined && (
                    <Select
                      aria-label={`${u.name} 对应的单位`}
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 200 }}
                      value={d.unitId}
                      onChange={(unitId: string) =>
                        setDecision({ name: u.name, action: 'map', unitId })
                      }
                      options={(units.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                    />
                  )}
                  {d.action === 'map' && d.groupId !== undefined && (
                    <Select
                      aria-label={`${u.name} 对应的单位组`}
                      style={{ width: 200 }}
                      value={d.groupId || undefined}
                      onChange={(groupId: string) =>
                        setDecision({ name: u.name, action: 'map', groupId })
                      }
                      options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
                    />
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
