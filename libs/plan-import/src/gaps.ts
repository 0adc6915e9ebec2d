import type { ParseResult } from '@app/plan-parser';

/*
 * What the text does not say and the commit accepts from the office instead: the preview lists
 * each as a decision, so no import ends in a demand the office has no field for.
 */

export type GapField = 'title' | 'docNumber' | 'issuers' | 'period' | 'defaultDueOn' | 'itemDueOn';

export interface ImportGap {
  field: GapField;
  /** For `itemDueOn`: the item's number. */
  itemNumber?: number;
  /** True when the commit cannot go ahead without it. */
  required: boolean;
  message: string;
}

/** The plan's fields the office may give (or correct) at commit. */
export interface PlanOverrides {
  title?: string;
  docNumber?: string;
  issuers?: string[];
  issuedOn?: string;
  periodStart?: string;
  periodEnd?: string;
  defaultDueOn?: string;
}

/** What an existing plan already holds: a gap the plan has filled before is no gap. */
export interface KnownPlan {
  title: string;
  docNumber: string | null;
  issuers: string[];
  periodStart: string | null;
  periodEnd: string | null;
  defaultDueOn: string | null;
}

/** Items that will have assignments: not preamble, and naming at least one unit. */
export function itemsNeedingDueOn(result: ParseResult) {
  return result.sections
    .flatMap((s) => s.items)
    .filter((i) => !i.preamble && (i.units.length > 0 || i.tasks.some((t) => t.units.length > 0)));
}

/** The item's own date (not the plan's default the parser filled in). */
export const ownDueOn = (item: { dueOn?: string; dueOnSource?: 'item' | 'plan' }) =>
  item.dueOnSource === 'item' ? item.dueOn : undefined;

/**
 * Every gap of the document, given what the office has already decided and what the plan in
 * the database already holds.
 */
export function findGaps(
  result: ParseResult,
  given: PlanOverrides & { itemDueDates?: Array<{ number: number; dueOn: string }> } = {},
  plan?: KnownPlan | null,
): ImportGap[] {
  const meta = result.plan;
  const gaps: ImportGap[] = [];
  if (!given.title && !meta.title && !plan?.title) {
    gaps.push({ field: 'title', required: true, message: '未识别到方案标题：请填写标题' });
  }
  if (!given.docNumber && !meta.docNumber && !plan?.docNumber) {
    gaps.push({
      field: 'docNumber',
      required: false,
      message: '未识别到文号：可填写文号（再次导入同一文号的方案将原地更新）',
    });
  }
  if (!given.issuers?.length && !meta.issuers.length && !plan?.issuers.length) {
    gaps.push({ field: 'issuers', required: false, message: '未识别到印发单位：可填写印发单位' });
  }
  if (
    !(given.periodStart || meta.periodStart || plan?.periodStart) ||
    !(given.periodEnd || meta.periodEnd || plan?.periodEnd)
  ) {
    gaps.push({
      field: 'period',
      required: false,
      message: '未识别到实施期限：可填写起止日期（用于年度目标和报送周期）',
    });
  }
  const defaultDueOn =
    given.defaultDueOn ??
    meta.defaultDueOn ??
    plan?.defaultDueOn ??
    given.periodEnd ??
    plan?.periodEnd ??
    undefined;
  const decided = new Set((given.itemDueDates ?? []).map((d) => d.number));
  const missing = itemsNeedingDueOn(result).filter(
    (i) => !ownDueOn(i) && !decided.has(i.number) && !defaultDueOn,
  );
  if (!defaultDueOn) {
    gaps.push({
      field: 'defaultDueOn',
      required: missing.length > 0,
      message:
        missing.length > 0
          ? `未识别到方案的总体完成时限，${missing.length} 个条目没有自己的完成时限：请填写默认完成时限，或逐条填写`
          : '未识别到方案的总体完成时限：可填写默认完成时限',
    });
  }
  for (const item of missing) {
    gaps.push({
      field: 'itemDueOn',
      itemNumber: item.number,
      required: false,
      message: `条目(${item.numberText})“${item.title.slice(0, 30)}”没有完成时限：请填写，或填写方案默认完成时限`,
    });
  }
  return gaps;
}
