import { daysBetween } from '@app/calendar';

export interface OwedAssignment {
  assignmentId: string;
  planTitle: string;
  itemId: string;
  itemNumberText: string;
  itemTitle: string;
  role: 'lead' | 'co';
  dueOn: string;
}

export interface MissingReport extends OwedAssignment {
  periodLabel: string;
}

export interface AwaitedNotice {
  noticeId: string;
  reason: string;
  replyBy: string;
}

/** What one unit owes on a date: the digest's content, before any wording. */
export interface OwedWork {
  overdue: Array<OwedAssignment & { daysOverdue: number }>;
  dueSoon: Array<OwedAssignment & { daysLeft: number }>;
  reportsMissing: MissingReport[];
  noticesAwaiting: AwaitedNotice[];
  /** Work not acknowledged (未签收) past its 签收 limit. */
  acknowledgementsLate?: Array<OwedAssignment & { acknowledgeBy: string }>;
}

export const owesAnything = (owed: OwedWork): boolean =>
  owed.overdue.length +
    owed.dueSoon.length +
    owed.reportsMissing.length +
    owed.noticesAwaiting.length +
    (owed.acknowledgementsLate?.length ?? 0) >
  0;

/** Overdue for more than N days: the digest then copies the supervision office. */
export const needsEscalation = (owed: OwedWork, escalateAfterDays: number): boolean =>
  owed.overdue.some((a) => a.daysOverdue > escalateAfterDays);

export type AlertReason = { kind: 'before'; days: number } | { kind: 'passed' };

/**
 * Deadline alerts: on the days `offsets` before the due date (30, 7, 1 by default), and on the
 * day after it passed. Everything else gets no alert (the weekly digest covers it).
 */
export function alertReason(
  dueOn: string,
  date: string,
  offsets: number[],
): AlertReason | undefined {
  const left = daysBetween(date, dueOn);
  if (left === -1) return { kind: 'passed' };
  return offsets.includes(left) ? { kind: 'before', days: left } : undefined;
}
