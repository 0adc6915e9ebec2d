import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from './QueryState';

interface EditorOptions<T, V> {
  /** What is edited, for the titles: 新建单位 / 编辑单位. */
  noun: string;
  /** The form's values for a new record (null) or an existing one. */
  initial: (record: T | null) => V;
  /** Creates (record null) or updates; the API's refusal is shown as it says it. */
  save: (values: V, record: T | null) => Promise<unknown>;
  /** The form's fields; they may differ for a new record (e.g. an initial password). */
  fields: (record: T | null) => ReactNode;
  /** Lists to read again after a save. */
  invalidate: QueryKey[];
}

/**
 * One create-or-edit dialog for every record the console edits in a form (units, groups,
 * users, a plan's sections and items): the same titles, buttons, loading state, success
 * message and error message everywhere. `open(null)` creates, `open(record)` edits.
 */
export function useEditorModal<T, V extends object>(options: EditorOptions<T, V>) {
  const [editing, setEditing] = useState<{ record: T | null } | null>(null);
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: V) => options.save(values, editing?.record ?? null),
    onSuccess: () => {
      message.success('已保存');
      setEditing(null);
      for (const queryKey of options.invalidate) queryClient.invalidateQueries({ queryKey });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const open = (record: T | null) => setEditing({ record });
  const record = editing?.record ?? null;
  // Mounted only while open, its values fresh from the record each time: a page with a row of
  // buttons per record holds no hidden forms.
  const modal = editing && (
    <Modal
      title={`${record ? '编辑' : '新建'}${options.noun}`}
      open
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={() => setEditing(null)}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={options.initial(record)}
        onFinish={(v) => save.mutate(v)}
      >
        {options.fields(record)}
      </Form>
    </Modal>
  );
  return { open, modal };
}
