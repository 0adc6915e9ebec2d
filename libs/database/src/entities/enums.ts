export enum UnitKind {
  LeadershipOffice = 'leadership_office',
  SupervisionOffice = 'supervision_office',
  Department = 'department',
  Town = 'town',
  Other = 'other',
}

export enum Role {
  Admin = 'admin',
  Leadership = 'leadership',
  Supervisor = 'supervisor',
  Unit = 'unit',
}

export enum PlanStatus {
  Draft = 'draft',
  Active = 'active',
  Archived = 'archived',
}

export enum AssignmentRole {
  Lead = 'lead',
  Co = 'co',
}

export enum AssignmentStatus {
  NotStarted = 'not_started',
  InProgress = 'in_progress',
  Submitted = 'submitted',
  Completed = 'completed',
  Returned = 'returned',
}

export enum NoticeStatus {
  Issued = 'issued',
  Answered = 'answered',
  Returned = 'returned',
  Closed = 'closed',
}

/** 督办单的等级: blue when the due date is near, yellow when behind, red when overdue (rising). */
export enum NoticeLevel {
  Blue = 'blue',
  Yellow = 'yellow',
  Red = 'red',
}

/** What the office did with a unit's answer to a notice. */
export enum NoticeAnswerOutcome {
  Returned = 'returned',
  Closed = 'closed',
}

/** How often progress is reported; a plan sets it, an item may override it. */
export enum ReportFrequency {
  Week = 'week',
  Month = 'month',
  Quarter = 'quarter',
  Half = 'half',
  Year = 'year',
}

export enum ReportStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Accepted = 'accepted',
  Returned = 'returned',
}

export enum DeliveryKind {
  Digest = 'digest',
  Alert = 'alert',
  /** The supervision office's one summary of a digest run's escalated units (督查室汇总). */
  Escalation = 'escalation',
  /** 催办 by hand: an office pushes a unit about specific work now. */
  Chase = 'chase',
  /** Events a unit must act on, mailed when they happen (period: the event's key). */
  ReportReturned = 'report_returned',
  NoticeIssued = 'notice_issued',
  NoticeReturned = 'notice_returned',
  ExtensionDecided = 'extension_decided',
}

/** 延期申请: asked by the unit, decided by the leadership office. */
export enum ExtensionStatus {
  Pending = 'pending',
  Approved = 'approved',
  Refused = 'refused',
}

export enum DeliveryStatus {
  Pending = 'pending',
  Sending = 'sending',
  Sent = 'sent',
  Failed = 'failed',
}
