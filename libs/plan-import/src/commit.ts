import { In } from 'typeorm';
import {
  Assignment,
  AssignmentRole,
  Item,
  ItemDeadline,
  Plan,
  PlanStatus,
  RecurringTarget,
  Section,
  Task,
  Tx,
  Unit,
  UnitGroup,
} from '@app/database';
import { parsePlan, ParseResult, UnitRef } from '@app/plan-parser';
import { guessUnitKind, ImportDecisionError, UnitDecision } from './decisions';
import { loadDirectory } from './directory';
import { needsDecision, resolveUnits, UnitResolution } from './resolution';
import { SyncOutcome, syncRow } from './sync';

export interface CommitOptions {
  decisions?: UnitDecision[];
  /** For the CLI: create every unknown unit instead of asking (groups are never invented). */
  createUnknownUnits?: boolean;
  /** Status of a plan the import creates; an existing plan keeps its own. */
  status?: PlanStatus;
  /** For a document whose title the parser could not read. */
  title?: string;
}

type Counts = Record<SyncOutcome, number>;
const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

export interface ImportSummary {
  planId: string;
  planOutcome: SyncOutcome;
  sections: Counts;
  items: Counts;
  tasks: Counts;
  assignments: Counts;
  createdUnits: string[];
  skippedNames: string[];
  /** Assignments a previous import made whose unit the text no longer names; kept, not deleted. */
  assignmentsNoLongerListed: number;
}

// jsonb drops undefined fields; compare and store what the database will give back.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Writes a parsed plan into the database inside the caller's transaction: the plan (matched by
 * its doc number, so a re-import updates in place), its sections, items, tasks and one
 * assignment per unit, groups expanded to their active members. Existing assignments keep their
 * status and history; only what the text changed is written.
 */
export async function commitPlanImport(
  tx: Tx,
  text: string,
  options: CommitOptions = {},
): Promise<ImportSummary> {
  const result = parsePlan(text, { directory: await loadDirectory(tx.read) });
  const { unitsOf, createdUnits, skippedNames } = await resolveTargets(
    tx,
    resolveUnits(result),
    options,
  );
  const title = options.title?.trim() || result.plan.title;
  if (!title) throw new ImportDecisionError(['未识别到方案标题，请填写标题（title）']);

  const existingPlan = result.plan.docNumber
    ? await tx.read.findOne(Plan, {
        where: { docNumber: result.plan.docNumber },
        lock: { mode: 'pessimistic_write' },
      })
    : null;
  const plan = await syncRow(tx, Plan, existingPlan ?? undefined, {
    title,
    docNumber: result.plan.docNumber ?? null,
    issuers: result.plan.issuers,
    issuedOn: result.plan.issuedOn ?? null,
    periodStart: result.plan.periodStart ?? null,
    periodEnd: result.plan.periodEnd ?? null,
    defaultDueOn: result.plan.defaultDueOn ?? null,
    ...(existingPlan ? {} : { status: options.status ?? PlanStatus.Draft }),
  });
  const summary: ImportSummary = {
    planId: plan.row.id,
    planOutcome: plan.outcome,
    sections: counts(),
    items: counts(),
    tasks: counts(),
    assignments: counts(),
    createdUnits,
    skippedNames,
    assignmentsNoLongerListed: 0,
  };
  await writeContent(tx, result, plan.row, unitsOf, summary);
  return summary;
}

async function writeContent(
  tx: Tx,
  result: ParseResult,
  plan: Plan,
  unitsOf: (ref: UnitRef) => string[],
  summary: ImportSummary,
): Promise<void> {
  const m = tx.read;
  // Everything the plan already has, read once, so the loops below do no lookups of their own.
  const [sections, items] = await Promise.all([
    m.find(Section, { where: { planId: plan.id } }),
    m.find(Item, { where: { planId: plan.id } }),
  ]);
  const itemIds = items.map((i) => i.id);
  const [tasks, assignments] = itemIds.length
    ? await Promise.all([
        m.find(Task, { where: { itemId: In(itemIds) } }),
        // Locked: a unit's PATCH waits for the import, and the import writes over no change it
        // did not read (its updates are version-guarded as well).
        m.find(Assignment, {
          where: { itemId: In(itemIds) },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        }),
      ])
    : [[], []];
  const existingTargets = itemIds.length
    ? await m.find(RecurringTarget, { where: { itemId: In(itemIds) } })
    : [];
  const sectionByNumber = new Map(sections.map((s) => [s.number, s]));
  const itemByNumber = new Map(items.map((i) => [i.number, i]));

  for (const parsedSection of result.sections) {
    const section = await syncRow(tx, Section, sectionByNumber.get(parsedSection.number), {
      planId: plan.id,
      number: parsedSection.number,
      numberText: parsedSection.numberText,
      title: parsedSection.title,
    });
    summary.sections[section.outcome]++;

    for (const parsed of parsedSection.items) {
      const previous = itemByNumber.get(parsed.number);
      const previousDueOn = previous?.dueOn ?? null;
      const deadlines = plain(parsed.deadlines) as ItemDeadline[];
      const item = await syncRow(tx, Item, previous, {
        planId: plan.id,
        sectionId: section.row.id,
        number: parsed.number,
        numberText: parsed.numberText,
        title: parsed.title,
        body: parsed.body,
        preamble: parsed.preamble,
        deadlineText: deadlines.find((d) => d.kind === 'date')?.text ?? null,
        dueOn: parsed.dueOn ?? null,
        deadlines,
        unitsText: parsed.unitsText.join('\n') || null,
      });
      summary.items[item.outcome]++;
      await syncTargets(tx, item.row.id, deadlines, existingTargets);

      const itemTasks = new Map(
        tasks.filter((t) => t.itemId === item.row.id).map((t) => [t.number, t]),
      );
      for (const parsedTask of parsed.tasks) {
        const task = await syncRow(tx, Task, itemTasks.get(parsedTask.number), {
          itemId: item.row.id,
          number: parsedTask.number,
          title: parsedTask.title,
          body: parsedTask.body,
          dueOn: parsedTask.dueOn ?? null,
        });
        summary.tasks[task.outcome]++;
      }
      if (parsed.preamble) continue;

      const dueOn = item.row.dueOn ?? plan.defaultDueOn ?? plan.periodEnd;
      if (!dueOn) {
        throw new ImportDecisionError([
          `条目(${parsed.numberText})没有完成时限，方案也没有默认时限：请先补上时限`,
        ]);
      }
      const wanted = rolesByUnit(
        [...parsed.units, ...parsed.tasks.flatMap((t) => t.units)],
        unitsOf,
      );
      const held = new Map(
        assignments.filter((a) => a.itemId === item.row.id && !a.taskId).map((a) => [a.unitId, a]),
      );
      for (const [unitId, role] of wanted) {
        const existing = held.get(unitId);
        // A due date someone changed by hand stays; one that followed the item follows it again.
        const followsItem = !existing || existing.dueOn === (previousDueOn ?? existing.dueOn);
        const assignment = await syncRow(tx, Assignment, existing, {
          planId: plan.id,
          itemId: item.row.id,
          unitId,
          role,
          ...(followsItem ? { dueOn } : {}),
        });
        summary.assignments[assignment.outcome]++;
      }
      summary.assignmentsNoLongerListed += [...held.keys()].filter((u) => !wanted.has(u)).length;
    }
  }
}

/** One recurring target per recurring phrase of the item (每年至少开展1次…), kept by its text. */
async function syncTargets(
  tx: Tx,
  itemId: string,
  deadlines: ItemDeadline[],
  existing: RecurringTarget[],
): Promise<void> {
  for (const d of deadlines.filter((x) => x.kind === 'recurring')) {
    const known = existing.find((t) => t.itemId === itemId && t.text === d.text);
    await syncRow(tx, RecurringTarget, known, {
      itemId,
      text: d.text,
      count: d.count ?? 1,
      per: d.per ?? 'year',
      unit: d.unit ?? '次',
    });
  }
}

/** Unit → role for one item; a unit named twice (alone and in a group) keeps `lead` if either is. */
function rolesByUnit(refs: UnitRef[], unitsOf: (ref: UnitRef) => string[]) {
  const roles = new Map<string, AssignmentRole>();
  for (const ref of refs) {
    for (const unitId of unitsOf(ref)) {
      if (roles.get(unitId) !== AssignmentRole.Lead) {
        roles.set(unitId, ref.role === 'lead' ? AssignmentRole.Lead : AssignmentRole.Co);
      }
    }
  }
  return roles;
}

/** Applies the decisions and the directory's matches: every written name → unit ids. */
async function resolveTargets(tx: Tx, resolutions: UnitResolution[], options: CommitOptions) {
  const decisions = new Map((options.decisions ?? []).map((d) => [d.name, d]));
  const problems: string[] = [];
  const known = new Set(resolutions.map((r) => r.name));
  for (const name of decisions.keys()) {
    if (!known.has(name)) problems.push(`文本中没有“${name}”这个单位名称，无法对其作出处理`);
  }
  const unitIds = new Map<string, string[]>();
  const createdUnits: string[] = [];
  const skippedNames: string[] = [];
  const groupMembers = async (groupId: string): Promise<string[] | undefined> => {
    const group = await tx.read.findOne(UnitGroup, {
      where: { id: groupId },
      relations: { members: true },
    });
    return group?.members.filter((u) => u.active).map((u) => u.id);
  };
  const activeUnit = async (unitId: string) =>
    tx.read.exists(Unit, { where: { id: unitId, active: true } });

  for (const r of resolutions) {
    const decision = decisions.get(r.name);
    if (decision?.action === 'skip') {
      skippedNames.push(r.name);
      unitIds.set(r.name, []);
    } else if (decision?.action === 'map') {
      if (decision.groupId) {
        const members = await groupMembers(decision.groupId);
        if (members) unitIds.set(r.name, members);
        else problems.push(`“${r.name}”：指定的单位组不存在`);
      } else if (decision.unitId && (await activeUnit(decision.unitId))) {
        unitIds.set(r.name, [decision.unitId]);
      } else {
        problems.push(`“${r.name}”：指定的单位不存在或已停用`);
      }
    } else if (
      decision?.action === 'create' ||
      (!decision && needsDecision(r) && options.createUnknownUnits && !r.group)
    ) {
      if (r.group) {
        problems.push(`“${r.name}”是单位组，不能直接新建为单位：请映射到已有单位组或跳过`);
        continue;
      }
      const kind =
        decision?.action === 'create' && decision.kind ? decision.kind : guessUnitKind(r.name);
      const unit = await tx.create(Unit, { name: r.name, kind });
      createdUnits.push(unit.name);
      unitIds.set(r.name, [unit.id]);
    } else if (needsDecision(r)) {
      problems.push(
        r.match === 'ambiguous'
          ? `“${r.name}”可能是${(r.candidates ?? []).map((c) => `“${c.name}”`).join('或')}，请指定`
          : `“${r.name}”不在单位名录中：请新建、映射到已有${r.group ? '单位组' : '单位'}或跳过`,
      );
    } else if (r.groupId) {
      unitIds.set(r.name, (await groupMembers(r.groupId)) ?? []);
    } else if (r.unitId) {
      unitIds.set(r.name, [r.unitId]);
    }
  }
  if (problems.length) throw new ImportDecisionError(problems);
  return { unitsOf: (ref: UnitRef) => unitIds.get(ref.name) ?? [], createdUnits, skippedNames };
}
