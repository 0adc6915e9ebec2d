import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Input, List, Modal, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { can } from '../api/me';
import { formatLocalDateTime } from '../time';
import { errorText } from './QueryState';

const EXTENSION: Record<Schemas['ExtensionStatus'], { text: string; color: string }> = {
  pending: { text: '待审批', color: 'processing' },
  approved: { text: '已同意', color: 'success' },
  refused: { text: '未同意', color: 'error' },
};

/**
 * 签收 as the assignment and notice pages show it: when (in Asia/Shanghai time), or until when.
 * Late is the API's word (its clock and rule), never this computer's date.
 */
export function AcknowledgementTag({
  acknowledgedAt,
  acknowledgeBy,
  late,
}: {
  acknowledgedAt?: string | null;
  acknowledgeBy?: string | null;
  late: boolean;
}) {
  if (acknowledgedAt)
    return <Tag color="success">已签收 {formatLocalDateTime(acknowledgedAt)}</Tag>;
  return (
    <Tag color={late ? 'error' : 'warning'}>
      未签收{acknowledgeBy ? `（签收期限 ${acknowledgeBy}${late ? '，已超期' : ''}）` : ''}
    </Tag>
  );
}

/**
 * The 督办 chain's actions on one assignment: 签收 and 申请延期 for its unit, 催办 for the
 * offices, and the extension requests with the leadership office's decision.
 */
export function ChainActions({
  assignment: a,
  role,
  onChange,
}: {
  assignment: Schemas['AssignmentView'];
  role: Schemas['Role'];
  onChange: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [requestedDueOn, setRequestedDueOn] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [chasing, setChasing] = useState(false);
  const [chaseText, setChaseText] = useState('');
  const requests = useQuery({
    queryKey: ['assignment', a.id, 'extensions'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/extension-requests', { params: { query: { assignmentId: a.id } } }),
      ),
  });
  const done = (text: string) => {
    message.success(text);
    queryClient.invalidateQueries({ queryKey: ['assignment', a.id] });
    onChange();
  };
  const acknowledge = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/assignments/{id}/acknowledge', { params: { path: { id: a.id } } }),
      ),
    onSuccess: () => done('已签收'),
    onError: (e) => message.error(errorText(e)),
  });
  const ask = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/assignments/{id}/extension-requests', {
          params: { path: { id: a.id } },
          body: { requestedDueOn: requestedDueOn!.format('YYYY-MM-DD'), reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      setAsking(false);
      setReason('');
      setRequestedDueOn(null);
      done('延期申请已提交，等待领导小组办公室审批');
    },
    onError: (e) => message.error(errorText(e)),
  });
  const chase = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/chases', {
          body: { assignmentIds: [a.id], message: chaseText.trim() },
        }),
      ),
    onSuccess: () => {
      setChasing(false);
      setChaseText('');
      done('已催办，邮件已发往责任单位');
    },
    onError: (e) => message.error(errorText(e)),
  });
  const pending = (requests.data?.items ?? []).some((r) => r.status === 'pending');
  const open = a.status !== 'completed';
  return (
    <>
      <Space wrap style={{ marginTop: 8 }}>
        {can.acknowledge(role) && !a.acknowledgedAt && (
          <Button
            type="primary"
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            签收
          </Button>
        )}
        {can.requestExtension(role) && open && !pending && (
          <Button onClick={() => setAsking(true)}>申请延期</Button>
        )}
        {can.chase(role) && open && <Button onClick={() => setChasing(true)}>催办</Button>}
      </Space>
      {(requests.data?.items.length ?? 0) > 0 && (
        <Card size="small" type="inner" title="延期申请" style={{ marginTop: 12 }}>
          <List
            size="small"
            dataSource={requests.data?.items ?? []}
            renderItem={(r) => (
              <ExtensionLine request={r} role={role} onDecided={() => done('已审批')} />
            )}
          />
        </Card>
      )}
      <Modal
        title="申请延期"
        open={asking}
        okText="提交申请"
        cancelText="取消"
        okButtonProps={{ disabled: !requestedDueOn || !reason.trim(), loading: ask.isPending }}
        onCancel={() => setAsking(false)}
        onOk={() => ask.mutate()}
      >
        <Typography.Paragraph>现完成时限：{a.dueOn}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <DatePicker
            aria-label="申请延至"
            placeholder="申请延至"
            value={requestedDueOn}
            onChange={setRequestedDueOn}
          />
          <Input.TextArea
            aria-label="延期理由"
            placeholder="延期理由"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Space>
      </Modal>
      <Modal
        title="催办"
        open={chasing}
        okText="立即催办"
        cancelText="取消"
        okButtonProps={{ disabled: !chaseText.trim(), loading: chase.isPending }}
        onCancel={() => setChasing(false)}
        onOk={() => chase.mutate()}
      >
        <Input.TextArea
          aria-label="催办内容"
          placeholder="催办内容（将立即邮件通知责任单位）"
          rows={3}
          value={chaseText}
          onChange={(e) => setChaseText(e.target.value)}
        />
      </Modal>
    </>
  );
}

function ExtensionLine({
  request: r,
  role,
  onDecided,
}: {
  request: Schemas['ExtensionRequestView'];
  role: Schemas['Role'];
  onDecided: () => void;
}) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: async (step: 'approve' | 'refuse') =>
      unwrap(
        step === 'approve'
          ? await api.POST('/api/extension-requests/{id}/approve', {
              params: { path: { id: r.id } },
              body: { version: r.version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
            })
          : await api.POST('/api/extension-requests/{id}/refuse', {
              params: { path: { id: r.id } },
              body: { version: r.version, comment: comment.trim() },
            }),
      ),
    onSuccess: onDecided,
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <List.Item>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={EXTENSION[r.status].color}>{EXTENSION[r.status].text}</Tag>
          <span>
            {r.currentDueOn} → {r.requestedDueOn}
          </span>
          <Typography.Text type="secondary">理由：{r.reason}</Typography.Text>
          {r.decisionComment && <span>审批意见：{r.decisionComment}</span>}
        </Space>
        {can.decideExtension(role) && r.status === 'pending' && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label="审批意见"
              placeholder="审批意见（不同意时必填）"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <Button
              type="primary"
              loading={decide.isPending}
              onClick={() => decide.mutate('approve')}
            >
              同意延期
            </Button>
            <Button
              danger
              disabled={!comment.trim()}
              loading={decide.isPending}
              onClick={() => decide.mutate('refuse')}
            >
              不同意
            </Button>
          </Space.Compact>
        )}
      </Space>
    </List.Item>
  );
}
