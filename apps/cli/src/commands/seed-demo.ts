import bcrypt from 'bcryptjs';
import { DataSource, EntityManager } from 'typeorm';
import {
  Assignment,
  AssignmentRole,
  Item,
  Plan,
  PlanStatus,
  Role,
  Section,
  Tx,
  Unit,
  UnitGroup,
  UnitOfWork,
  User,
} from '@app/database';
import { DEMO_GROUPS, DEMO_PLAN, DEMO_UNITS } from '../demo/demo-directory';

const SYSTEM = { userId: null, unitId: null };

/** The few items of the seed plan entered by hand (the full text import replaces this). */
const DEMO_SECTIONS = [
  {
    number: 1,
    numberText: '一',
    title: '总体要求',
    items: [
      { number: 1, numberText: '一', title: '指导思想', preamble: true, units: [] as string[] },
    ],
  },
  {
    number: 2,
    numberText: '二',
    title: '依法全面履行政府职能，推动更好发挥政府作用',
    items: [
      {
        number: 4,
        numberText: '四',
        title: '推进政府机构职能优化协同高效',
        units: ['区人劳局', '区经发局', '区建设局', '区市场监管分局', '各镇(街道)'],
      },
      {
        number: 5,
        numberText: '五',
        title: '深化行政审批制度改革',
        units: [
          '区人劳局',
          '区经发局',
          '区社会事业服务中心',
          '区建设局',
          '区自然资源和规划分局',
          '区市场监管分局',
          '各镇(街道)',
        ],
      },
      {
        number: 7,
        numberText: '七',
        title: '加快建设服务型政府',
        deadlineText: '2022年年底前',
        dueOn: '2022-12-31',
        units: ['区行政服务中心', '各镇(街道)'],
      },
    ],
  },
];

export interface SeedSummary {
  units: number;
  users: number;
  planCreated: boolean;
}

/** Idempotent: running it again changes nothing that is already there. */
export async function seedDemo(dataSource: DataSource, password: string): Promise<SeedSummary> {
  const passwordHash = await bcrypt.hash(password, 10);
  return new UnitOfWork(dataSource).run(SYSTEM, async (tx) => {
    const units = await seedUnits(tx);
    await seedGroups(tx, units);
    const users = await seedUsers(tx, units, passwordHash);
    const planCreated = await seedPlan(tx, units);
    return { units: units.size, users, planCreated };
  });
}

async function seedUnits(tx: Tx): Promise<Map<string, Unit>> {
  const byName = new Map<string, Unit>();
  for (const demo of DEMO_UNITS) {
    const existing = await tx.manager.findOne(Unit, { where: { name: demo.name } });
    byName.set(
      demo.name,
      existing ??
        (await tx.create(Unit, {
          name: demo.name,
          shortName: demo.shortName ?? null,
          aliases: demo.aliases ?? [],
          kind: demo.kind,
          emails: [`${demo.login}@luoshi.example`],
        })),
    );
  }
  return byName;
}

async function seedGroups(tx: Tx, units: Map<string, Unit>): Promise<void> {
  for (const demo of DEMO_GROUPS) {
    if (await tx.manager.exists(UnitGroup, { where: { name: demo.name } })) continue;
    const group = tx.manager.create(UnitGroup, {
      name: demo.name,
      aliases: demo.aliases,
      members: DEMO_UNITS.filter(demo.members).map((u) => units.get(u.name)!),
    });
    await tx.manager.save(group);
    await tx.audit('create', 'UnitGroup', group.id, null, {
      name: group.name,
      memberIds: group.members.map((u) => u.id),
    });
  }
}

async function seedUsers(tx: Tx, units: Map<string, Unit>, passwordHash: string): Promise<number> {
  const leadershipOffice = units.get(DEMO_UNITS[0].name)!;
  const accounts = [
    { username: 'admin', displayName: '系统管理员', role: Role.Admin, unitId: leadershipOffice.id },
    ...DEMO_UNITS.map((demo) => ({
      username: demo.login,
      displayName: `${demo.name}联络员`,
      role:
        demo.login === 'leader'
          ? Role.Leadership
          : demo.login === 'supervisor'
            ? Role.Supervisor
            : Role.Unit,
      unitId: units.get(demo.name)!.id,
    })),
  ];
  for (const account of accounts) {
    if (await tx.manager.exists(User, { where: { username: account.username } })) continue;
    await tx.create(User, {
      ...account,
      passwordHash,
      email: `${account.username}@luoshi.example`,
    });
  }
  return accounts.length;
}

async function seedPlan(tx: Tx, units: Map<string, Unit>): Promise<boolean> {
  if (await tx.manager.exists(Plan, { where: { docNumber: DEMO_PLAN.docNumber } })) return false;
  const plan = await tx.create(Plan, { ...DEMO_PLAN, status: PlanStatus.Active });
  for (const s of DEMO_SECTIONS) {
    const section = await tx.create(Section, {
      planId: plan.id,
      number: s.number,
      numberText: s.numberText,
      title: s.title,
    });
    for (const i of s.items) {
      const item = await tx.create(Item, {
        planId: plan.id,
        sectionId: section.id,
        number: i.number,
        numberText: i.numberText,
        title: i.title,
        preamble: 'preamble' in i && Boolean(i.preamble),
        deadlineText: 'deadlineText' in i ? i.deadlineText : null,
        dueOn: 'dueOn' in i ? i.dueOn : null,
      });
      const unitIds = await expand(tx.manager, units, i.units);
      for (const [index, unitId] of unitIds.entries()) {
        await tx.create(Assignment, {
          planId: plan.id,
          itemId: item.id,
          unitId,
          role: index === 0 ? AssignmentRole.Lead : AssignmentRole.Co,
          dueOn: item.dueOn ?? plan.defaultDueOn!,
        });
      }
    }
  }
  return true;
}

async function expand(
  manager: EntityManager,
  units: Map<string, Unit>,
  names: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const unit = units.get(name);
    if (unit) {
      ids.push(unit.id);
      continue;
    }
    const group = await manager.findOneOrFail(UnitGroup, {
      where: { name },
      relations: { members: true },
    });
    ids.push(...group.members.map((member) => member.id));
  }
  return [...new Set(ids)];
}
