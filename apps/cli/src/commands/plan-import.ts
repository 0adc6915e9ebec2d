import { DataSource } from 'typeorm';
import { PlanStatus, UnitOfWork } from '@app/database';
import { basename } from 'node:path';
import { importPlanText, ImportSummary } from '@app/plan-import';
import { readPlanSourceText } from './plan-parse';

const SYSTEM = { userId: null, unitId: null };

export async function importPlanFile(
  db: DataSource,
  file: string,
  options: { createUnknownUnits: boolean; active: boolean },
): Promise<string> {
  const text = await readPlanSourceText(file);
  // An operator's batch import: fuzzy matches and large groups are taken as proposed (and listed).
  const summary = await new UnitOfWork(db).run(SYSTEM, (tx) =>
    importPlanText(tx, text, basename(file), {
      createUnknownUnits: options.createUnknownUnits,
      confirmMatches: true,
      status: options.active ? PlanStatus.Active : PlanStatus.Draft,
    }),
  );
  return describe(summary);
}

const OUTCOME = { created: '新建', updated: '更新', unchanged: '未变' } as const;

export function describe(s: ImportSummary): string {
  const line = (label: string, c: ImportSummary['items']) =>
    `${label}：新建 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}`;
  return [
    `方案 ${s.planId}（${OUTCOME[s.planOutcome]}）`,
    line('章', s.sections),
    line('条目', s.items),
    line('任务', s.tasks),
    line('责任分工', s.assignments),
    ...(s.createdUnits.length ? [`新建单位：${s.createdUnits.join('、')}`] : []),
    ...(s.skippedNames.length ? [`跳过：${s.skippedNames.join('、')}`] : []),
    ...(s.kept.length ? [`${s.kept.length} 处手工设置的内容已保留`] : []),
    ...(s.assignmentsNoLongerListed
      ? [`${s.assignmentsNoLongerListed} 条已有分工的单位不再出现在文本中（已保留）`]
      : []),
  ].join('\n');
}
