import { ConflictException } from '@nestjs/common';
import { In } from 'typeorm';
import { Assignment, Item, RecurringTarget, Section, Task, Tx } from '@app/database';

/** A part of a plan that a DELETE takes away with everything under it. */
export type PlanPart =
  | { kind: 'plan'; id: string }
  | { kind: 'section'; id: string }
  | { kind: 'item'; id: string }
  | { kind: 'assignment'; id: string };

const SCOPE: Record<PlanPart['kind'], string> = {
  plan: 'a.plan_id = $1',
  section: 'a.item_id IN (SELECT i.id FROM items i WHERE i.section_id = $1)',
  item: 'a.item_id = $1',
  assignment: 'a.id = $1',
};

/**
 * Work a unit or an office has done on an assignment: a status or percent moved, a report
 * (a draft too), a supervision notice about it, an extension request or a chase. A plan's history is never deleted: a part
 * that holds any of this is refused (409), and a plan is archived instead.
 */
const HOLDS_WORK = `(a.status <> 'not_started' OR a.progress_percent > 0 OR a.completed_on IS NOT NULL
  OR EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = a.id)
  OR EXISTS (SELECT 1 FROM supervision_notice_assignments na WHERE na.assignment_id = a.id)
  OR EXISTS (SELECT 1 FROM extension_requests er WHERE er.assignment_id = a.id)
  OR EXISTS (SELECT 1 FROM chases c WHERE c.assignment_id = a.id))`;

const REFUSAL: Record<PlanPart['kind'], string> = {
  plan: '该方案已有工作记录，不能删除；方案不再执行时请归档（将 status 改为 archived），其历史会保留',
  section: '该章下已有工作记录，不能删除；可将其中的条目移到其他章，或将整个方案归档',
  item: '该条目已有工作记录，不能删除；可将整个方案归档',
  assignment: '该责任分工已有工作记录，不能删除',
};

/**
 * Refuses with 409 when `part` holds work; otherwise writes one audit row for every row the
 * database's ON DELETE CASCADE will take with it (assignments, recurring targets, tasks,
 * items, sections), so the trail names each. Call inside the transaction, before deleting
 * the part itself (whose own audit row the caller's `tx.remove` writes).
 *
 * The assignments are locked first: a report or notice that arrives meanwhile waits for this
 * transaction, then finds its assignment gone, instead of being deleted unseen.
 */
export async function auditRemovalOf(tx: Tx, part: PlanPart): Promise<void> {
  const scope = SCOPE[part.kind];
  await tx.read.query(`SELECT a.id FROM assignments a WHERE ${scope} FOR UPDATE`, [part.id]);
  const [{ count }]: Array<{ count: number }> = await tx.read.query(
    `SELECT count(*)::int AS count FROM assignments a WHERE ${scope} AND ${HOLDS_WORK}`,
    [part.id],
  );
  if (count > 0) {
    throw new ConflictException(
      `${REFUSAL[part.kind]}（${count} 项责任分工已有进展、报送、督办、延期申请或催办）`,
    );
  }
  if (part.kind === 'assignment') return;

  const itemIds =
    part.kind === 'item'
      ? [part.id]
      : (
          await tx.read.find(Item, {
            where: part.kind === 'plan' ? { planId: part.id } : { sectionId: part.id },
            select: { id: true },
          })
        ).map((item) => item.id);
  const rows: Array<[string, Array<{ id: string }>]> = [
    ['Assignment', await tx.read.find(Assignment, { where: { itemId: In(itemIds) } })],
    ['RecurringTarget', await tx.read.find(RecurringTarget, { where: { itemId: In(itemIds) } })],
    ['Task', await tx.read.find(Task, { where: { itemId: In(itemIds) } })],
  ];
  if (part.kind !== 'item') {
    rows.push(['Item', await tx.read.find(Item, { where: { id: In(itemIds) } })]);
  }
  if (part.kind === 'plan') {
    rows.push(['Section', await tx.read.find(Section, { where: { planId: part.id } })]);
  }
  for (const [entityType, entities] of rows) await tx.auditRemoved(entityType, entities);
}
