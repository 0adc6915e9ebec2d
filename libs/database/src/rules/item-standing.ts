import { AssignmentRole, AssignmentStatus } from '../entities/enums';

/*
 * An item's status and percent, written once for every output that shows them: the item's and
 * the plan's progress, the 任务分解表, statistics, emails and the annual report.
 *
 * The rule (README, "Item status"): the lead units (牵头单位) decide. An item is 已办结 when every
 * lead share is completed (accepted by the leadership office), 推进中 once any lead share has
 * moved or reported progress, else 未开始. Co-units (配合单位) contribute to the lead's work and
 * are listed beside it; they neither hold an item open nor move it. An item with no lead share
 * is decided by all its shares; one with no shares at all is 未分工. The percent is the average
 * of the deciding shares' percent (a completed share counts 100).
 */

export type ItemStatus = 'unassigned' | 'not_started' | 'in_progress' | 'completed';

export const ITEM_STATUSES: readonly ItemStatus[] = [
  'unassigned',
  'not_started',
  'in_progress',
  'completed',
];

export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = {
  unassigned: '未分工',
  not_started: '未开始',
  in_progress: '推进中',
  completed: '已办结',
};

/** What the rule reads of one unit's share of the item. */
export interface ShareState {
  role: AssignmentRole | 'lead' | 'co';
  status: AssignmentStatus | string;
  progressPercent: number;
  completedOn: string | null;
  dueOn?: string | null;
}

export interface ItemStanding {
  status: ItemStatus;
  percent: number;
  /** The day the last deciding share was completed, when the item is completed. */
  completedOn: string | null;
  /** Completed, and some deciding share was completed after its due date. */
  completedLate: boolean;
  /** The shares that decide (the lead's, or all when the item has no lead). */
  deciding: number;
  /** Of those, how many are completed. */
  decidingCompleted: number;
}

/** Completed by `asOf` (today when not given): accepted, on or before that day. */
export function shareCompleted(share: ShareState, asOf?: string): boolean {
  if (share.status !== AssignmentStatus.Completed) return false;
  return asOf === undefined || (share.completedOn !== null && share.completedOn <= asOf);
}

export function itemStanding(shares: readonly ShareState[], asOf?: string): ItemStanding {
  const lead = shares.filter((s) => s.role === AssignmentRole.Lead);
  const deciding = lead.length ? lead : shares;
  if (!deciding.length) {
    return {
      status: 'unassigned',
      percent: 0,
      completedOn: null,
      completedLate: false,
      deciding: 0,
      decidingCompleted: 0,
    };
  }
  const done = deciding.filter((s) => shareCompleted(s, asOf));
  const completed = done.length === deciding.length;
  const started = deciding.some(
    (s) => s.status !== AssignmentStatus.NotStarted || s.progressPercent > 0,
  );
  const percent = completed
    ? 100
    : Math.round(
        deciding.reduce((n, s) => n + (shareCompleted(s, asOf) ? 100 : s.progressPercent), 0) /
          deciding.length,
      );
  return {
    status: completed ? 'completed' : started ? 'in_progress' : 'not_started',
    percent,
    completedOn: completed
      ? done
          .map((s) => s.completedOn ?? '')
          .sort()
          .at(-1) || null
      : null,
    completedLate:
      completed && done.some((s) => !!s.dueOn && !!s.completedOn && s.completedOn > s.dueOn),
    deciding: deciding.length,
    decidingCompleted: done.length,
  };
}
