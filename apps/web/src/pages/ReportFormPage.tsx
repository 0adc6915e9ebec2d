import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, everyPage, unwrap, uploadFile, type Schemas } from '../api/client';
import { errorText, QueryState } from '../components/QueryState';
import { REPORT_STATUS } from '../components/labels';
import { StatusTag } from '../components/StatusTag';
import { useTodo } from './TodoPage';

interface Values {
  period?: Dayjs;
  workDone?: string;
  figures?: Schemas['FigureDto'][];
  problems?: string;
  nextSteps?: string;
  percent?: number;
}

/**
 * The progress report form, for a new report (/assignments/:id/reports/new) or a draft or
 * returned one (/reports/:reportId/edit). Evidence goes up once the draft exists.
 */
export default function ReportFormPage() {
  const { id: newFor, reportId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const report = useQuery({
    queryKey: ['report', reportId],
    enabled: !!reportId,
    queryFn: async () =>
      unwrap(await api.GET('/api/reports/{id}', { params: { path: { id: reportId! } } })),
  });
  const assignmentId = newFor ?? report.data?.assignmentId;
  const assignment = useQuery({
    queryKey: ['assignment', assignmentId],
    enabled: !!assignmentId,
    queryFn: async () =>
      unwrap(await api.GET('/api/assignments/{id}', { params: { path: { id: assignmentId! } } })),
  });
  const targets = useQuery({
    queryKey: ['assignment', assignmentId, 'targets'],
    enabled: !!assignmentId,
    queryFn: async () =>
      everyPage(async (query) =>
        unwrap(
          await api.GET('/api/assignments/{id}/targets', {
            params: { path: { id: assignmentId! }, query },
          }),
        ),
      ),
  });
  // The period just ended by the server's calendar (its today, not this computer's).
  const todo = useTodo();
  useEffect(() => {
    if (!reportId && !params.get('periodDate') && todo.data && !form.isFieldTouched('period')) {
      form.setFieldValue('period', dayjs(todo.data.today).subtract(1, 'month'));
    }
  }, [todo.data, reportId, params, form]);
  useEffect(() => {
    if (report.data) {
      form.setFieldsValue({
        workDone: report.data.workDone,
        figures: report.data.figures,
        problems: report.data.problems,
        nextSteps: report.data.nextSteps,
        percent: report.data.percent,
      });
    }
  }, [report.data, form]);

  const invalidate = () => {
    queryClient.invalidateQueries({ queryKey: ['report', reportId] });
    queryClient.invalidateQueries({ queryKey: ['assignment', assignmentId] });
    queryClient.invalidateQueries({ queryKey: ['todo'] });
  };

  const content = (v: Values) => ({
    workDone: v.workDone ?? '',
    figures: (v.figures ?? [])
      .filter((f) => f && f.name)
      .map((f) => ({
        name: f.name,
        value: Number(f.value),
        unit: f.unit ?? '',
        ...(f.targetId ? { targetId: f.targetId } : {}),
      })),
    problems: v.problems ?? '',
    nextSteps: v.nextSteps ?? '',
    percent: v.percent ?? 0,
  });

  const save = useMutation({
    mutationFn: async ({ v, submit }: { v: Values; submit: boolean }) => {
      let saved: Schemas['ReportView'];
      if (reportId && report.data) {
        saved = unwrap(
          await api.PATCH('/api/reports/{id}', {
            params: { path: { id: reportId } },
            body: { version: report.data.version, ...content(v) },
          }),
        );
      } else {
        saved = unwrap(
          await api.POST('/api/assignments/{id}/reports', {
            params: { path: { id: newFor! } },
            body: { periodDate: (v.period ?? dayjs()).format('YYYY-MM-DD'), ...content(v) },
          }),
        );
      }
      if (submit) {
        saved = unwrap(
          await api.POST('/api/reports/{id}/submit', {
            params: { path: { id: saved.id } },
            body: { version: saved.version },
          }),
        );
      }
      return { saved, submit };
    },
    onSuccess: ({ saved, submit }) => {
      invalidate();
      if (submit) {
        message.success('已报送，等待领导小组办公室审核');
        navigate(`/assignments/${saved.assignmentId}`);
      } else {
        message.success('草稿已保存，可上传佐证材料');
        if (!reportId) navigate(`/reports/${saved.id}/edit`, { replace: true });
      }
    },
    onError: (e) => message.error(errorText(e)),
  });

  const editable =
    !reportId || report.data?.status === 'draft' || report.data?.status === 'returned';
  const initialPeriod = params.get('periodDate');

  return (
    <QueryState
      loading={(!!reportId && report.isLoading) || assignment.isLoading}
      error={report.error ?? assignment.error}
    >
      <section style={{ maxWidth: 860 }}>
        <Typography.Text type="secondary">
          {assignment.data && (
            <Link to={`/assignments/${assignment.data.id}`}>
              （{assignment.data.itemNumberText}）{assignment.data.itemTitle}
            </Link>
          )}
        </Typography.Text>
        <Typography.Title level={3} style={{ marginTop: 4 }}>
          {reportId ? '进展报告' : '填报进展'}
          {report.data && (
            <span style={{ marginLeft: 12, fontSize: 16 }}>
              {report.data.periodLabel}{' '}
              <StatusTag value={report.data.status} labels={REPORT_STATUS} />
            </span>
          )}
        </Typography.Title>
        {report.data?.status === 'returned' && report.data.reviewComment && (
          <Alert
            type="warning"
            showIcon
            title={`退回意见：${report.data.reviewComment}`}
            style={{ marginBottom: 12 }}
          />
        )}
        {!editable && (
          <Alert
            type="info"
            showIcon
            title="该报告已报送，不能再修改"
            style={{ marginBottom: 12 }}
          />
        )}
        <Card size="small">
          <Form
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={{
              period: initialPeriod ? dayjs(initialPeriod) : undefined,
              percent: assignment.data?.progressPercent ?? 0,
              figures: [],
            }}
            onFinish={(v) => save.mutate({ v, submit: false })}
          >
            {!reportId && (
              <Form.Item
                label="报送周期"
                name="period"
                rules={[{ required: true, message: '请选择报送周期' }]}
                extra="选择周期内的任意一天（按月报送时选月份）"
              >
                <DatePicker picker="month" format="YYYY年M月" />
              </Form.Item>
            )}
            <Form.Item
              label="工作开展情况"
              name="workDone"
              rules={[{ required: true, message: '请填写工作开展情况' }]}
            >
              <Input.TextArea rows={5} maxLength={20000} />
            </Form.Item>
            <Form.Item label="数据">
              <Form.List name="figures">
                {(fields, { add, remove }) => (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {fields.map((field, index) => (
                      <Space key={field.key} wrap align="baseline">
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[{ required: true, message: '请填写名称' }]}
                          noStyle
                        >
                          <Input
                            placeholder="名称，如 集体学法"
                            aria-label={`第${index + 1}项数据的名称`}
                            style={{ width: 180 }}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'value']}
                          rules={[{ required: true, message: '请填写数值' }]}
                          noStyle
                        >
                          <InputNumber
                            placeholder="数值"
                            aria-label={`第${index + 1}项数据的数值`}
                            min={0}
                            style={{ width: 110 }}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'unit']} noStyle>
                          <Input
                            placeholder="单位，如 次"
                            aria-label={`第${index + 1}项数据的单位`}
                            style={{ width: 90 }}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'targetId']} noStyle>
                          <Select
                            allowClear
                            placeholder="计入年度目标（可选）"
                            aria-label={`第${index + 1}项数据计入的年度目标`}
                            style={{ width: 240 }}
                            options={(targets.data ?? []).map((t) => ({
                              value: t.targetId,
                              label: t.text,
                            }))}
                          />
                        </Form.Item>
                        <Button
                          onClick={() => remove(field.name)}
                          aria-label={`删除第${index + 1}项数据`}
                        >
                          删除
                        </Button>
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({ unit: '次' })}>
                      添加一项数据
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item label="存在问题" name="problems">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item label="下步计划" name="nextSteps">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              label="完成百分比"
              name="percent"
              rules={[{ required: true, message: '请填写完成百分比' }]}
            >
              <InputNumber min={0} max={100} addonAfter="%" />
            </Form.Item>
            {reportId && report.data ? (
              <Evidence report={report.data} editable={editable} onChange={invalidate} />
            ) : (
              <Typography.Paragraph type="secondary">
                保存草稿后可上传佐证材料。
              </Typography.Paragraph>
            )}
            {editable && (
              <Space wrap style={{ marginTop: 12 }}>
                <Button htmlType="submit" loading={save.isPending && !save.variables?.submit}>
                  保存草稿
                </Button>
                <Button
                  type="primary"
                  loading={save.isPending && save.variables?.submit}
                  onClick={() =>
                    form.validateFields().then((v) => save.mutate({ v, submit: true }))
                  }
                >
                  提交报送
                </Button>
              </Space>
            )}
          </Form>
        </Card>
      </section>
    </QueryState>
  );
}

function Evidence({
  report,
  editable,
  onChange,
}: {
  report: Schemas['ReportView'];
  editable: boolean;
  onChange: () => void;
}) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const remove = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/files/{id}', { params: { path: { id } } })),
    onSuccess: onChange,
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Form.Item label="佐证材料">
      <List
        size="small"
        dataSource={report.files}
        locale={{ emptyText: '尚未上传' }}
        renderItem={(f) => (
          <List.Item
            actions={
              editable
                ? [
                    <Button
                      key="rm"
                      size="small"
                      onClick={() => remove.mutate(f.id)}
                      aria-label={`删除 ${f.fileName}`}
                    >
                      删除
                    </Button>,
                  ]
                : []
            }
          >
            {f.fileName}（{Math.ceil(f.size / 1024)} KB）
          </List.Item>
        )}
      />
      {editable && (
        <Upload
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            setProgress(0);
            uploadFile(`/api/reports/${report.id}/files`, file as File, setProgress)
              .then((r) => {
                message.success(`已上传 ${r.fileName}`);
                onSuccess?.(r);
                onChange();
              })
              .catch((e: Error) => {
                message.error(e.message);
                onError?.(e);
              })
              .finally(() => setProgress(null));
          }}
        >
          <Button style={{ marginTop: 8 }}>上传文件</Button>
        </Upload>
      )}
      {progress !== null && (
        <Progress percent={Math.round(progress)} size="small" aria-label="上传进度" />
      )}
    </Form.Item>
  );
}
