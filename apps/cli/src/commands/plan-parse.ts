import { readFile } from 'node:fs/promises';
import { readPlanFile, renderPlanSource } from '@app/plan-import';
import { parsePlan, ParseResult } from '@app/plan-parser';

/**
 * A plan file as the parser reads it, by the API's own reader: .txt in UTF-8 or GB18030, .docx
 * and .xlsx (a task table rendered for the parser's table layout).
 */
export async function readPlanSourceText(file: string): Promise<string> {
  return renderPlanSource(await readPlanFile(await readFile(file), file)).text;
}

export async function parsePlanFile(file: string): Promise<ParseResult> {
  return parsePlan(await readPlanSourceText(file));
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
