import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Input,
  List,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, download, unwrap, uploadFile, type Schemas } from '../api/client';
import { can, useMe } from '../api/me';
import { AcknowledgementTag } from '../components/ChainActions';
import { NOTICE_LEVEL, NOTICE_STATUS, STATUS } from '../components/labels';
import { errorText, QueryState } from '../components/QueryState';
import { StatusTag } from '../components/StatusTag';
import { formatLocalDateTime } from '../time';

export default function NoticePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
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
  const level = useMutation({
    mutationFn: async (to: Schemas['NoticeLevel'] | 'raise') => {
      const version = notice.data!.version;
      const path = { params: { path: { id } } };
      if (to === 'raise')
        return unwrap(
          await api.POST('/api/supervision/notices/{id}/raise', { ...path, body: { version } }),
        );
      return unwrap(
        await api.PATCH('/api/supervision/notices/{id}', { ...path, body: { version, level: to } }),
      );
    },
    onSuccess: (saved) => {
      message.success(`已改为${NOTICE_LEVEL[saved.level].text}`);
      queryClient.invalidateQueries({ queryKey: ['notice', id] });
      queryClient.invalidateQueries({ queryKey: ['notices'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notice', id] });
  const n = notice.data;
  const role = me.data?.role;
  const open = n && (n.status === 'issued' || n.status === 'returned');
  return (
    <QueryState loading={notice.isLoading} error={notice.error}>
      {n && role && (
        <section style={{ maxWidth: 900 }}>
          <Typography.Title level={3}>
            {n.number} · {n.unitName} <StatusTag value={n.level} labels={NOTICE_LEVEL} />
          </Typography.Title>
          <Space style={{ marginBottom: 12 }} wrap>
            <Button
              onClick={() =>
                download(
                  `/api/supervision/notices/${id}/document.docx`,
                  `${n.number}-${n.unitName}.docx`,
                ).catch((e) => message.error(errorText(e)))
              }
            >
              下载督办单（.docx）
            </Button>
            {can.issueNotices(role) && n.status !== 'closed' && (
              <>
                <Button
                  danger
                  disabled={n.level === 'red'}
                  loading={level.isPending}
                  onClick={() => level.mutate('raise')}
                >
                  升级督办
                </Button>
                <label htmlFor="notice-level">等级</label>
                <Select
                  id="notice-level"
                  style={{ width: 140 }}
                  value={n.level}
                  onChange={(v) => level.mutate(v)}
                  options={Object.entries(NOTICE_LEVEL).map(([value, l]) => ({
                    value,
                    label: l.text,
                  }))}
                />
                {n.suggestedLevel !== n.level && (
                  <Typography.Text type="secondary">
                    预警建议：{NOTICE_LEVEL[n.suggestedLevel].text}
                  </Typography.Text>
                )}
              </>
            )}
          </Space>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="下发单位">
                {n.officeName ?? '督查室'}（{n.issuedOn}）
              </Descriptions.Item>
              <Descriptions.Item label="督办事由">{n.reason}</Descriptions.Item>
              <Descriptions.Item label="签收">
                <Space>
                  <AcknowledgementTag
                    acknowledgedAt={n.acknowledgedAt}
                    acknowledgeBy={n.acknowledgeBy}
                    late={n.acknowledgementLate}
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
                {formatLocalDateTime(n.createdAt)}
              </Descriptions.Item>
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
          <Card size="small" title="答复记录" style={{ marginBottom: 12 }}>
            <List
              size="small"
              locale={{ emptyText: '尚未答复' }}
              dataSource={n.answers}
              renderItem={(a, i) => (
                <List.Item>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>第 {i + 1} 次答复</Typography.Text>
                      <span>{formatLocalDateTime(a.answeredAt)}</span>
                      {a.answeredBy && <span>{a.answeredBy}</span>}
                      {a.outcome === 'returned' && <Tag color="warning">被退回</Tag>}
                      {a.outcome === 'closed' && <Tag color="success">已办结</Tag>}
                    </Space>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{a.text}</div>
                    {a.reviewComment && (
                      <Typography.Text type="secondary">
                        督查室意见：{a.reviewComment}
                      </Typography.Text>
                    )}
                    {a.files.map((f) => (
                      <Space key={f.id}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() =>
                            download(`/api/supervision/notice-files/${f.id}`, f.fileName).catch(
                              (e) => message.error(errorText(e)),
                            )
                          }
                        >
                          {f.fileName}（{Math.ceil(f.size / 1024)} KB）
                        </Button>
                        {can.answerNotices(role) && n.status === 'answered' && !a.outcome && (
                          <Button
                            size="small"
                            danger
                            onClick={async () => {
                              try {
                                unwrap(
                                  await api.DELETE('/api/supervision/notice-files/{id}', {
                                    params: { path: { id: f.id } },
                                  }),
                                );
                                refresh();
                              } catch (e) {
                                message.error(errorText(e));
                              }
                            }}
                          >
                            删除
                          </Button>
                        )}
                      </Space>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
            {can.answerNotices(role) && n.status === 'answered' && (
              <Upload
                showUploadList={false}
                customRequest={({ file, onSuccess, onError }) => {
                  setProgress(0);
                  uploadFile<Schemas['NoticeAnswerFileView']>(
                    `/api/supervision/notices/${id}/files`,
                    file as File,
                    setProgress,
                  )
                    .then((r) => {
                      message.success(`已上传 ${r.fileName}`);
                      onSuccess?.(r);
                      refresh();
                    })
                    .catch((e: Error) => {
                      message.error(e.message);
                      onError?.(e);
                    })
                    .finally(() => setProgress(null));
                }}
              >
                <Button style={{ marginTop: 8 }}>为本次答复上传佐证材料</Button>
              </Upload>
            )}
            {progress !== null && (
              <Progress percent={Math.round(progress)} size="small" aria-label="上传进度" />
            )}
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
