import { readFileSync } from 'node:fs';
import { parsePlan, ParseResult } from '@app/plan-parser';

/** Reads a plan's text file as UTF-8, without the byte-order mark some editors write. */
export function readPlanText(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

export function parsePlanFile(file: string): ParseResult {
  return parsePlan(readPlanText(file));
}

/** A few lines a person can check at a glance; `--json` prints the full result instead. */
export function summarise(result: ParseResult): string {
  const items = result.sections.flatMap((section) => section.items);
  const lines = [
    `标题：${result.plan.title ?? '（未识别）'}`,
    `文号：${result.plan.docNumber ?? '（未识别）'}`,
    `印发：${result.plan.issuers.join('、') || '（未识别）'} ${result.plan.issuedOn ?? ''}`,
    `实施期：${result.plan.periodStart ?? '?'} 至 ${result.plan.periodEnd ?? '?'}，默认完成时限 ${result.plan.defaultDueOn ?? '（无）'}`,
    `${result.sections.length} 章，${items.length} 个条目（其中总体要求 ${items.filter((i) => i.preamble).length} 个）`,
    ...items.map(
      (item) =>
        `  (${item.numberText}) ${item.title}  时限 ${item.dueOn ?? '—'}  ${item.units.map((u) => u.name).join('、')}`,
    ),
    `${result.warnings.length} 条提示`,
    ...result.warnings.map((w) => `  第 ${w.line} 行：${w.message}`),
  ];
  return lines.join('\n');
}
