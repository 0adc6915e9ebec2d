import { DataSource } from 'typeorm';
import { PlanStatus, UnitOfWork } from '@app/database';
import { commitPlanImport, ImportSummary } from '@app/plan-import';
import { readPlanText } from './plan-parse';

const SYSTEM = { userId: null, unitId: null };

export async function importPlanFile(
  db: DataSource,
  file: string,
  options: { createUnknownUnits: boolean; active: boolean },
): Promise<string> {
  const text = readPlanText(file);
  const summary = await new UnitOfWork(db).run(SYSTEM, (tx) =>
    commitPlanImport(tx, text, {
      createUnknownUnits: options.createUnknownUnits,
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
    ...(s.assignmentsNoLongerListed
      ? [`${s.assignmentsNoLongerListed} 条已有分工的单位不再出现在文本中（已保留）`]
      : []),
  ].join('\n');
}
