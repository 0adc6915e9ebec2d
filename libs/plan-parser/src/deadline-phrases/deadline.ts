export type DeadlineKind = 'date' | 'recurring' | 'relative';

/** 'term' is 任期内: once per office holder's term. */
export type RecurrencePeriod = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'term';

/** A time limit (完成时限) found in the prose of a plan item. */
export interface Deadline {
  /** The phrase exactly as written in the input, full-width digits and all. */
  text: string;
  /** Offset of `text` in the input (UTF-16 units, as String#slice counts). */
  index: number;
  kind: DeadlineKind;
  /** kind 'date': the last day that still meets the deadline. Absent when no year is known. */
  dueOn?: string;
  /** kind 'recurring': how many per period (1 when the text gives no number, as in 每季度). */
  count?: number;
  per?: RecurrencePeriod;
  /** kind 'recurring': 次, 期, 学时, 个 ... when the text names one. */
  unit?: string;
  /** kind 'relative': 10 in 10个工作日内. */
  workingDays?: number;
  /** kind 'relative': 30 in 30日内 / 30天内 (calendar days). */
  days?: number;
  /** kind 'relative': 3 in 3个月内 (calendar months). */
  months?: number;
}

export interface DeadlineContext {
  /** First year of the plan's period, e.g. 2022 for (2022—2025年). */
  periodStartYear?: number;
  /** Last year of the plan's period: a period over several years lets 三季度末前 roll over. */
  periodEndYear?: number;
  /** The plan's issue date (YYYY-MM-DD). */
  issuedOn?: string;
  /** The year the text itself points to, for a document without issue date or period. */
  documentYear?: number;
}
