import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { passwordHashCost } from '@app/config';
import { PlanStatus, Role, Tx, Unit, UnitGroup, UnitOfWork, User } from '@app/database';
import { importPlanText, ImportSummary } from '@app/plan-import';
import { DEMO_GROUPS, DEMO_UNITS } from '../demo/demo-directory';

const SYSTEM = { userId: null, unitId: null };

export interface SeedSummary {
  units: number;
  users: number;
  plan: ImportSummary;
}

/**
 * The district's units, groups and users, and its plan imported from the plan's own text the
 * way a leadership office would import it. Idempotent: a second run changes nothing.
 */
export async function seedDemo(
  dataSource: DataSource,
  password: string,
  planText: string,
): Promise<SeedSummary> {
  const passwordHash = await bcrypt.hash(password, passwordHashCost());
  return new UnitOfWork(dataSource).run(SYSTEM, async (tx) => {
    const units = await seedUnits(tx);
    await seedGroups(tx, units);
    const users = await seedUsers(tx, units, passwordHash);
    const plan = await importPlanText(tx, planText, 'demo', {
      status: PlanStatus.Active,
      confirmMatches: true,
    });
    // The seed plan's work was given years ago: it counts as received (签收) when it was made.
    // Rows with a 签收 limit were given through the API and wait for their unit.
    await tx.read.query(
      `UPDATE assignments SET acknowledged_at = created_at,
         acknowledge_by = (created_at AT TIME ZONE 'Asia/Shanghai')::date
       WHERE plan_id = $1 AND acknowledged_at IS NULL AND acknowledge_by IS NULL`,
      [plan.planId],
    );
    return { units: units.size, users, plan };
  });
}

async function seedUnits(tx: Tx): Promise<Map<string, Unit>> {
  const byName = new Map<string, Unit>();
  for (const demo of DEMO_UNITS) {
    const existing = await tx.read.findOne(Unit, { where: { name: demo.name } });
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
    if (await tx.read.exists(UnitGroup, { where: { name: demo.name } })) continue;
    await tx.create(
      UnitGroup,
      {
        name: demo.name,
        aliases: demo.aliases,
        members: DEMO_UNITS.filter(demo.members).map((u) => units.get(u.name)!),
      },
      (group) => ({ name: group.name, memberIds: group.members.map((u) => u.id) }),
    );
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
    if (await tx.read.exists(User, { where: { username: account.username } })) continue;
    await tx.create(User, {
      ...account,
      passwordHash,
      email: `${account.username}@luoshi.example`,
    });
  }
  return accounts.length;
}
