import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Form,
  Input,
  List,
  Radio,
  Result,
  Space,
  Steps,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, unwrap, uploadFile, type Schemas } from '../../api/client';
import { errorText } from '../../components/QueryState';
import { ColumnsCard, type ColumnKind } from './ColumnsCard';
import { gapAnswers, GapsCard, type GapValues } from './GapsCard';
import {
  startingDecisions,
  undecided,
  UnitDecisionsCard,
  type Decision,
  type Decisions,
  type Preview,
} from './UnitDecisions';

type ImportResult = Schemas['ImportResultView'];
/** What was read, kept so a column correction can read it again. */
type Source = { kind: 'text'; text: string } | { kind: 'file'; file: File };

/** The API's refusal as a list (a 422 names every name and gap the commit still lacks). */
function problems(error: unknown): string[] {
  return error instanceof ApiError ? error.problems : [errorText(error)];
}

export default function ImportPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source>();
  const [preview, setPreview] = useState<Preview>();
  const [decisions, setDecisions] = useState<Decisions>({});
  const [kinds, setKinds] = useState<Record<number, ColumnKind>>({});
  const [status, setStatus] = useState<Schemas['PlanStatus']>('draft');
  const [result, setResult] = useState<ImportResult>();
  const [uploading, setUploading] = useState<number | null>(null);
  const [gapForm] = Form.useForm<GapValues>();

  const showPreview = (p: Preview, from: Source) => {
    setSource(from);
    setPreview(p);
    setResult(undefined);
    setKinds({});
    // A correction reads the plan again: what the office decided for a name stays.
    setDecisions((earlier) => startingDecisions(p, earlier));
  };
  /** Reads the text or file, with the office's column corrections when there are any. */
  const read = useMutation({
    mutationFn: async ({ from, columnMapping }: { from: Source; columnMapping?: object[] }) => {
      // The API documents the field as the multipart form sends it: a JSON string.
      const mapping: Record<string, string> = columnMapping
        ? { columnMapping: JSON.stringify(columnMapping) }
        : {};
      const preview =
        from.kind === 'text'
          ? unwrap(
              await api.POST('/api/plans/import', {
                body: { text: from.text, ...mapping },
              }),
            )
          : await uploadFile<Preview>(
              '/api/plans/import',
              from.file,
              setUploading,
              mapping,
            ).finally(() => setUploading(null));
      return { preview, from };
    },
    onSuccess: ({ preview, from }) => showPreview(preview, from),
    onError: (e) => message.error(errorText(e)),
  });
  const reread = () => {
    if (!source || !preview?.columnMapping) return;
    const columnMapping = preview.columnMapping.map((c) => ({
      index: c.index,
      kind: kinds[c.index] ?? c.kind,
    }));
    read.mutate({ from: source, columnMapping });
  };
  const commitBody = (dryRun: boolean) => ({
    previewId: preview!.id,
    status,
    decisions: Object.values(decisions),
    ...gapAnswers(preview!, gapForm.getFieldsValue(true)),
    ...(dryRun ? { dryRun } : {}),
  });
  const check = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/plans/import/commit', { body: commitBody(true) })),
  });
  const commit = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/plans/import/commit', { body: commitBody(false) })),
    onSuccess: (r) => {
      setResult(r);
      queryClient.invalidateQueries({ queryKey: ['plans'] });
      queryClient.invalidateQueries({ queryKey: ['todo'] });
    },
  });
  const startOver = () => {
    setPreview(undefined);
    setResult(undefined);
    setSource(undefined);
    commit.reset();
    check.reset();
    gapForm.resetFields();
  };
  const step = result ? 2 : preview ? 1 : 0;

  return (
    <section>
      <Typography.Title level={3}>导入方案</Typography.Title>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: '粘贴或上传方案' },
          { title: '核对预览，填写缺少的内容' },
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
                      placeholder="把实施方案的全文粘贴到这里（从表格复制的、以制表符分列的文本也可以）"
                    />
                    <Button
                      type="primary"
                      disabled={!text.trim()}
                      loading={read.isPending}
                      onClick={() => read.mutate({ from: { kind: 'text', text } })}
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
                      支持 .txt（UTF-8 或 GB18030）、.docx（含表格）和 .xlsx（任务分解表），至多 10
                      MB。
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      .doc、.xls 和 WPS 的 .wps、.et 文件请先另存为 .docx 或 .xlsx；PDF 和 OFD
                      文件请复制正文，用“粘贴文本”导入。
                    </Typography.Text>
                    <Upload
                      accept=".txt,.docx,.xlsx"
                      showUploadList={false}
                      customRequest={({ file }) => {
                        setUploading(0);
                        read.mutate({ from: { kind: 'file', file: file as File } });
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
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <PlanSummary preview={preview} />
          {preview.columnMapping && (
            <ColumnsCard
              columns={preview.columnMapping}
              kinds={kinds}
              setKind={(index, kind) => setKinds((all) => ({ ...all, [index]: kind }))}
              rereading={read.isPending}
              onReread={reread}
            />
          )}
          <GapsCard preview={preview} form={gapForm} />
          <UnitDecisionsCard
            preview={preview}
            decisions={decisions}
            setDecision={(d: Decision) => setDecisions((all) => ({ ...all, [d.name]: d }))}
          />
          <SectionsCard preview={preview} />
          <WarningsCard preview={preview} />
          <CommitBar
            status={status}
            setStatus={setStatus}
            waiting={undecided(preview, decisions).length}
            check={check}
            commit={commit}
            onBack={startOver}
          />
        </Space>
      )}
      {step === 2 && result && (
        <Done
          result={result}
          onAgain={() => {
            startOver();
            setText('');
          }}
        />
      )}
    </section>
  );
}

function PlanSummary({ preview }: { preview: Preview }) {
  const itemCount = preview.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <>
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
    </>
  );
}

function SectionsCard({ preview }: { preview: Preview }) {
  return (
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
                          <Tag key={u.name + u.role} color={u.role === 'lead' ? 'blue' : undefined}>
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
  );
}

function WarningsCard({ preview }: { preview: Preview }) {
  if (!preview.warnings.length) return null;
  return (
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
  );
}

interface Mutation<T> {
  mutate: () => void;
  isPending: boolean;
  error: unknown;
  data?: T;
}

/**
 * Check (a dry run: what the commit would do, or what it still lacks) and commit. A refusal
 * lists the API's own words for each thing missing, beside the fields that supply it.
 */
function CommitBar({
  status,
  setStatus,
  waiting,
  check,
  commit,
  onBack,
}: {
  status: Schemas['PlanStatus'];
  setStatus: (s: Schemas['PlanStatus']) => void;
  waiting: number;
  check: Mutation<ImportResult>;
  commit: Mutation<ImportResult>;
  onBack: () => void;
}) {
  const dry = check.data;
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {dry && !check.isPending && (
          <Alert
            type={dry.pending.length ? 'warning' : 'success'}
            showIcon
            role="status"
            title={
              dry.pending.length
                ? '还不能导入：'
                : `可以导入：将新建 ${dry.items.created} 条、更新 ${dry.items.updated} 条，分工新建 ${dry.assignments.created} 项`
            }
            description={
              dry.pending.length ? (
                <ul style={{ margin: 0 }}>
                  {dry.pending.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {[check.error, commit.error].filter(Boolean).map((error, n) => (
          <Alert
            key={n}
            type="error"
            showIcon
            role="alert"
            title={
              error instanceof ApiError && error.status === 422 ? '还缺少以下内容：' : '未能导入'
            }
            description={
              <ul style={{ margin: 0 }}>
                {problems(error).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        ))}
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
          <Button loading={check.isPending} onClick={() => check.mutate()}>
            检查能否导入
          </Button>
          <Button
            type="primary"
            loading={commit.isPending}
            disabled={waiting > 0}
            onClick={() => commit.mutate()}
          >
            确认导入
          </Button>
          {waiting > 0 && (
            <Typography.Text type="danger">还有 {waiting} 个名称未选择对应单位</Typography.Text>
          )}
        </Space>
      </Space>
    </Card>
  );
}

function Done({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  return (
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
          {result.skippedNames.length > 0 && <span>跳过：{result.skippedNames.join('、')}</span>}
          {result.aliasesAdded.length > 0 && (
            <span>
              记为别名：
              {result.aliasesAdded
                .map((a) => `${a.name} → ${a.unitName ?? a.groupName ?? ''}`)
                .join('、')}
            </span>
          )}
          {result.kept.length > 0 && <span>保留的手工修改：{result.kept.length} 处</span>}
          {result.assignmentsNoLongerListed > 0 && (
            <span>文本中不再出现、已保留的分工：{result.assignmentsNoLongerListed}</span>
          )}
        </Space>
      }
      extra={[
        <Link key="plan" to={`/plans/${result.planId}`}>
          <Button type="primary">查看方案</Button>
        </Link>,
        <Button key="again" onClick={onAgain}>
          再导入一份
        </Button>,
      ]}
    />
  );
}
