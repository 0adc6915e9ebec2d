import { randomUUID } from 'node:crypto';
import { Tx, Unit, UnitGroup } from '@app/database';
import type { UnitRef } from '@app/plan-parser';
import { guessUnitKind, UnitDecision } from './decisions';
import { needsChoice, needsDecision, UnitResolution } from './resolution';

export interface TargetOptions {
  decisions?: UnitDecision[];
  /** For the CLI: create every unknown unit instead of asking (groups are never invented). */
  createUnknownUnits?: boolean;
  /** For the CLI and the demo data: accept fuzzy matches and large groups as proposed. */
  confirmMatches?: boolean;
  /** Work out what would happen without writing units or aliases. */
  dryRun?: boolean;
}

/** A written name remembered as another spelling of a unit or group. */
export interface AliasAdded {
  name: string;
  unitName?: string;
  groupName?: string;
}

export interface Targets {
  unitsOf: (ref: UnitRef) => string[];
  createdUnits: string[];
  skippedNames: string[];
  aliasesAdded: AliasAdded[];
  /** Decisions still missing, one sentence each. */
  problems: string[];
}

/**
 * Applies the decisions and the directory's matches: every written name → unit ids. A name
 * mapped by hand, or a guess confirmed, is remembered as the unit's (or group's) alias, so the
 * office's next plan matches it without asking.
 */
export async function resolveTargets(
  tx: Tx,
  resolutions: UnitResolution[],
  options: TargetOptions,
): Promise<Targets> {
  const decisions = new Map((options.decisions ?? []).map((d) => [d.name, d]));
  const problems: string[] = [];
  const known = new Set(resolutions.map((r) => r.name));
  for (const name of decisions.keys()) {
    if (!known.has(name)) problems.push(`文本中没有“${name}”这个单位名称，无法对其作出处理`);
  }
  const unitIds = new Map<string, string[]>();
  const createdUnits: string[] = [];
  const skippedNames: string[] = [];
  const aliasesAdded: AliasAdded[] = [];
  const groupMembers = async (groupId: string): Promise<string[] | undefined> => {
    const group = await tx.read.findOne(UnitGroup, {
      where: { id: groupId },
      relations: { members: true },
    });
    return group?.members.filter((u) => u.active).map((u) => u.id);
  };
  const remember = async (name: string, target: { unitId?: string; groupId?: string }) => {
    if (target.unitId) {
      const unit = await tx.read.findOne(Unit, {
        where: { id: target.unitId },
        ...(options.dryRun ? {} : { lock: { mode: 'pessimistic_write' } as const }),
      });
      if (!unit || unit.name === name || unit.shortName === name || unit.aliases.includes(name))
        return;
      if (!options.dryRun) await tx.update(Unit, unit, { aliases: [...unit.aliases, name] });
      aliasesAdded.push({ name, unitName: unit.name });
    } else if (target.groupId) {
      const group = await tx.read.findOne(UnitGroup, {
        where: { id: target.groupId },
        ...(options.dryRun ? {} : { lock: { mode: 'pessimistic_write' } as const }),
      });
      if (!group || group.name === name || group.aliases.includes(name)) return;
      // Saved without its members relation, so the membership is left as it is.
      if (!options.dryRun) await tx.update(UnitGroup, group, { aliases: [...group.aliases, name] });
      aliasesAdded.push({ name, groupName: group.name });
    }
  };

  for (const r of resolutions) {
    const decision = decisions.get(r.name);
    if (decision?.action === 'skip') {
      skippedNames.push(r.name);
      unitIds.set(r.name, []);
    } else if (decision?.action === 'map') {
      if (decision.groupId) {
        const members = await groupMembers(decision.groupId);
        if (members) {
          unitIds.set(r.name, members);
          await remember(r.name, { groupId: decision.groupId });
        } else problems.push(`“${r.name}”：指定的单位组不存在`);
      } else if (
        decision.unitId &&
        (await tx.read.exists(Unit, { where: { id: decision.unitId, active: true } }))
      ) {
        unitIds.set(r.name, [decision.unitId]);
        await remember(r.name, { unitId: decision.unitId });
      } else {
        problems.push(`“${r.name}”：指定的单位不存在或已停用`);
      }
    } else if (
      decision?.action === 'create' ||
      (!decision && needsChoice(r) && options.createUnknownUnits && !r.group)
    ) {
      if (r.group) {
        problems.push(`“${r.name}”是单位组，不能直接新建为单位：请映射到已有单位组或跳过`);
        continue;
      }
      const kind =
        decision?.action === 'create' && decision.kind ? decision.kind : guessUnitKind(r.name);
      const unit = options.dryRun
        ? { id: randomUUID(), name: r.name }
        : await tx.create(Unit, { name: r.name, kind });
      createdUnits.push(unit.name);
      unitIds.set(r.name, [unit.id]);
    } else if (needsChoice(r)) {
      problems.push(
        decision?.action === 'confirm'
          ? `“${r.name}”没有可确认的匹配：请新建、映射或跳过`
          : r.match === 'ambiguous'
            ? `“${r.name}”可能是${(r.candidates ?? []).map((c) => `“${c.name}”`).join('或')}，请指定`
            : `“${r.name}”不在单位名录中：请新建、映射到已有${r.group ? '单位组' : '单位'}或跳过`,
      );
    } else {
      if (needsDecision(r) && decision?.action !== 'confirm' && !options.confirmMatches) {
        problems.push(
          r.match === 'fuzzy'
            ? `“${r.name}”与“${r.matchedName}”相近但不相同：请确认或改为映射、新建、跳过`
            : `“${r.name}”是单位组，将展开为 ${r.memberCount} 个单位的分工：请确认或改为映射、跳过`,
        );
        // A dry run counts the guess as proposed, so the preview can say what it would become.
        if (!options.dryRun) continue;
      }
      if (r.groupId) unitIds.set(r.name, (await groupMembers(r.groupId)) ?? []);
      else if (r.unitId) unitIds.set(r.name, [r.unitId]);
      // A confirmed guess is remembered; a large group matched by name needs no new alias.
      if (r.match === 'fuzzy' && decision?.action === 'confirm') await remember(r.name, r);
    }
  }
  return {
    unitsOf: (ref: UnitRef) => unitIds.get(ref.name) ?? [],
    createdUnits,
    skippedNames,
    aliasesAdded,
    problems,
  };
}
