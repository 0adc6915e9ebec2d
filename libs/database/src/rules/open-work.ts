import { AssignmentStatus, PlanStatus } from '../entities/enums';

/*
 * "Open work", written once: an assignment of a plan being carried out (active) that is not
 * completed. Completed means accepted by the leadership office (status completed, with the day in
 * completed_on); every other status (not started, in progress, submitted, returned) is still
 * owed. The SQL reads completed_on, which the partial index assignments_open_due serves.
 */

export const OPEN_STATUSES: readonly AssignmentStatus[] = [
  AssignmentStatus.NotStarted,
  AssignmentStatus.InProgress,
  AssignmentStatus.Submitted,
  AssignmentStatus.Returned,
];

/** The plan statuses whose assignments are owed (a draft is not issued, an archive is closed). */
export const WORKING_PLAN_STATUSES: readonly PlanStatus[] = [PlanStatus.Active];

export const isOpenWork = (a: { status: AssignmentStatus | string }): boolean =>
  (OPEN_STATUSES as readonly string[]).includes(a.status);

/** The plan (alias p) is being carried out. */
export const planWorkingSql = (p = 'p'): string =>
  `${p}.status IN (${WORKING_PLAN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The assignment (alias a) is open on day `d` (a SQL date; today when omitted): not completed
 * by then. Only the assignment's own state: combine with planWorkingSql for "owed".
 */
export const openOnSql = (d?: string, a = 'a'): string =>
  d === undefined
    ? `${a}.completed_on IS NULL`
    : `(${a}.completed_on IS NULL OR ${a}.completed_on > ${d})`;

/** Open work: the assignment is open on day d and its plan is being carried out. */
export const openWorkSql = (d?: string, a = 'a', p = 'p'): string =>
  `(${openOnSql(d, a)} AND ${planWorkingSql(p)})`;
