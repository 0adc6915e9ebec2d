import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Input,
  Modal,
  Progress,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, download, everyPage, unwrap, type Schemas } from '../api/client';
import { usePlanLights } from '../api/lights';
import { can, useMe } from '../api/me';
import { ASSIGNMENT_ROLE, REPORT_STATUS, STATUS, STATUS_ACTION } from '../components/labels';
import { AcknowledgementTag, ChainActions } from '../components/ChainActions';
import { Light } from '../components/Light';
import { errorText, QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';
import { HistoryTimeline } from '../components/Timeline';
import { formatLocalDateTime } from '../time';

const STANDING: Record<Schemas['TargetStandingKind'], { text: string; color: string }> = {
  met: { text: '已达标', color: 'success' },
  behind: { text: '进度落后', color: 'warning' },
  not_due: { text: '未到期', color: 'default' },
};

export default function AssignmentPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const assignment = useQuery({
    queryKey: ['assignment', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/assignments/{id}', { params: { path: { id } } })),
  });
  const reports = useQuery({
    queryKey: ['assignment', id, 'reports'],
    queryFn: async () =>
      everyPage(async (query) =>
        unwrap(await api.GET('/api/assignments/{id}/reports', { params: { path: { id }, query } })),
      ),
  });
  const targets = useQuery({
    queryKey: ['assignment', id, 'targets'],
    queryFn: async () =>
      everyPage(async (query) =>
        unwrap(await api.GET('/api/assignments/{id}/targets', { params: { path: { id }, query } })),
      ),
  });
  const timeline = useQuery({
    queryKey: ['assignment', id, 'timeline'],
    queryFn: async () =>
      everyPage(async (query) =>
        unwrap(
          await api.GET('/api/assignments/{id}/timeline', { params: { path: { id }, query } }),
        ),
      ),
  });
  const lights = usePlanLights(assignment.data?.planId, me.data?.role);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ['assignment', id] });
    queryClient.invalidateQueries({ queryKey: ['todo'] });
    queryClient.invalidateQueries({ queryKey: ['lights'] });
  };
  const update = useMutation({
    mutationFn: async (body: Schemas['UpdateAssignmentDto']) =>
      unwrap(await api.PATCH('/api/assignments/{id}', { params: { path: { id } }, body })),
    onSuccess: () => {
      message.success('已保存');
      refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [dueOn, setDueOn] = useState<Dayjs | null>(null);
  const role = me.data?.role;
  const a = assignment.data;

  return (
    <QueryState loading={assignment.isLoading} error={assignment.error}>
      {a && role && (
        <section>
          <Typography.Text type="secondary">
            <Link to={`/plans/${a.planId}`}>所属方案</Link> ·{' '}
            <Link to={`/items/${a.itemId}`}>条目全文与全部分工</Link>
          </Typography.Text>
          <Typography.Title level={3} style={{ marginTop: 4 }}>
            （{a.itemNumberText}）{a.itemTitle}
          </Typography.Title>
          {a.returnReason && a.status !== 'completed' && (
            <Alert
              type="warning"
              showIcon
              title={`退回原因：${a.returnReason}`}
              style={{ marginBottom: 12 }}
            />
          )}
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="责任单位">
                {a.unitName}（{ASSIGNMENT_ROLE[a.role]}）
              </Descriptions.Item>
              <Descriptions.Item label="预警">
                <Light level={lights.data?.get(a.id) ?? 'green'} />
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <StatusTag value={a.status} labels={STATUS} />
              </Descriptions.Item>
              <Descriptions.Item label="完成时限">
                {a.dueOn}
                {a.originalDueOn ? `（已延期，原时限 ${a.originalDueOn}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="签收">
                <AcknowledgementTag
                  acknowledgedAt={a.acknowledgedAt}
                  acknowledgeBy={a.acknowledgeBy}
                  late={a.acknowledgementLate}
                />
              </Descriptions.Item>
              <Descriptions.Item label="办结日期">
                {a.completedOn
                  ? `${a.completedOn}${a.completedLate ? '（逾期办结）' : '（按期办结）'}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="进度">
                <Progress percent={a.progressPercent} size="small" style={{ width: 160 }} />
              </Descriptions.Item>
            </Descriptions>
            <Space wrap>
              {(a.allowedStatuses ?? []).map((to) => (
                <Button
                  key={to}
                  type={to === 'completed' || to === 'in_progress' ? 'primary' : 'default'}
                  danger={to === 'returned'}
                  loading={update.isPending}
                  onClick={() =>
                    to === 'returned'
                      ? setReturning(true)
                      : update.mutate({ version: a.version, status: to })
                  }
                >
                  {STATUS_ACTION[to]}
                </Button>
              ))}
              {can.fileReports(role) && (
                <Link to={`/assignments/${a.id}/reports/new`}>
                  <Button type="primary" ghost>
                    填报进展
                  </Button>
                </Link>
              )}
              {can.editPlans(role) && (
                <Space.Compact>
                  <DatePicker
                    aria-label="新的完成时限"
                    placeholder="新的完成时限"
                    value={dueOn}
                    onChange={setDueOn}
                  />
                  <Button
                    disabled={!dueOn}
                    onClick={() =>
                      dueOn &&
                      update.mutate({ version: a.version, dueOn: dueOn.format('YYYY-MM-DD') })
                    }
                  >
                    修改时限
                  </Button>
                </Space.Compact>
              )}
            </Space>
            <ChainActions assignment={a} role={role} onChange={refresh} />
          </Card>
          <Row gutter={12}>
            <Col xs={24} lg={16}>
              <Card size="small" title="进展报告" style={{ marginBottom: 12 }}>
                <QueryState
                  loading={reports.isLoading}
                  error={reports.error}
                  empty={!reports.data?.length}
                  emptyText="尚未报送进展"
                >
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {[...(reports.data ?? [])]
                      .sort((x, y) => y.periodStart.localeCompare(x.periodStart))
                      .map((r) => (
                        <ReportCard key={r.id} report={r} role={role} onChange={refresh} />
                      ))}
                  </Space>
                </QueryState>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="年度目标完成情况" style={{ marginBottom: 12 }}>
                <QueryState
                  loading={targets.isLoading}
                  error={targets.error}
                  empty={!targets.data?.length}
                  emptyText="该条目没有每年…次的目标"
                >
                  {(targets.data ?? []).map((t) => (
                    <div key={t.targetId} style={{ marginBottom: 8 }}>
                      <Typography.Text strong>{t.text}</Typography.Text>
                      <div>
                        {t.term ? '任期内' : `${t.year} 年`}：{t.achieved}/{t.required} {t.unit}{' '}
                        <StatusTag value={t.standing} labels={STANDING} />
                      </div>
                    </div>
                  ))}
                </QueryState>
              </Card>
              <Card size="small" title="办理记录">
                <QueryState loading={timeline.isLoading} error={timeline.error}>
                  <HistoryTimeline events={timeline.data ?? []} />
                </QueryState>
              </Card>
            </Col>
          </Row>
          <Modal
            title="退回已报完成的工作"
            open={returning}
            okText="退回"
            cancelText="取消"
            okButtonProps={{ danger: true, disabled: !reason.trim() }}
            onCancel={() => setReturning(false)}
            onOk={() => {
              update.mutate({ version: a.version, status: 'returned', reason: reason.trim() });
              setReturning(false);
              setReason('');
            }}
          >
            <label htmlFor="return-reason">退回原因</label>
            <Input.TextArea
              id="return-reason"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Modal>
        </section>
      )}
    </QueryState>
  );
}

function ReportCard({
  report: r,
  role,
  onChange,
}: {
  report: Schemas['ReportView'];
  role: Schemas['Role'];
  onChange: () => void;
}) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: async (verdict: 'accept' | 'return') =>
      unwrap(
        verdict === 'accept'
          ? await api.POST('/api/reports/{id}/accept', {
              params: { path: { id: r.id } },
              body: { version: r.version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
            })
          : await api.POST('/api/reports/{id}/return', {
              params: { path: { id: r.id } },
              body: { version: r.version, comment: comment.trim() },
            }),
      ),
    onSuccess: (_, verdict) => {
      message.success(verdict === 'accept' ? '已审核通过' : '已退回');
      setComment('');
      onChange();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space>
          {r.periodLabel}
          <StatusTag value={r.status} labels={REPORT_STATUS} />
          <span>完成 {r.percent}%</span>
        </Space>
      }
      extra={
        can.fileReports(role) &&
        (r.status === 'draft' || r.status === 'returned') && (
          <Link to={`/reports/${r.id}/edit`}>
            {r.status === 'returned' ? '修改后重新报送' : '继续填写'}
          </Link>
        )
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="工作开展情况">
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.workDone || '—'}</span>
        </Descriptions.Item>
        {r.figures.length > 0 && (
          <Descriptions.Item label="数据">
            {r.figures.map((f, i) => (
              <Tag key={i}>
                {f.name} {f.value}
                {f.unit}
                {f.targetId ? '（计入年度目标）' : ''}
              </Tag>
            ))}
          </Descriptions.Item>
        )}
        {r.problems && <Descriptions.Item label="存在问题">{r.problems}</Descriptions.Item>}
        {r.nextSteps && <Descriptions.Item label="下步计划">{r.nextSteps}</Descriptions.Item>}
        {r.files.length > 0 && (
          <Descriptions.Item label="佐证材料">
            <Space wrap>
              {r.files.map((f) => (
                <Button
                  key={f.id}
                  size="small"
                  onClick={() =>
                    download(`/api/files/${f.id}`, f.fileName).catch((e) =>
                      message.error(errorText(e)),
                    )
                  }
                >
                  {f.fileName}（{Math.ceil(f.size / 1024)} KB）
                </Button>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        {r.submittedAt && (
          <Descriptions.Item label="报送时间">
            {r.submittedAt ? formatLocalDateTime(r.submittedAt) : ''}
          </Descriptions.Item>
        )}
        {r.reviewComment && (
          <Descriptions.Item label="审核意见">{r.reviewComment}</Descriptions.Item>
        )}
      </Descriptions>
      {can.review(role) && r.status === 'submitted' && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            aria-label="审核意见"
            placeholder="审核意见（退回时必填）"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button type="primary" loading={review.isPending} onClick={() => review.mutate('accept')}>
            审核通过
          </Button>
          <Button
            danger
            disabled={!comment.trim()}
            loading={review.isPending}
            onClick={() => review.mutate('return')}
          >
            退回
          </Button>
        </Space.Compact>
      )}
      {!r.files.length && !r.figures.length && !r.workDone && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
