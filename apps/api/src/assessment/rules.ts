/*
 * 考评: a unit's score for a period, from rules the office sets. Each part is a small pure
 * function over the rows that concern one unit; the score is the sum of the parts' points,
 * rounded to hundredths part by part, so a score always equals the sum of the parts shown.
 * The rows come from SQL that reuses the supervision and reporting rules (assessment.queries).
 */

export interface AssessmentRules {
  /** 按期完成: share of the work due in the period that was completed by its due date. */
  onTimeCompletion: { weight: number };
  /** 逾期扣分: overdue work at the end of the period, per item and per day overdue. */
  overdue: { weight: number; perItem: number; perDay: number };
  /** 按时报送: share of the progress reports that fell due in the period and were filed in time. */
  reportsOnTime: { weight: number };
  /** 督办按期答复: share of the notices whose reply-by date fell in the period answered by then. */
  noticesOnTime: { weight: number };
  /** 按时签收: share of the work and notices signed for within the limit (needs 签收). */
  acknowledgedOnTime: { weight: number };
}

export type PartKey = keyof AssessmentRules;
export const PART_KEYS: PartKey[] = [
  'onTimeCompletion',
  'overdue',
  'reportsOnTime',
  'noticesOnTime',
  'acknowledgedOnTime',
];

export const PART_LABEL: Record<PartKey, string> = {
  onTimeCompletion: '按期完成',
  overdue: '逾期扣分',
  reportsOnTime: '按时报送',
  noticesOnTime: '督办按期答复',
  acknowledgedOnTime: '按时签收',
};

/** The defaults (also in the README): 100 points when every part is available. */
export const DEFAULT_RULES: AssessmentRules = {
  onTimeCompletion: { weight: 40 },
  overdue: { weight: 25, perItem: 1, perDay: 0.1 },
  reportsOnTime: { weight: 15 },
  noticesOnTime: { weight: 10 },
  acknowledgedOnTime: { weight: 10 },
};

/** Stored rules over the defaults, part by part: a part added later starts at its default. */
export function mergeRules(
  stored: Partial<Record<PartKey, object>> | null | undefined,
): AssessmentRules {
  const rules = structuredClone(DEFAULT_RULES) as unknown as Record<string, Record<string, number>>;
  for (const key of PART_KEYS) {
    const given = stored?.[key] as Record<string, unknown> | undefined;
    if (!given) continue;
    for (const [name, value] of Object.entries(given)) {
      if (name in rules[key] && typeof value === 'number') rules[key][name] = value;
    }
  }
  return rules as unknown as AssessmentRules;
}

/** Work due in the period: `completedOn` only if completed by the as-of date. */
export interface DueRow {
  assignmentId: string;
  dueOn: string;
  completedOn: string | null;
}
/** Work overdue on the as-of date. */
export interface OverdueWorkRow {
  assignmentId: string;
  daysOverdue: number;
}
/** A progress report that fell due on `checkDay`, and whether it had been filed by then. */
export interface ReportDueRow {
  assignmentId: string;
  checkDay: string;
  filed: boolean;
}
/** A notice whose reply-by date fell in the period, and the day it was first answered. */
export interface NoticeDueRow {
  noticeId: string;
  replyBy: string;
  firstAnsweredOn: string | null;
}

export interface UnitRows {
  due: DueRow[];
  overdue: OverdueWorkRow[];
  reports: ReportDueRow[];
  notices: NoticeDueRow[];
  /** Undefined while the data for 签收 does not exist in this installation. */
  acknowledgements?: AcknowledgementRow[];
}

export interface ScorePart {
  key: PartKey;
  label: string;
  weight: number;
  /** False when the data the part needs is not kept (it then counts nothing, not full marks). */
  available: boolean;
  /** What was counted, e.g. {due: 4, onTime: 3}. */
  counts: Record<string, number>;
  points: number;
  /** The part in one Chinese sentence. */
  explanation: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Points for a share: full marks when nothing was owed (nothing could be late). */
function sharePart(
  key: PartKey,
  weight: number,
  done: number,
  owed: number,
  what: string,
): ScorePart {
  const points = round2(owed ? (weight * done) / owed : weight);
  return {
    key,
    label: PART_LABEL[key],
    weight,
    available: true,
    counts: { owed, done },
    points,
    explanation: owed
      ? `${what}${owed}项，按时${done}项，得分 ${weight}×${done}/${owed}=${points}`
      : `本期无应${what.replace(/^应/, '')}，得满分 ${weight}`,
  };
}

export function onTimeCompletionPart(rows: DueRow[], rule: AssessmentRules['onTimeCompletion']) {
  const onTime = rows.filter((r) => r.completedOn !== null && r.completedOn <= r.dueOn).length;
  return sharePart('onTimeCompletion', rule.weight, onTime, rows.length, '应完成任务');
}

export function overduePart(rows: OverdueWorkRow[], rule: AssessmentRules['overdue']): ScorePart {
  const days = rows.reduce((n, r) => n + r.daysOverdue, 0);
  const deduction = rule.perItem * rows.length + rule.perDay * days;
  const points = round2(Math.max(0, rule.weight - deduction));
  return {
    key: 'overdue',
    label: PART_LABEL.overdue,
    weight: rule.weight,
    available: true,
    counts: { items: rows.length, days },
    points,
    explanation: rows.length
      ? `逾期${rows.length}项共${days}天，扣 ${rule.perItem}×${rows.length}+${rule.perDay}×${days}=${round2(deduction)} 分（最多扣 ${rule.weight} 分），得 ${points}`
      : `无逾期任务，得满分 ${rule.weight}`,
  };
}

export function reportsOnTimePart(rows: ReportDueRow[], rule: AssessmentRules['reportsOnTime']) {
  return sharePart(
    'reportsOnTime',
    rule.weight,
    rows.filter((r) => r.filed).length,
    rows.length,
    '应报送进展',
  );
}

export function noticesOnTimePart(rows: NoticeDueRow[], rule: AssessmentRules['noticesOnTime']) {
  const onTime = rows.filter((r) => r.firstAnsweredOn !== null && r.firstAnsweredOn <= r.replyBy);
  return sharePart('noticesOnTime', rule.weight, onTime.length, rows.length, '应答复督办单');
}

export function acknowledgedOnTimePart(
  rows: UnitRows['acknowledgements'],
  rule: AssessmentRules['acknowledgedOnTime'],
): ScorePart {
  if (!rows) {
    return {
      key: 'acknowledgedOnTime',
      label: PART_LABEL.acknowledgedOnTime,
      weight: rule.weight,
      available: false,
      counts: {},
      points: 0,
      explanation: '本系统尚未启用签收，此项不计分（满分相应减少）',
    };
  }
  return sharePart(
    'acknowledgedOnTime',
    rule.weight,
    rows.filter((r) => r.acknowledgedInTime).length,
    rows.length,
    '应签收',
  );
}

/** Work or a notice whose 签收 limit has passed: signed by then or not. */
export interface AcknowledgementRow {
  acknowledgedInTime: boolean;
}

export interface UnitScore {
  score: number;
  /** The sum of the weights of the parts that could be counted. */
  maxScore: number;
  parts: ScorePart[];
}

export function scoreUnit(rows: UnitRows, rules: AssessmentRules): UnitScore {
  const parts = [
    onTimeCompletionPart(rows.due, rules.onTimeCompletion),
    overduePart(rows.overdue, rules.overdue),
    reportsOnTimePart(rows.reports, rules.reportsOnTime),
    noticesOnTimePart(rows.notices, rules.noticesOnTime),
    acknowledgedOnTimePart(rows.acknowledgements, rules.acknowledgedOnTime),
  ];
  const available = parts.filter((p) => p.available);
  return {
    score: round2(available.reduce((n, p) => n + p.points, 0)),
    maxScore: round2(available.reduce((n, p) => n + p.weight, 0)),
    parts,
  };
}

/** Competition ranking (1, 2, 2, 4) by score, highest first. */
export function rankByScore<T extends { score: number }>(rows: T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return sorted.map((row, i) => ({
    ...row,
    rank: sorted.findIndex((r) => r.score === row.score) + 1 || i + 1,
  }));
}
