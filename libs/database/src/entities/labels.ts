import {
  AssignmentRole,
  AssignmentStatus,
  ExtensionStatus,
  NoticeLevel,
  NoticeStatus,
  ReportStatus,
} from './enums';

/*
 * The Chinese words people read for each status and role: errors, emails, exports and history
 * all take them from here, so a renamed status reads the same everywhere.
 */

export const ASSIGNMENT_STATUS_LABEL: Record<AssignmentStatus, string> = {
  [AssignmentStatus.NotStarted]: '未开始',
  [AssignmentStatus.InProgress]: '推进中',
  [AssignmentStatus.Submitted]: '已报完成',
  [AssignmentStatus.Completed]: '已办结',
  [AssignmentStatus.Returned]: '已退回',
};

export const ASSIGNMENT_ROLE_LABEL: Record<AssignmentRole, string> = {
  [AssignmentRole.Lead]: '牵头',
  [AssignmentRole.Co]: '配合',
};

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  [ReportStatus.Draft]: '草稿',
  [ReportStatus.Submitted]: '已报送',
  [ReportStatus.Accepted]: '审核通过',
  [ReportStatus.Returned]: '已退回',
};

export const NOTICE_STATUS_LABEL: Record<NoticeStatus, string> = {
  [NoticeStatus.Issued]: '待答复',
  [NoticeStatus.Answered]: '已答复',
  [NoticeStatus.Returned]: '已退回',
  [NoticeStatus.Closed]: '已办结',
};

export const NOTICE_LEVEL_LABEL: Record<NoticeLevel, string> = {
  [NoticeLevel.Blue]: '蓝色',
  [NoticeLevel.Yellow]: '黄色',
  [NoticeLevel.Red]: '红色',
};

export const EXTENSION_STATUS_LABEL: Record<ExtensionStatus, string> = {
  [ExtensionStatus.Pending]: '待审批',
  [ExtensionStatus.Approved]: '已同意',
  [ExtensionStatus.Refused]: '未同意',
};
