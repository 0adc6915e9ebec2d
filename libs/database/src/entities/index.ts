import { AssessmentSettings } from './assessment-settings.entity';
import { Assignment } from './assignment.entity';
import { AuditLog } from './audit-log.entity';
import { Chase } from './chase.entity';
import { ExtensionRequest } from './extension-request.entity';
import { HolidayCalendarYear } from './holiday-calendar-year.entity';
import { Item } from './item.entity';
import { LoginThrottle } from './login-throttle.entity';
import { NoticeAnswer } from './notice-answer.entity';
import { NoticeAnswerFile } from './notice-answer-file.entity';
import { NoticeNumberCounter } from './notice-number-counter.entity';
import { OpenDueCount } from './open-due-count.entity';
import { Plan } from './plan.entity';
import { PlanImport } from './plan-import.entity';
import { EvidenceFile } from './evidence-file.entity';
import { ProgressReport } from './progress-report.entity';
import { RecurringTarget } from './recurring-target.entity';
import { ReminderDelivery } from './reminder-delivery.entity';
import { ReminderRun } from './reminder-run.entity';
import { Section } from './section.entity';
import { SystemState } from './system-state.entity';
import { SupervisionNotice } from './supervision-notice.entity';
import { Task } from './task.entity';
import { UnitGroup } from './unit-group.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';

export * from './enums';
export * from './labels';
export {
  AssessmentSettings,
  Assignment,
  AuditLog,
  Chase,
  ExtensionRequest,
  HolidayCalendarYear,
  Item,
  LoginThrottle,
  NoticeAnswer,
  NoticeAnswerFile,
  NoticeNumberCounter,
  OpenDueCount,
  Plan,
  PlanImport,
  ProgressReport,
  RecurringTarget,
  EvidenceFile,
  ReminderDelivery,
  ReminderRun,
  Section,
  SupervisionNotice,
  SystemState,
  Task,
  Unit,
  UnitGroup,
  User,
};
export type { ItemDeadline } from './item.entity';
export type { ReportFigure } from './progress-report.entity';
export type { AuditAction } from './audit-log.entity';
export type { StoredOfficialDay } from './holiday-calendar-year.entity';
export { INSTALLED_AT } from './system-state.entity';
export { AUDIT_ACTIONS } from './audit-log.entity';

export const ENTITIES = [
  Unit,
  UnitGroup,
  User,
  Plan,
  Section,
  Item,
  Task,
  Assignment,
  AuditLog,
  PlanImport,
  SupervisionNotice,
  ProgressReport,
  EvidenceFile,
  RecurringTarget,
  ReminderDelivery,
  ReminderRun,
  HolidayCalendarYear,
  SystemState,
  LoginThrottle,
  NoticeAnswer,
  NoticeAnswerFile,
  NoticeNumberCounter,
  OpenDueCount,
  AssessmentSettings,
  ExtensionRequest,
  Chase,
];
