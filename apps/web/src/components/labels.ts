import type { Schemas } from '../api/client';

export const STATUS: Record<Schemas['AssignmentStatus'], { text: string; color: string }> = {
  not_started: { text: '未开始', color: 'default' },
  in_progress: { text: '推进中', color: 'processing' },
  submitted: { text: '已报完成', color: 'purple' },
  completed: { text: '已办结', color: 'success' },
  returned: { text: '已退回', color: 'warning' },
};

/** What the button that moves work to this status says. */
export const STATUS_ACTION: Record<Schemas['AssignmentStatus'], string> = {
  not_started: '退回未开始',
  in_progress: '开始办理',
  submitted: '报告已完成',
  completed: '审核通过（办结）',
  returned: '退回',
};

export const REPORT_STATUS: Record<Schemas['ReportStatus'], { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  submitted: { text: '已报送待审核', color: 'processing' },
  accepted: { text: '审核通过', color: 'success' },
  returned: { text: '已退回', color: 'warning' },
};

export const NOTICE_STATUS: Record<Schemas['NoticeStatus'], { text: string; color: string }> = {
  issued: { text: '待答复', color: 'processing' },
  answered: { text: '已答复待审', color: 'purple' },
  returned: { text: '答复被退回', color: 'warning' },
  closed: { text: '已办结', color: 'success' },
};

export const ROLE_NAME: Record<Schemas['Role'], string> = {
  admin: '系统管理员',
  leadership: '领导小组办公室',
  supervisor: '督查室',
  unit: '责任单位',
};

export const ASSIGNMENT_ROLE: Record<Schemas['AssignmentRole'], string> = {
  lead: '牵头',
  co: '配合',
};

export const PLAN_STATUS: Record<Schemas['PlanStatus'], { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  active: { text: '实施中', color: 'processing' },
  archived: { text: '已归档', color: 'default' },
};

export const UNIT_KIND: Record<Schemas['UnitKind'], string> = {
  leadership_office: '领导小组办公室',
  supervision_office: '督查室',
  department: '部门',
  town: '镇（街道）',
  other: '其他',
};

export const FREQUENCY: Record<Schemas['ReportFrequency'], string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  half: '每半年',
  year: '每年',
};

export const NOTICE_LEVEL: Record<Schemas['NoticeLevel'], { text: string; color: string }> = {
  blue: { text: '蓝色督办', color: 'blue' },
  yellow: { text: '黄色督办', color: 'gold' },
  red: { text: '红色督办', color: 'red' },
};

/** The lists' 签收 filter (AcknowledgementFilter). */
export const ACKNOWLEDGEMENT_OPTIONS: Array<{
  value: Schemas['AcknowledgementFilter'];
  label: string;
}> = [
  { value: 'unacknowledged', label: '未签收' },
  { value: 'late', label: '超过签收期限' },
  { value: 'acknowledged', label: '已签收' },
];

export const DELIVERY_KIND: Record<Schemas['DeliveryKind'], string> = {
  digest: '周报',
  alert: '到期提醒',
  escalation: '督查室汇总',
  chase: '催办',
  report_returned: '报送被退回',
  notice_issued: '督办单下发',
  notice_returned: '督办答复被退回',
  extension_decided: '延期审批结果',
};
