import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Col, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { NOTICE_STATUS, STATUS } from '../components/labels';
import { Light } from '../components/Light';
import { QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';
import { formatLocalDateTime } from '../time';

export function useTodo() {
  return useQuery({
    queryKey: ['todo'],
    queryFn: async () => unwrap(await api.GET('/api/me/todo')),
  });
}

export default function TodoPage() {
  const todo = useTodo();
  return (
    <section aria-labelledby="todo-title">
      <Typography.Title level={3} id="todo-title">
        我的待办
        {todo.data && (
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
            {dayjs(todo.data.today).format('YYYY年M月D日 dddd')}
          </Typography.Text>
        )}
      </Typography.Title>
      <QueryState loading={todo.isLoading} error={todo.error}>
        {todo.data?.unit && <UnitTodo todo={todo.data.unit} />}
        {todo.data?.leadership && <LeadershipTodo todo={todo.data.leadership} />}
        {todo.data?.supervision && <SupervisionTodo todo={todo.data.supervision} />}
        {todo.data?.admin && <AdminTodo todo={todo.data.admin} />}
      </QueryState>
    </section>
  );
}

function NoticeList({ notices }: { notices: Schemas['NoticeView'][] }) {
  return (
    <List
      dataSource={notices}
      locale={{ emptyText: '没有待处理的督办单' }}
      renderItem={(n) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Link to={`/notices/${n.id}`}>
                {n.unitName}：{n.reason}
              </Link>
            }
            description={
              <Space wrap>
                <StatusTag value={n.status} labels={NOTICE_STATUS} />
                <span>答复期限 {n.replyBy}</span>
                {n.overdue && <Tag color="red">已过答复期限</Tag>}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

function UnitTodo({ todo }: { todo: Schemas['UnitTodo'] }) {
  const counts = {
    red: todo.assignments.filter((a) => a.level === 'red').length,
    yellow: todo.assignments.filter((a) => a.level === 'yellow').length,
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="逾期（红灯）" value={counts.red} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="临期落后（黄灯）"
              value={counts.yellow}
              valueStyle={{ color: '#d48806' }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="应报未报" value={todo.reportsDue.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="待答复督办单" value={todo.notices.length} />
          </Card>
        </Col>
      </Row>
      {todo.unacknowledged.length > 0 && (
        <Card title={`待签收（${todo.unacknowledged.length}）`} size="small">
          <List
            dataSource={todo.unacknowledged}
            renderItem={(u) => (
              <List.Item
                actions={[
                  <Link
                    key="open"
                    to={u.kind === 'notice' ? `/notices/${u.id}` : `/assignments/${u.id}`}
                  >
                    去签收
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag>{u.kind === 'notice' ? '督办单' : '任务'}</Tag>
                      {u.title}
                    </Space>
                  }
                  description={
                    <Space wrap>
                      {u.acknowledgeBy && <span>签收期限 {u.acknowledgeBy}</span>}
                      {u.late && <Tag color="red">已超过签收期限</Tag>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {todo.notices.length > 0 && (
        <Card title="督办单待答复" size="small">
          <NoticeList notices={todo.notices} />
        </Card>
      )}
      {todo.returnedReports.length > 0 && (
        <Card title="被退回待修改的进展报告" size="small">
          <List
            dataSource={todo.returnedReports}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Link key="fix" to={`/reports/${r.reportId}/edit`}>
                    修改后重新报送
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={`（${r.itemNumberText}）${r.itemTitle} · ${r.periodLabel}`}
                  description={`退回意见：${r.reviewComment ?? '无'}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {todo.reportsDue.length > 0 && (
        <Card title="本期应报未报的进展" size="small">
          <List
            dataSource={todo.reportsDue}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Link
                    key="file"
                    to={`/assignments/${r.assignmentId}/reports/new?periodDate=${r.periodStart}`}
                  >
                    填报
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={`（${r.itemNumberText}）${r.itemTitle}`}
                  description={`${r.periodLabel} · ${r.planTitle}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card title={`本单位的任务（${todo.assignments.length}）`} size="small">
        <List
          dataSource={todo.assignments}
          locale={{ emptyText: '暂无分配给本单位的任务' }}
          pagination={todo.assignments.length > 20 ? { pageSize: 20, size: 'small' } : false}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Light level={a.level} />
                    <Link to={`/assignments/${a.assignmentId}`}>
                      （{a.itemNumberText}）{a.itemTitle}
                    </Link>
                  </Space>
                }
                description={
                  <Space wrap size={[8, 4]}>
                    <StatusTag value={a.status} labels={STATUS} />
                    <span>{a.role === 'lead' ? '牵头' : '配合'}</span>
                    <span>
                      完成时限 {a.dueOn}
                      {a.status !== 'completed' &&
                        (a.daysLeft < 0 ? `（逾期 ${-a.daysLeft} 天）` : `（剩 ${a.daysLeft} 天）`)}
                    </span>
                    <span>进度 {a.progressPercent}%</span>
                    {a.reportMissing && <Tag color="orange">应报未报</Tag>}
                    <Typography.Text type="secondary">{a.planTitle}</Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

function LeadershipTodo({ todo }: { todo: Schemas['LeadershipTodo'] }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            待审核 <Badge count={todo.reviewTotal} showZero overflowCount={999} />
          </Space>
        }
        size="small"
      >
        <Table
          size="small"
          rowKey={(r) => `${r.kind}-${r.reportId ?? r.extensionRequestId ?? r.assignmentId}`}
          dataSource={todo.reviewInbox}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          locale={{ emptyText: '没有等待审核的报告、报完成的工作或延期申请' }}
          columns={[
            {
              title: '类型',
              dataIndex: 'kind',
              width: 110,
              render: (k: string) =>
                k === 'report' ? (
                  <Tag color="blue">进展报告</Tag>
                ) : k === 'extension' ? (
                  <Tag color="orange">延期申请</Tag>
                ) : (
                  <Tag color="purple">报完成</Tag>
                ),
            },
            { title: '责任单位', dataIndex: 'unitName', width: 180 },
            {
              title: '条目',
              render: (_, r) => (
                <Link to={`/assignments/${r.assignmentId}`}>
                  （{r.itemNumberText}）{r.itemTitle}
                </Link>
              ),
            },
            {
              title: '周期 / 延期',
              width: 190,
              render: (_, r) => r.periodLabel ?? r.extension ?? '—',
            },
            {
              title: '报送时间',
              dataIndex: 'since',
              width: 150,
              render: (s: string) => formatLocalDateTime(s),
            },
          ]}
        />
      </Card>
      <Card title="草稿状态的方案" size="small">
        <List
          dataSource={todo.draftPlans}
          locale={{ emptyText: '没有草稿方案' }}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/plans/${p.id}`}>{p.title}</Link>
              <Typography.Text type="secondary">{p.docNumber}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

function SupervisionTodo({ todo }: { todo: Schemas['SupervisionTodo'] }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to="/supervision?tab=warnings&level=red">
              <Statistic
                title="红灯（逾期）"
                value={todo.redTotal}
                valueStyle={{ color: '#cf1322' }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to="/supervision?tab=warnings&level=yellow">
              <Statistic title="黄灯" value={todo.yellowTotal} valueStyle={{ color: '#d48806' }} />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="逾期单位数" value={todo.overdueByUnit.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="督办单待处理" value={todo.notices.length} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card title="各单位逾期数" size="small">
            <Table
              size="small"
              rowKey="unitId"
              dataSource={todo.overdueByUnit}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                {
                  title: '单位',
                  dataIndex: 'unitName',
                  render: (name: string, r) => (
                    <Link to={`/supervision?tab=overdue&unitId=${r.unitId}`}>{name}</Link>
                  ),
                },
                { title: '逾期', dataIndex: 'overdue', width: 80, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="最紧迫的红灯、黄灯" size="small">
            <List
              dataSource={todo.warnings}
              locale={{ emptyText: '没有红灯或黄灯' }}
              renderItem={(w) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Light level={w.level} />
                        <Link to={`/assignments/${w.assignmentId}`}>
                          {w.unitName} ·（{w.itemNumberText}）{w.itemTitle}
                        </Link>
                      </Space>
                    }
                    description={w.reason}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card title="督办单：待答复、已过期限、待审" size="small">
        <NoticeList notices={todo.notices} />
      </Card>
    </Space>
  );
}

function AdminTodo({ todo }: { todo: Schemas['AdminTodo'] }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {todo.calendarWarning && (
        <Alert type="warning" showIcon message="节假日安排" description={todo.calendarWarning} />
      )}
      <Row gutter={[12, 12]}>
        {[
          { title: '单位', value: todo.units, to: '/admin/units' },
          { title: '单位组', value: todo.groups, to: '/admin/groups' },
          { title: '用户', value: todo.users, to: '/admin/users' },
        ].map((c) => (
          <Col xs={24} md={8} key={c.to}>
            <Card>
              <Link to={c.to}>
                <Statistic title={c.title} value={c.value} />
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
