import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Input,
  List,
  Radio,
  Result,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, uploadFile, type Schemas } from '../api/client';
import { useGroups, useUnits } from '../api/directory';
import { errorText } from '../components/QueryState';

type Preview = Schemas['ImportPreviewView'];
type Decision = Schemas['UnitDecisionDto'];

const MATCH: Record<string, { text: string; color: string }> = {
  exact: { text: '完全匹配', color: 'green' },
  alias: { text: '别名匹配', color: 'green' },
  prefix: { text: '简称匹配', color: 'cyan' },
  bracket: { text: '括号内匹配', color: 'cyan' },
  fuzzy: { text: '近似匹配', color: 'gold' },
  ambiguous: { text: '有歧义', color: 'orange' },
  none: { text: '名录中没有', color: 'red' },
};

export default function ImportPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [status, setStatus] = useState<Schemas['PlanStatus']>('draft');
  const [result, setResult] = useState<Schemas['ImportResultView']>();
  const [uploading, setUploading] = useState<number | null>(null);

  const showPreview = (p: Preview) => {
    setPreview(p);
    setResult(undefined);
    // A proposed match (近似匹配, or a group of many units) is confirmed unless the office says
    // otherwise; a name the directory lacks is created as a department unless mapped or skipped.
    const waiting = new Map(p.units.map((u) => [u.name, u.decision]));
    setDecisions(
      Object.fromEntries(
        p.needsDecision.map((name): [string, Decision] => [
          name,
          waiting.get(name)?.startsWith('confirm')
            ? { name, action: 'confirm' }
            : { name, action: 'create', kind: 'department' },
        ]),
      ),
    );
  };
  const parse = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/plans/import', { body: { text } })),
    onSuccess: showPreview,
    onError: (e) => message.error(errorText(e)),
  });
  const commit = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/plans/import/commit', {
          body: { previewId: preview!.id, status, decisions: Object.values(decisions) },
        }),
      ),
    onSuccess: (r) => {
      setResult(r);
      queryClient.invalidateQueries({ queryKey: ['plans'] });
      queryClient.invalidateQueries({ queryKey: ['todo'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const step = result ? 2 : preview ? 1 : 0;

  return (
    <section>
      <Typography.Title level={3}>导入方案</Typography.Title>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: '粘贴或上传方案' },
          { title: '核对预览、处理单位名称' },
          { title: '完成' },
        ]}
      />
      {step === 0 && (
        <Card size="small">
          <Tabs
            items={[
              {
                key: 'text',
                label: '粘贴文本',
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <label htmlFor="plan-text">方案全文</label>
                    <Input.TextArea
                      id="plan-text"
                      rows={14}
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                      placeholder="把实施方案的全文粘贴到这里"
                    />
                    <Button
                      type="primary"
                      disabled={!text.trim()}
                      loading={parse.isPending}
                      onClick={() => parse.mutate()}
                    >
                      解析预览
                    </Button>
                  </Space>
                ),
              },
              {
                key: 'file',
                label: '上传文件',
                children: (
                  <Space direction="vertical">
                    <Typography.Text>
                      支持 .txt（UTF-8 或 GB18030）和 .docx，至多 10 MB。
                    </Typography.Text>
                    <Upload
                      accept=".txt,.docx"
                      showUploadList={false}
                      customRequest={({ file }) => {
                        setUploading(0);
                        uploadFile<Preview>('/api/plans/import', file as File, setUploading)
                          .then(showPreview)
                          .catch((e: Error) => message.error(e.message))
                          .finally(() => setUploading(null));
                      }}
                    >
                      <Button loading={uploading !== null}>选择文件并解析</Button>
                    </Upload>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {step === 1 && preview && (
        <PreviewView
          preview={preview}
          decisions={decisions}
          setDecision={(d) => setDecisions((all) => ({ ...all, [d.name]: d }))}
          status={status}
          setStatus={setStatus}
          committing={commit.isPending}
          onCommit={() => commit.mutate()}
          onBack={() => setPreview(undefined)}
        />
      )}
      {step === 2 && result && (
        <Result
          status="success"
          title={
            result.planOutcome === 'created'
              ? '方案已导入'
              : result.planOutcome === 'updated'
                ? '方案已更新'
                : '方案没有变化'
          }
          subTitle={
            <Space direction="vertical">
              <span>
                章：新建 {result.sections.created}、更新 {result.sections.updated}；条目：新建{' '}
                {result.items.created}、更新 {result.items.updated}；分工：新建{' '}
                {result.assignments.created}、更新 {result.assignments.updated}
              </span>
              {result.createdUnits.length > 0 && (
                <span>新建单位：{result.createdUnits.join('、')}</span>
              )}
              {result.skippedNames.length > 0 && (
                <span>跳过：{result.skippedNames.join('、')}</span>
              )}
              {result.assignmentsNoLongerListed > 0 && (
                <span>文本中不再出现、已保留的分工：{result.assignmentsNoLongerListed}</span>
              )}
            </Space>
          }
          extra={[
            <Link key="plan" to={`/plans/${result.planId}`}>
              <Button type="primary">查看方案</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setPreview(undefined);
                setResult(undefined);
                setText('');
              }}
            >
              再导入一份
            </Button>,
          ]}
        />
      )}
    </section>
  );
}

function PreviewView({
  preview,
  decisions,
  setDecision,
  status,
  setStatus,
  committing,
  onCommit,
  onBack,
}: {
  preview: Preview;
  decisions: Record<string, Decision>;
  setDecision: (d: Decision) => void;
  status: Schemas['PlanStatus'];
  setStatus: (s: Schemas['PlanStatus']) => void;
  committing: boolean;
  onCommit: () => void;
  onBack: () => void;
}) {
  const units = useUnits();
  const groups = useGroups();
  const itemCount = preview.sections.reduce((n, s) => n + s.items.length, 0);
  const undecided = preview.needsDecision.filter((name) => {
    const d = decisions[name];
    return !d || (d.action === 'map' && !d.unitId && !d.groupId);
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {preview.existingPlanId && (
        <Alert
          type="info"
          showIcon
          title="已有同一文号的方案：导入将原地更新该方案，保留各单位的办理状态和进度。"
        />
      )}
      <Card size="small" title="方案信息">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="标题">{preview.plan.title ?? '（未识别）'}</Descriptions.Item>
          <Descriptions.Item label="文号">{preview.plan.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="印发单位">
            {preview.plan.issuers.join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="实施期">
            {preview.plan.periodStart ?? '—'} 至 {preview.plan.periodEnd ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="默认完成时限">
            {preview.plan.defaultDueOn ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="规模">
            {preview.sections.length} 章，{itemCount} 条，{preview.units.length} 个单位名称
          </Descriptions.Item>
        </Descriptions>
      </Card>
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
      <Card size="small" title="章与条目">
        <Collapse
          size="small"
          items={preview.sections.map((s) => ({
            key: String(s.number),
            label: `${s.numberText}、${s.title}（${s.items.length} 条）`,
            children: (
              <List
                size="small"
                dataSource={s.items}
                renderItem={(i) => (
                  <List.Item>
                    <div>
                      <Typography.Text strong>
                        （{i.numberText}）{i.title}
                      </Typography.Text>
                      <div>
                        {i.preamble ? (
                          <Tag>总体要求（不分工）</Tag>
                        ) : (
                          i.units.map((u) => (
                            <Tag
                              key={u.name + u.role}
                              color={u.role === 'lead' ? 'blue' : undefined}
                            >
                              {u.role === 'lead' ? '牵头 ' : ''}
                              {u.name}
                            </Tag>
                          ))
                        )}
                        {i.dueOn && <Tag color="purple">时限 {i.dueOn}</Tag>}
                        {i.deadlines
                          .filter((d) => d.kind !== 'date')
                          .map((d) => (
                            <Tag key={d.text} color="geekblue">
                              {d.text}
                            </Tag>
                          ))}
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            ),
          }))}
        />
      </Card>
      {preview.warnings.length > 0 && (
        <Card size="small" title={`提示（${preview.warnings.length}）`}>
          <List
            size="small"
            dataSource={preview.warnings}
            pagination={preview.warnings.length > 8 ? { pageSize: 8, size: 'small' } : false}
            renderItem={(w) => (
              <List.Item>
                第 {w.line} 行：{w.message}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small">
        <Space wrap>
          <span id="import-status">导入后的状态</span>
          <Radio.Group
            aria-labelledby="import-status"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            options={[
              { value: 'draft', label: '草稿（稍后开始实施）' },
              { value: 'active', label: '立即实施' },
            ]}
          />
          <Button onClick={onBack}>返回修改</Button>
          <Button
            type="primary"
            loading={committing}
            disabled={undecided.length > 0}
            onClick={onCommit}
          >
            确认导入
          </Button>
          {undecided.length > 0 && (
            <Typography.Text type="danger">
              还有 {undecided.length} 个名称未选择对应单位
            </Typography.Text>
          )}
        </Space>
      </Card>
    </Space>
  );
}
