import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../api/client';
import { useEditorModal } from '../components/EditorModal';
import { FREQUENCY } from '../components/labels';
import { errorText } from '../components/QueryState';

type Section = Schemas['SectionView'];
type Item = Schemas['ItemView'];

interface SectionValues {
  number: number;
  numberText: string;
  title: string;
}

interface ItemValues {
  sectionId: string;
  number: number;
  numberText: string;
  title: string;
  body?: string;
  preamble: boolean;
  deadlineText?: string;
  dueOn?: Dayjs | null;
  reportFrequency?: Schemas['ReportFrequency'] | null;
}

/** The leadership office edits a plan's chapters (章) in place. */
export function useSectionEditor(planId: string) {
  return useEditorModal<Section, SectionValues>({
    noun: '章',
    invalidate: [['plan', planId]],
    initial: (s) => ({
      number: s?.number ?? 1,
      numberText: s?.numberText ?? '',
      title: s?.title ?? '',
    }),
    save: async (v, s) =>
      unwrap(await api.PATCH('/api/sections/{id}', { params: { path: { id: s!.id } }, body: v })),
    fields: () => (
      <>
        <Space>
          <Form.Item label="序号" name="number" rules={[{ required: true, message: '请填写序号' }]}>
            <InputNumber min={1} max={999} aria-label="章序号" />
          </Form.Item>
          <Form.Item
            label="序号原文"
            name="numberText"
            rules={[{ required: true, message: '请填写序号原文' }]}
          >
            <Input aria-label="章序号原文" placeholder="如 二" style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item label="章标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
          <Input />
        </Form.Item>
      </>
    ),
  });
}

/** The leadership office edits an item (条目): its chapter, number, text and deadline. */
export function useItemEditor(planId: string, sections: Section[]) {
  return useEditorModal<Item, ItemValues>({
    noun: '条目',
    invalidate: [['plan', planId], ['item']],
    initial: (i) => ({
      sectionId: i?.sectionId ?? sections[0]?.id ?? '',
      number: i?.number ?? 1,
      numberText: i?.numberText ?? '',
      title: i?.title ?? '',
      body: i?.body ?? '',
      preamble: i?.preamble ?? false,
      deadlineText: i?.deadlineText ?? '',
      dueOn: i?.dueOn ? dayjs(i.dueOn) : null,
      reportFrequency: i?.reportFrequency ?? null,
    }),
    save: async (v, i) =>
      unwrap(
        await api.PATCH('/api/items/{id}', {
          params: { path: { id: i!.id } },
          body: {
            sectionId: v.sectionId,
            number: v.number,
            numberText: v.numberText,
            title: v.title,
            body: v.body ?? '',
            preamble: v.preamble,
            ...(v.deadlineText ? { deadlineText: v.deadlineText } : {}),
            ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
            ...(v.reportFrequency ? { reportFrequency: v.reportFrequency } : {}),
          },
        }),
      ),
    fields: () => (
      <>
        <Form.Item label="所属章" name="sectionId" rules={[{ required: true }]}>
          <Select
            aria-label="所属章"
            options={sections.map((s) => ({ value: s.id, label: `${s.numberText}、${s.title}` }))}
          />
        </Form.Item>
        <Space>
          <Form.Item label="序号" name="number" rules={[{ required: true, message: '请填写序号' }]}>
            <InputNumber min={1} max={9999} aria-label="条目序号" />
          </Form.Item>
          <Form.Item
            label="序号原文"
            name="numberText"
            rules={[{ required: true, message: '请填写序号原文' }]}
          >
            <Input aria-label="条目序号原文" placeholder="如 四" style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item
          label="条目标题"
          name="title"
          rules={[{ required: true, message: '请填写标题' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="条目内容" name="body">
          <Input.TextArea rows={5} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="完成时限" name="dueOn">
            <DatePicker aria-label="条目完成时限" placeholder="不填取方案默认时限" />
          </Form.Item>
          <Form.Item label="时限原文" name="deadlineText">
            <Input placeholder="如 2025年6月底前" />
          </Form.Item>
          <Form.Item label="报送周期" name="reportFrequency">
            <Select
              allowClear
              aria-label="报送周期"
              style={{ width: 120 }}
              placeholder="按方案"
              options={Object.entries(FREQUENCY).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label="总体要求（不分工）" name="preamble" valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
  });
}

/**
 * 删除 with a confirmation. The API refuses (409) a part that holds work, in Chinese (“该条目已有
 * 工作记录，不能删除；可将整个方案归档…”): that message is shown as it is.
 */
export function DeleteButton({
  what,
  warning,
  remove,
  invalidate,
}: {
  /** e.g. 条目（七）. */
  what: string;
  warning: string;
  remove: () => Promise<unknown>;
  invalidate: string[];
}) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const confirm = () =>
    modal.confirm({
      title: `删除${what}？`,
      content: warning,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove();
          message.success(`已删除${what}`);
          await queryClient.invalidateQueries({ queryKey: invalidate });
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  return (
    <Button size="small" danger onClick={confirm} aria-label={`删除${what}`}>
      删除
    </Button>
  );
}

export async function deleteSection(id: string) {
  return unwrap(await api.DELETE('/api/sections/{id}', { params: { path: { id } } }));
}

export async function deleteItem(id: string) {
  return unwrap(await api.DELETE('/api/items/{id}', { params: { path: { id } } }));
}
