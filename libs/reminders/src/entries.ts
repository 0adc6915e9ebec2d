import type { OwedWork } from './rules';

/**
 * One line of a unit's digest: an item, with everything the unit owes on it. A unit may owe an
 * item twice over (overdue and its report missing, or a share of the item and of one of its
 * tasks); the digest names the item once, under its most urgent heading (overdue, then due
 * soon, then report missing), and says all that is owed on that one line.
 */
export interface DigestEntry {
  itemId: string;
  planTitle: string;
  itemNumberText: string;
  itemTitle: string;
  /** `lead` when the unit leads any of its shares of the item. */
  role: 'lead' | 'co';
  /** The earliest due date of the unit's open shares of the item. */
  dueOn: string;
  daysOverdue?: number;
  daysLeft?: number;
  /** Periods whose progress report is due and not filed, e.g. 2025年2月. */
  missingPeriods: string[];
}

export interface DigestEntries {
  overdue: DigestEntry[];
  dueSoon: DigestEntry[];
  reportsMissing: DigestEntry[];
}

type Share = Omit<DigestEntry, 'missingPeriods' | 'daysOverdue' | 'daysLeft'> & {
  assignmentId: string;
};

export function digestEntries(owed: OwedWork): DigestEntries {
  const byItem = new Map<string, DigestEntry & { heading: keyof DigestEntries }>();
  const take = (share: Share, heading: keyof DigestEntries) => {
    let entry = byItem.get(share.itemId);
    if (!entry) {
      entry = {
        itemId: share.itemId,
        planTitle: share.planTitle,
        itemNumberText: share.itemNumberText,
        itemTitle: share.itemTitle,
        role: share.role,
        dueOn: share.dueOn,
        missingPeriods: [],
        heading,
      };
      byItem.set(share.itemId, entry);
    }
    if (share.role === 'lead') entry.role = 'lead';
    if (share.dueOn < entry.dueOn) entry.dueOn = share.dueOn;
    return entry;
  };
  for (const a of owed.overdue) {
    const entry = take(a, 'overdue');
    entry.daysOverdue = Math.max(entry.daysOverdue ?? 0, a.daysOverdue);
  }
  for (const a of owed.dueSoon) {
    const entry = take(a, 'dueSoon');
    if (entry.heading === 'dueSoon')
      entry.daysLeft = Math.min(entry.daysLeft ?? a.daysLeft, a.daysLeft);
  }
  for (const a of owed.reportsMissing) {
    const entry = take(a, 'reportsMissing');
    if (!entry.missingPeriods.includes(a.periodLabel)) entry.missingPeriods.push(a.periodLabel);
  }
  const result: DigestEntries = { overdue: [], dueSoon: [], reportsMissing: [] };
  for (const { heading, ...entry } of byItem.values()) result[heading].push(entry);
  return result;
}

/** How many items a digest lists (each once). */
export const entryCount = (e: DigestEntries): number =>
  e.overdue.length + e.dueSoon.length + e.reportsMissing.length;
