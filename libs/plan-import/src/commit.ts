import { EntityTarget, In, IsNull } from 'typeorm';
import {
  Assignment,
  AssignmentRole,
  Item,
  ItemDeadline,
  Plan,
  PlanImport,
  PlanStatus,
  RecurringTarget,
  Section,
  Task,
  Tx,
  Unit,
} from '@app/database';
import { parsePlan, ParseResult, UnitRef } from '@app/plan-parser';
import { ImportDecisionError } from './decisions';
import { loadDirectory } from './directory';
import { findGaps, ImportGap, ownDueOn, PlanOverrides } from './gaps';
import { describeResolutions, resolveUnits } from './resolution';
import { AliasAdded, resolveTargets, TargetOptions } from './targets';
import { SyncOutcome, syncRow as writeRow } from './sync';
import { KeptEdit, mergeField, WrittenItem, WrittenPlan } from './written';

export interface CommitOptions extends TargetOptions {
  /** Status of a plan the import creates; an existing plan keeps its own. */
  status?: PlanStatus;
  /** What the office gives for what the text lacks (or corrects); it always wins. */
  plan?: PlanOverrides;
  /** Same as plan.title (kept for callers of the first version). */
  title?: string;
  /** Due dates the office gives items the text leaves without one. */
  itemDueDates?: Array<{ number: number; dueOn: string }>;
  /** Update this plan (a document without 文号 is found by the office, not by its number). */
  planId?: string;
  /** 签收 limit of the assignments this import creates (existing ones keep theirs). */
  acknowledgeBy?: string;
  /**
   * Work out the outcome without insisting on open decisions (they are listed in `pending`);
   * the caller rolls the transaction back.
   */
  dryRun?: boolean;
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
  /** Values the office set by hand that the import left as they were. */
  kept: KeptEdit[];
  /** Written names remembered as units' or groups' aliases. */
  aliasesAdded: AliasAdded[];
  /** Assignments each written name stands for in this plan (a group: one per member and item). */
  assignmentsByName: Record<string, number>;
  /** What the text lacks and the office has not given yet. */
  gaps: ImportGap[];
  /** Dry run only: what still stops the commit, one sentence each. */
  pending: string[];
  /** What this import wrote, kept with it for the next import (see written.ts). */
  written: WrittenPlan;
}

/** syncRow, or in a dry run its count without the write. */
const syncRow = <E extends { id: string }>(
  dry: boolean,
  ...args: [Tx, EntityTarget<E>, E | undefined, Partial<E>]
) => writeRow(args[0], args[1], args[2], args[3], dry);

// jsonb drops undefined fields; compare and store what the database will give back.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const PLAN_FIELDS = [
  'title',
  'docNumber',
  'issuers',
  'issuedOn',
  'periodStart',
  'periodEnd',
  'defaultDueOn',
] as const;
type PlanField = (typeof PLAN_FIELDS)[number];

/**
 * Writes a parsed plan into the database inside the caller's transaction: the plan (the one
 * named, else the one with its doc number, else one of the same title without a number), its
 * sections, items, tasks and one assignment per unit, groups expanded to their active members.
 * Existing assignments keep their status and history; only what the text changed is written,
 * and nothing the office set by hand is overwritten (see written.ts).
 */
export async function commitPlanImport(
  tx: Tx,
  text: string,
  options: CommitOptions = {},
): Promise<ImportSummary> {
  const m = tx.read;
  const dry = Boolean(options.dryRun);
  const result = parsePlan(text, { directory: await loadDirectory(m) });
  const resolutions = await describeResolutions(m, resolveUnits(result));
  const targets = await resolveTargets(tx, resolutions, options);
  const problems = [...targets.problems];
  const given: PlanOverrides = { ...options.plan };
  if (options.title?.trim()) given.title = options.title.trim();

  const existingPlan = await findTargetPlan(tx, result, given, options.planId, problems, dry);
  const base = existingPlan ? await lastWritten(tx, existingPlan.id) : undefined;
  const gaps = findGaps(result, { ...given, itemDueDates: options.itemDueDates }, existingPlan);
  for (const gap of gaps.filter((g) => g.required)) problems.push(gap.message);
  if (problems.length && !options.dryRun) throw new ImportDecisionError(problems);

  const kept: KeptEdit[] = [];
  const fromText: Record<PlanField, unknown> = {
    title: result.plan.title,
    docNumber: result.plan.docNumber,
    issuers: result.plan.issuers.length ? result.plan.issuers : undefined,
    issuedOn: result.plan.issuedOn,
    periodStart: result.plan.periodStart,
    periodEnd: result.plan.periodEnd,
    defaultDueOn: result.plan.defaultDueOn,
  };
  const planValues: Partial<Plan> = {};
  const writtenPlan: Record<string, unknown> = {};
  for (const field of PLAN_FIELDS) {
    const merged = mergeField(
      existingPlan ? (existingPlan[field] as unknown) : undefined,
      { known: Boolean(base && field in base.plan), value: base?.plan[field] },
      fromText[field],
      given[field],
    );
    if (merged.write) (planValues as Record<string, unknown>)[field] = merged.value;
    else if (!merged.write && merged.handEdited) {
      kept.push({ entity: 'plan', field, kept: merged.value, text: fromText[field] });
    }
    if (merged.base !== undefined) writtenPlan[field] = merged.base;
  }
  if (!existingPlan) {
    planValues.title ??= '（未命名方案）';
    planValues.status = options.status ?? PlanStatus.Draft;
  }
  const plan = await syncRow(dry, tx, Plan, existingPlan ?? undefined, planValues);
  const summary: ImportSummary = {
    planId: plan.row.id,
    planOutcome: plan.outcome,
    sections: counts(),
    items: counts(),
    tasks: counts(),
    assignments: counts(),
    createdUnits: targets.createdUnits,
    skippedNames: targets.skippedNames,
    assignmentsNoLongerListed: 0,
    kept,
    aliasesAdded: targets.aliasesAdded,
    assignmentsByName: {},
    gaps,
    pending: options.dryRun ? problems : [],
    written: { plan: plain(writtenPlan), items: {} },
  };
  await writeContent(tx, result, plan.row, targets.unitsOf, summary, base, options);
  return summary;
}

/** The plan a commit updates: the one named, else by doc number, else by title (no number). */
async function findTargetPlan(
  tx: Tx,
  result: ParseResult,
  given: PlanOverrides,
  planId: string | undefined,
  problems: string[],
  dryRun: boolean,
): Promise<Plan | null> {
  const m = tx.read;
  // A dry run (the preview) reads without locks, so it never holds up a unit's write.
  const lock = dryRun ? undefined : ({ mode: 'pessimistic_write' } as const);
  const docNumber = given.docNumber ?? result.plan.docNumber;
  if (planId) {
    const plan = await m.findOne(Plan, { where: { id: planId }, lock });
    if (!plan) problems.push('指定要更新的方案不存在');
    const holder = docNumber ? await m.findOne(Plan, { where: { docNumber } }) : null;
    if (plan && holder && holder.id !== plan.id) {
      problems.push(`文号“${docNumber}”已属于另一个方案“${holder.title}”，不能用于指定的方案`);
    }
    return plan;
  }
  if (docNumber) return m.findOne(Plan, { where: { docNumber }, lock });
  const title = given.title ?? result.plan.title;
  if (!title) return null;
  const sameTitle = await m.find(Plan, { where: { title, docNumber: IsNull() }, lock });
  return sameTitle.length === 1 ? sameTitle[0] : null;
}

/** What the plan's last import wrote (undefined for plans imported before this was kept). */
async function lastWritten(tx: Tx, planId: string): Promise<WrittenPlan | undefined> {
  const [last] = await tx.read.query(
    `SELECT written FROM plan_imports WHERE plan_id = $1 AND committed_at IS NOT NULL
       AND written IS NOT NULL ORDER BY committed_at DESC LIMIT 1`,
    [planId],
  );
  return (last?.written as WrittenPlan | undefined) ?? undefined;
}

async function writeContent(
  tx: Tx,
  result: ParseResult,
  plan: Plan,
  unitsOf: (ref: UnitRef) => string[],
  summary: ImportSummary,
  base: WrittenPlan | undefined,
  options: CommitOptions,
): Promise<void> {
  const m = tx.read;
  const dry = Boolean(options.dryRun);
  // Everything the plan already has, read once, so the loops below do no lookups of their own.
  const [sections, items] = await Promise.all([
    m.find(Section, { where: { planId: plan.id } }),
    m.find(Item, { where: { planId: plan.id } }),
  ]);
  const itemIds = items.map((i) => i.id);
  // Assignments locked: a unit's PATCH waits for the import instead of being written over.
  const [tasks, assignments] = itemIds.length
    ? await Promise.all([
        m.find(Task, { where: { itemId: In(itemIds) } }),
        m.find(Assignment, {
          where: { itemId: In(itemIds) },
          order: { id: 'ASC' },
          ...(dry ? {} : { lock: { mode: 'pessimistic_write' } as const }),
        }),
      ])
    : [[], []];
  const existingTargets = itemIds.length
    ? await m.find(RecurringTarget, { where: { itemId: In(itemIds) } })
    : [];
  const unitNames = new Map(
    (await m.find(Unit, { select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const sectionByNumber = new Map(sections.map((s) => [s.number, s]));
  const itemByNumber = new Map(items.map((i) => [i.number, i]));
  const decidedDue = new Map((options.itemDueDates ?? []).map((d) => [d.number, d.dueOn]));
  const planDefault = plan.defaultDueOn ?? plan.periodEnd ?? undefined;

  for (const parsedSection of result.sections) {
    const section = await syncRow(dry, tx, Section, sectionByNumber.get(parsedSection.number), {
      planId: plan.id,
      number: parsedSection.number,
      numberText: parsedSection.numberText,
      title: parsedSection.title,
    });
    summary.sections[section.outcome]++;

    for (const parsed of parsedSection.items) {
      const previous = itemByNumber.get(parsed.number);
      const previousDueOn = previous?.dueOn ?? null;
      const baseItem: WrittenItem | undefined = base?.items[String(parsed.number)];
      const deadlines = plain(parsed.deadlines) as ItemDeadline[];
      // The item's own date, else the plan's default (the text's, or the office's, or kept).
      const own = ownDueOn(parsed);
      const decided = decidedDue.get(parsed.number);
      // A date the office gave an undated item stays while the text still gives none.
      const keepDecided = !own && !decided && baseItem?.dueOnDecided === true;
      const textDue = parsed.preamble || keepDecided ? undefined : (own ?? planDefault);
      const fields = {
        title: mergeField(previous?.title, known(baseItem, 'title'), parsed.title),
        body: mergeField(previous?.body, known(baseItem, 'body'), parsed.body || undefined),
        dueOn: mergeField<string | null>(
          previous?.dueOn,
          known(baseItem, 'dueOn'),
          textDue,
          decided,
        ),
      };
      const values: Partial<Item> = {
        planId: plan.id,
        sectionId: section.row.id,
        number: parsed.number,
        numberText: parsed.numberText,
        preamble: parsed.preamble,
        deadlineText: deadlines.find((d) => d.kind === 'date')?.text ?? null,
        deadlines,
        unitsText: parsed.unitsText.join('\n') || null,
      };
      for (const [field, merged] of Object.entries(fields)) {
        if (merged.write) (values as Record<string, unknown>)[field] = merged.value ?? null;
        else if (merged.handEdited) {
          summary.kept.push({
            entity: 'item',
            itemNumber: parsed.number,
            field,
            kept: merged.value,
            text: field === 'dueOn' ? textDue : parsed[field as 'title' | 'body'],
          });
        }
      }
      if (!previous) {
        values.title ??= parsed.title;
        values.body ??= parsed.body;
        values.dueOn ??= null;
      }
      const item = await syncRow(dry, tx, Item, previous, values);
      summary.items[item.outcome]++;
      const written: WrittenItem = {
        title: (fields.title.base as string | undefined) ?? item.row.title,
        body: (fields.body.base as string | undefined) ?? item.row.body,
        dueOn: (fields.dueOn.base as string | null | undefined) ?? item.row.dueOn,
        ...(decided !== undefined || keepDecided ? { dueOnDecided: true } : {}),
        assignments: {},
      };
      summary.written.items[String(parsed.number)] = written;
      await syncTargets(tx, item.row.id, deadlines, existingTargets, dry);

      const itemTasks = new Map(
        tasks.filter((t) => t.itemId === item.row.id).map((t) => [t.number, t]),
      );
      for (const parsedTask of parsed.tasks) {
        const task = await syncRow(dry, tx, Task, itemTasks.get(parsedTask.number), {
          itemId: item.row.id,
          number: parsedTask.number,
          title: parsedTask.title,
          body: parsedTask.body,
          dueOn: parsedTask.dueOn ?? null,
        });
        summary.tasks[task.outcome]++;
      }
      if (parsed.preamble) continue;

      const refs = [...parsed.units, ...parsed.tasks.flatMap((t) => t.units)];
      const wanted = rolesByUnit(refs, unitsOf, summary.assignmentsByName);
      const dueOn = item.row.dueOn ?? undefined;
      if (!dueOn) {
        // Only a dry run gets here (the commit refused above): these shares wait for a date.
        continue;
      }
      const held = new Map(
        assignments.filter((a) => a.itemId === item.row.id).map((a) => [a.unitId, a]),
      );
      for (const [unitId, role] of wanted) {
        const existing = held.get(unitId);
        const baseShare = baseItem?.assignments[unitId];
        // Without a record of the last import, a due date that differs from the item's old one
        // was set by hand (the rule before records were kept).
        const dueBase = baseShare
          ? { known: true, value: baseShare.dueOn }
          : { known: Boolean(existing), value: previousDueOn ?? existing?.dueOn };
        const due = mergeField(existing?.dueOn, dueBase, dueOn);
        const roleMerge = mergeField<string>(
          existing?.role,
          baseShare ? { known: true, value: baseShare.role } : { known: false },
          role,
        );
        const assignment = await syncRow(dry, tx, Assignment, existing, {
          planId: plan.id,
          itemId: item.row.id,
          unitId,
          ...(roleMerge.write ? { role } : {}),
          ...(due.write ? { dueOn } : {}),
          ...(!existing && options.acknowledgeBy ? { acknowledgeBy: options.acknowledgeBy } : {}),
        });
        summary.assignments[assignment.outcome]++;
        for (const [field, merged] of [
          ['dueOn', due],
          ['role', roleMerge],
        ] as const) {
          if (!merged.write && merged.handEdited) {
            summary.kept.push({
              entity: 'assignment',
              itemNumber: parsed.number,
              unitName: unitNames.get(unitId),
              field,
              kept: merged.value,
              text: field === 'dueOn' ? dueOn : role,
            });
          }
        }
        written.assignments[unitId] = {
          role: (roleMerge.base as string | undefined) ?? assignment.row.role,
          dueOn: (due.base as string | undefined) ?? assignment.row.dueOn,
        };
      }
      summary.assignmentsNoLongerListed += [...held.keys()].filter((u) => !wanted.has(u)).length;
    }
  }
}

const known = <K extends keyof WrittenItem>(
  baseItem: WrittenItem | undefined,
  field: K,
): { known: boolean; value?: WrittenItem[K] } =>
  baseItem && field in baseItem ? { known: true, value: baseItem[field] } : { known: false };

/** One recurring target per recurring phrase of the item (每年至少开展1次…), kept by its text. */
async function syncTargets(
  tx: Tx,
  itemId: string,
  deadlines: ItemDeadline[],
  existing: RecurringTarget[],
  dry: boolean,
): Promise<void> {
  for (const d of deadlines.filter((x) => x.kind === 'recurring')) {
    // Kept by its clause (with its subject); a target stored by the bare phrase before is renamed.
    const text = d.subject || d.text;
    const found =
      existing.find((t) => t.itemId === itemId && t.text === text) ??
      existing.find((t) => t.itemId === itemId && t.text === d.text);
    await syncRow(dry, tx, RecurringTarget, found, {
      itemId,
      text,
      count: d.count ?? 1,
      per: d.per ?? 'year',
      unit: d.unit ?? '次',
    });
  }
}

/** Unit → role for one item; a unit named twice (alone and in a group) keeps `lead` if either is. */
function rolesByUnit(
  refs: UnitRef[],
  unitsOf: (ref: UnitRef) => string[],
  byName: Record<string, number>,
) {
  const roles = new Map<string, AssignmentRole>();
  for (const ref of refs) {
    const ids = unitsOf(ref);
    byName[ref.name] = (byName[ref.name] ?? 0) + ids.length;
    for (const unitId of ids) {
      if (roles.get(unitId) !== AssignmentRole.Lead) {
        roles.set(unitId, ref.role === 'lead' ? AssignmentRole.Lead : AssignmentRole.Co);
      }
    }
  }
  return roles;
}

/**
 * For the CLI and the demo data: commit a text and keep the import's record (source, result,
 * what it wrote) as the API's preview and commit do, so the next import sees the hand edits.
 */
export async function importPlanText(
  tx: Tx,
  text: string,
  sourceName: string | null,
  options: CommitOptions = {},
): Promise<ImportSummary> {
  const summary = await commitPlanImport(tx, text, options);
  const changed = [summary.sections, summary.items, summary.tasks, summary.assignments].some(
    (c) => c.created + c.updated > 0,
  );
  // A run that changed nothing leaves nothing behind (the demo seed runs on every start).
  if (!changed && summary.planOutcome === 'unchanged' && (await lastWritten(tx, summary.planId))) {
    return summary;
  }
  const result = parsePlan(text, { directory: await loadDirectory(tx.read) });
  await tx.create(PlanImport, {
    createdByUserId: tx.actor.userId,
    sourceName,
    sourceText: text,
    result: plain(result) as unknown as Record<string, unknown>,
    docNumber: result.plan.docNumber ?? null,
    planId: summary.planId,
    committedAt: new Date(),
    written: summary.written as unknown as Record<string, unknown>,
  });
  return summary;
}
