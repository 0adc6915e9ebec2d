import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { can, useMe } from '../api/me';
import { AcknowledgementTag } from '../components/ChainActions';
import { NOTICE_STATUS, STATUS } from '../components/labels';
import { errorText, QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';

export default function NoticePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const notice = useQuery({
    queryKey: ['notice', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/supervision/notices/{id}', { params: { path: { id } } })),
  });
  const act = useMutation({
    mutationFn: async (action: 'acknowledge' | 'answer' | 'return' | 'close') => {
      const version = notice.data!.version;
      const path = { params: { path: { id } } };
      if (action === 'acknowledge')
        return unwrap(await api.POST('/api/supervision/notices/{id}/acknowledge', path));
      if (action === 'answer')
        return unwrap(
          await api.POST('/api/supervision/notices/{id}/answer', {
            ...path,
            body: { version, answer: text },
          }),
        );
      if (action === 'return')
        return unwrap(
          await api.POST('/api/supervision/notices/{id}/return', {
            ...path,
            body: { version, comment: text },
          }),
        );
      return unwrap(
        await api.POST('/api/supervision/notices/{id}/close', {
          ...path,
          body: { version, ...(text.trim() ? { comment: text } : {}) },
        }),
      );
    },
    onSuccess: (_, action) => {
      message.success(
        { acknowledge: '已签收', answer: '已答复', return: '已退回', close: '已办结' }[action],
      );
      setText('');
      queryClient.invalidateQueries({ queryKey: ['notice', id] });
      queryClient.invalidateQueries({ queryKey: ['notices'] });
      queryClient.invalidateQueries({ queryKey: ['todo'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const n = notice.data;
  const role = me.data?.role;
  const open = n && (n.status === 'issued' || n.status === 'returned');
  return (
    <QueryState loading={notice.isLoading} error={notice.error}>
      {n && role && (
        <section style={{ maxWidth: 900 }}>
          <Typography.Title level={3}>督办单 · {n.unitName}</Typography.Title>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="督办事由">{n.reason}</Descriptions.Item>
              <Descriptions.Item label="签收">
                <Space>
                  <AcknowledgementTag
                    acknowledgedAt={n.acknowledgedAt}
                    acknowledgeBy={n.acknowledgeBy}
                  />
                  {can.acknowledge(role) && !n.acknowledgedAt && (
                    <Button
                      type="primary"
                      size="small"
                      loading={act.isPending}
                      onClick={() => act.mutate('acknowledge')}
                    >
                      签收
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="答复期限">
                {n.replyBy} {n.overdue && <Tag color="red">已过答复期限</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <StatusTag value={n.status} labels={NOTICE_STATUS} />
              </Descriptions.Item>
              <Descriptions.Item label="发出时间">
                {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
              {n.answerText && (
                <Descriptions.Item label="单位答复">{n.answerText}</Descriptions.Item>
              )}
              {n.reviewComment && (
                <Descriptions.Item label="督查室意见">{n.reviewComment}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title="督办的任务" style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={n.assignments}
              renderItem={(a) => (
                <List.Item>
                  <Link to={`/assignments/${a.id}`}>
                    （{a.itemNumberText}）{a.itemTitle}
                  </Link>
                  <Space>
                    时限 {a.dueOn}
                    <StatusTag value={a.status as keyof typeof STATUS} labels={STATUS} />
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {can.answerNotices(role) && open && (
            <Card size="small" title="答复">
              <label htmlFor="notice-answer">答复内容</label>
              <Input.TextArea
                id="notice-answer"
                rows={4}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <Button
                type="primary"
                style={{ marginTop: 8 }}
                disabled={!text.trim()}
                loading={act.isPending}
                onClick={() => act.mutate('answer')}
              >
                提交答复
              </Button>
            </Card>
          )}
          {can.issueNotices(role) && n.status !== 'closed' && (
            <Card size="small" title="督查室处理">
              <label htmlFor="notice-comment">意见</label>
              <Input.TextArea
                id="notice-comment"
                rows={3}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <Space style={{ marginTop: 8 }}>
                {n.status === 'answered' && (
                  <Button
                    danger
                    disabled={!text.trim()}
                    loading={act.isPending}
                    onClick={() => act.mutate('return')}
                  >
                    退回重新答复
                  </Button>
                )}
                <Button type="primary" loading={act.isPending} onClick={() => act.mutate('close')}>
                  办结
                </Button>
              </Space>
            </Card>
          )}
        </section>
      )}
    </QueryState>
  );
}
