import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { api, download, everyPage, unwrap, type Schemas } from '../api/client';
import { usePlanLights } from '../api/lights';
import { can, useMe } from '../api/me';
import { FREQUENCY, PLAN_STATUS } from '../components/labels';
import type { Level } from '../components/Light';
import { errorText, QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';
import {
  deleteItem,
  deleteSection,
  DeleteButton,
  useItemEditor,
  useSectionEditor,
} from './plan-editing';

const TAG_COLOR: Record<Level, string> = { red: 'red', yellow: 'gold', green: 'green' };
const LIGHT_WORD: Record<Level, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };

/** A unit's share as a tag coloured (and titled, for screen readers) by its light. */
export function ShareTag({ share, level }: { share: Schemas['ShareProgress']; level: Level }) {
  return (
    <Link to={`/assignments/${share.assignmentId}`}>
      <Tag
        color={TAG_COLOR[level]}
        title={`${share.unitName}：${LIGHT_WORD[level]}，进度 ${share.progressPercent}%，时限 ${share.dueOn}`}
        style={{ marginBottom: 4 }}
      >
        {share.unitName} {share.progressPercent}%
      </Tag>
    </Link>
  );
}

export default function PlanPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const plan = useQuery({
    queryKey: ['plan', id],
    queryFn: async () => unwrap(await api.GET('/api/plans/{id}', { params: { path: { id } } })),
  });
  const sections = useQuery({
    queryKey: ['plan', id, 'sections'],
    queryFn: async () =>
      everyPage(async (query) =>
        unwrap(await api.GET('/api/plans/{id}/sections', { params: { path: { id }, query } })),
      ),
  });
  const items = useQuery({
    queryKey: ['plan', id, 'items'],
    queryFn: async () =>
      everyPage(async (query) =>
        unwrap(await api.GET('/api/plans/{id}/items', { params: { path: { id }, query } })),
      ),
  });
  const progress = useQuery({
    queryKey: ['plan', id, 'progress'],
    queryFn: async () =>
      unwrap(await api.GET('/api/plans/{id}/progress', { params: { path: { id } } })),
  });
  const lights = usePlanLights(id, me.data?.role);
  const activate = useMutation({
    mutationFn: async (p: Schemas['PlanView']) =>
      unwrap(
        await api.PATCH('/api/plans/{id}', {
          params: { path: { id } },
          body: { status: 'active', reportFrequency: p.reportFrequency },
        }),
      ),
    onSuccess: () => {
      message.success('方案已开始实施');
      queryClient.invalidateQueries({ queryKey: ['plan', id] });
    },
    onError: (e) => message.error(errorText(e)),
  });

  const byItem = new Map((progress.data?.itemProgress ?? []).map((p) => [p.itemId, p]));
  const level = (assignmentId: string): Level => lights.data?.get(assignmentId) ?? 'green';
  const role = me.data?.role;
  const editing = !!role && can.editPlans(role);
  const sectionEditor = useSectionEditor(id);
  const itemEditor = useItemEditor(id, sections.data ?? []);

  return (
    <QueryState loading={plan.isLoading} error={plan.error}>
      {plan.data && (
        <section>
          <Typography.Title level={3}>{plan.data.title}</Typography.Title>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="文号">{plan.data.docNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="印发单位">
                {plan.data.issuers.join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <StatusTag value={plan.data.status} labels={PLAN_STATUS} />
              </Descriptions.Item>
              <Descriptions.Item label="实施期">
                {plan.data.periodStart ?? '—'} 至 {plan.data.periodEnd ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="默认完成时限">
                {plan.data.defaultDueOn ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="报送周期">
                {FREQUENCY[plan.data.reportFrequency]}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap>
              {role && can.editPlans(role) && plan.data.status === 'draft' && (
                <Button
                  type="primary"
                  loading={activate.isPending}
                  onClick={() => activate.mutate(plan.data!)}
                >
                  开始实施
                </Button>
              )}
              {role && can.readSupervision(role) && (
                <Button
                  onClick={() =>
                    download(
                      `/api/plans/${id}/breakdown.xlsx`,
                      `${plan.data!.title}-任务分解表.xlsx`,
                    ).catch((e) => message.error(errorText(e)))
                  }
                >
                  下载任务分解表（xlsx）
                </Button>
              )}
            </Space>
          </Card>
          {progress.data && (
            <Row gutter={12} style={{ marginBottom: 12 }}>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title="条目" value={progress.data.items} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title="已办结" value={progress.data.completed} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title="推进中" value={progress.data.inProgress} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <div>总体进度</div>
                  <Progress percent={progress.data.percent} />
                </Card>
              </Col>
            </Row>
          )}
          <QueryState
            loading={sections.isLoading || items.isLoading}
            error={sections.error ?? items.error}
            empty={!items.data?.length}
            emptyText="该方案还没有条目"
          >
            <Collapse
              defaultActiveKey={(sections.data ?? []).map((s) => s.id)}
              items={(sections.data ?? []).map((s) => {
                const rows = (items.data ?? []).filter((i) => i.sectionId === s.id);
                return {
                  key: s.id,
                  label: `${s.numberText}、${s.title}（${rows.length} 条）`,
                  extra: editing && (
                    // The buttons sit in the panel's header: a click must not fold the panel.
                    <Space onClick={(e) => e.stopPropagation()}>
                      <Button
                        size="small"
                        aria-label={`编辑第${s.numberText}章`}
                        onClick={() => sectionEditor.open(s)}
                      >
                        编辑
                      </Button>
                      <DeleteButton
                        what={`第${s.numberText}章`}
                        warning="章下的条目和责任分工将一并删除；已有工作记录的不能删除。"
                        remove={() => deleteSection(s.id)}
                        invalidate={['plan', id]}
                      />
                    </Space>
                  ),
                  children: (
                    <Table
                      size="small"
                      rowKey="id"
                      dataSource={rows}
                      pagination={false}
                      scroll={{ x: 900 }}
                      columns={[
                        {
                          title: '条目',
                          render: (_, i) => (
                            <Link to={`/items/${i.id}`}>
                              （{i.numberText}）{i.title}
                            </Link>
                          ),
                        },
                        {
                          title: '完成时限',
                          width: 170,
                          render: (_, i) =>
                            i.preamble ? (
                              <Typography.Text type="secondary">总体要求</Typography.Text>
                            ) : (
                              <span title={i.deadlineText ?? undefined}>
                                {i.dueOn ?? plan.data!.defaultDueOn ?? '—'}
                                {i.deadlineText && (
                                  <Typography.Text
                                    type="secondary"
                                    style={{ display: 'block', fontSize: 12 }}
                                  >
                                    {i.deadlineText}
                                  </Typography.Text>
                                )}
                              </span>
                            ),
                        },
                        {
                          title: '牵头单位',
                          width: 260,
                          render: (_, i) =>
                            byItem
                              .get(i.id)
                              ?.lead.map((sh) => (
                                <ShareTag
                                  key={sh.assignmentId}
                                  share={sh}
                                  level={level(sh.assignmentId)}
                                />
                              )),
                        },
                        {
                          title: '配合单位',
                          width: 300,
                          render: (_, i) =>
                            byItem
                              .get(i.id)
                              ?.co.map((sh) => (
                                <ShareTag
                                  key={sh.assignmentId}
                                  share={sh}
                                  level={level(sh.assignmentId)}
                                />
                              )),
                        },
                        ...(editing
                          ? [
                              {
                                title: '操作',
                                width: 130,
                                render: (_: unknown, i: Schemas['ItemView']) => (
                                  <Space>
                                    <Button
                                      size="small"
                                      aria-label={`编辑条目（${i.numberText}）`}
                                      onClick={() => itemEditor.open(i)}
                                    >
                                      编辑
                                    </Button>
                                    <DeleteButton
                                      what={`条目（${i.numberText}）`}
                                      warning="条目的责任分工将一并删除；已有工作记录的不能删除。"
                                      remove={() => deleteItem(i.id)}
                                      invalidate={['plan', id]}
                                    />
                                  </Space>
                                ),
                              },
                            ]
                          : []),
                      ]}
                    />
                  ),
                };
              })}
            />
          </QueryState>
          {sectionEditor.modal}
          {itemEditor.modal}
        </section>
      )}
    </QueryState>
  );
}
