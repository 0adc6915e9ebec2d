import ExcelJS from 'exceljs';
import { addDays, periodContaining, PeriodKind } from '@app/calendar';
import { isTermTarget, planTerm, requiredCount, targetStanding } from '@app/database';
import { binary } from '../support/binary';
import { createTestApp, importSeedPlan as importPlan, TestApp } from '../support/test-app';

async function readWorkbook(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('supervision: overdue, warnings, statistics, notices, exports', () => {
  let t: TestApp;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    planId = await importPlan(t, '漯开文〔2025〕61号');
  });
  afterAll(() => t.close());

  const get = async (path: string, login = 'supervisor') =>
    t
      .http()
      .get(path)
      .set(await t.as(login));

  const countWhere = async (sql: string, params: unknown[]) =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM assignments a JOIN items i ON i.id = a.item_id WHERE ${sql}`,
        params,
      )
    )[0].n as number;

  it('lists overdue work as of a date, and the list moves with the date', async () => {
    const early = await get(`/supervision/overdue?planId=${planId}&asOf=2022-12-31&pageSize=500`);
    expect(early.status).toBe(200);
    expect(early.body.total).toBe(0);

    const justAfter = await get(
      `/supervision/overdue?planId=${planId}&asOf=2023-01-01&pageSize=500`,
    );
    const dueEnd2022 = await countWhere("a.plan_id = $1 AND a.due_on = '2022-12-31'", [planId]);
    expect(justAfter.body.total).toBe(dueEnd2022);
    expect(new Set(justAfter.body.items.map((r: { itemNumber: number }) => r.itemNumber))).toEqual(
      new Set([7, 23, 32]),
    );
    expect(justAfter.body.items.every((r: { daysOverdue: number }) => r.daysOverdue === 1)).toBe(
      true,
    );
    expect(justAfter.body.asOf).toBe('2023-01-01');

    const later = await get(`/supervision/overdue?planId=${planId}&asOf=2024-01-02&pageSize=500`);
    expect(later.body.total).toBe(
      await countWhere("a.plan_id = $1 AND a.due_on < '2024-01-02'", [planId]),
    );
    expect(later.body.items[0]).toMatchObject({ daysOverdue: 367, dueOn: '2022-12-31' });
    const row26 = later.body.items.find((r: { itemNumber: number }) => r.itemNumber === 26);
    expect(row26).toMatchObject({
      daysOverdue: 2,
      itemNumberText: '二十六',
      planTitle: expect.any(String),
    });
  });

  it('gives each overdue row the date its unit last reported, as of the as-of date', async () => {
    const [share] = await t.db.query(
      `SELECT a.id FROM assignments a JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
       WHERE a.plan_id = $1 AND i.number = 23 AND u.name = '区人劳局'`,
      [planId],
    );
    const lastReport = async (asOf: string) =>
      (
        await get(`/supervision/overdue?planId=${planId}&asOf=${asOf}&pageSize=500`)
      ).body.items.find((r: { assignmentId: string }) => r.assignmentId === share.id).lastReportOn;
    expect(await lastReport('2025-03-10')).toBeNull();

    const clerk = await t.as('renlaoju');
    const filed = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(clerk)
      .send({ periodDate: '2025-02-01', workDone: '复议案件办理情况', figures: [], percent: 40 });
    expect(filed.status).toBe(201);
    expect(await lastReport('2025-03-10')).toBeNull(); // a draft is not a report yet
    const submitted = await t
      .http()
      .post(`/reports/${filed.body.id}/submit`)
      .set(clerk)
      .send({ version: filed.body.version });
    expect(submitted.status).toBe(200);
    expect(await lastReport('2025-03-10')).toBe('2025-03-10');
    expect(await lastReport('2025-03-09')).toBeNull();
  });

  it('filters by unit, group, lead-only and minimum days, and sorts', async () => {
    const q = `planId=${planId}&asOf=2024-01-02&pageSize=500`;
    const all = (await get(`/supervision/overdue?${q}`)).body;
    const lead = (await get(`/supervision/overdue?${q}&leadOnly=true`)).body;
    expect(lead.total).toBe(all.items.filter((r: { role: string }) => r.role === 'lead').length);
    const min = (await get(`/supervision/overdue?${q}&minDaysOverdue=10`)).body;
    expect(min.items.map((r: { itemNumber: number }) => r.itemNumber)).not.toContain(26);
    const [{ id: groupId }] = await t.db.query(
      "SELECT id FROM unit_groups WHERE name = '各镇(街道)'",
    );
    const towns = (await get(`/supervision/overdue?${q}&groupId=${groupId}`)).body;
    expect(new Set(towns.items.map((r: { unitName: string }) => r.unitName))).toEqual(
      new Set(['后谢镇', '湘江路管理办公室']),
    );
    const byDue = (await get(`/supervision/overdue?${q}&sort=daysOverdue`)).body.items;
    const dues = byDue.map((r: { dueOn: string }) => r.dueOn);
    expect(dues).toEqual([...dues].sort());
    const days = byDue.map((r: { daysOverdue: number }) => r.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect((await get(`/supervision/overdue?${q}&sort=dueOn`)).status).toBe(400);
    const paging = `planId=${planId}&asOf=2024-01-02&page=2`;
    for (const path of ['/supervision/statistics', '/supervision/exports/overdue.xlsx']) {
      const refused = await get(`${path}?${paging}`);
      expect({ path, status: refused.status, message: refused.body.message }).toEqual({
        path,
        status: 400,
        message: ['page：不是可接受的字段'],
      });
    }
    const paged = (
      await get(`/supervision/overdue?planId=${planId}&asOf=2024-01-02&pageSize=5&page=2`)
    ).body;
    expect(paged.items).toEqual(all.items.slice(5, 10));
  });

  it('takes work completed by the as-of date off the list, but not before it was completed', async () => {
    const [row] = await t.db.query(
      `SELECT a.id, a.version FROM assignments a JOIN items i ON i.id = a.item_id
       WHERE a.plan_id = $1 AND i.number = 23 AND a.role = 'lead'`,
      [planId],
    );
    t.clock.set('2023-02-01');
    const leader = await t.as('leader');
    let version = row.version;
    for (const status of ['submitted', 'completed']) {
      const res = await t
        .http()
        .patch(`/assignments/${row.id}`)
        .set(leader)
        .send({ version, status });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    t.clock.set('2025-03-10');
    const ids = async (asOf: string) =>
      (await get(`/supervision/overdue?planId=${planId}&asOf=${asOf}&pageSize=500`)).body.items.map(
        (r: { assignmentId: string }) => r.assignmentId,
      );
    expect(await ids('2023-01-15')).toContain(row.id);
    expect(await ids('2023-02-01')).not.toContain(row.id);
    expect(await ids('2025-03-10')).not.toContain(row.id);
  });

  describe('warning levels at their boundaries', () => {
    let boundaryPlan: string;
    const shares: Record<string, string> = {};
    beforeAll(async () => {
      const leader = await t.as('leader');
      boundaryPlan = (
        await t
          .http()
          .post('/plans')
          .set(leader)
          // Yearly reports: none is owed yet in 2025, so only the due-date rule lights these.
          .send({
            title: '预警边界测试',
            periodStart: '2025-01-01',
            status: 'active',
            reportFrequency: 'year',
          })
      ).body.id;
      const section = (
        await t
          .http()
          .post(`/plans/${boundaryPlan}/sections`)
          .set(leader)
          .send({ number: 1, numberText: '一', title: '章' })
      ).body.id;
      const unitId = (await t.db.query("SELECT id FROM units WHERE name = '区审计局'"))[0].id;
      const cases = {
        yesterday: '2025-03-09',
        today: '2025-03-10',
        in14: '2025-03-24',
        in15: '2025-03-25',
        done: '2025-03-20',
      };
      let n = 0;
      for (const [name, dueOn] of Object.entries(cases)) {
        n++;
        const item = (
          await t
            .http()
            .post(`/plans/${boundaryPlan}/items`)
            .set(leader)
            .send({ sectionId: section, number: n, numberText: String(n), title: name, dueOn })
        ).body.id;
        const created = await t
          .http()
          .post('/assignments')
          .set(leader)
          .send({ itemId: item, unitId, role: 'lead' });
        shares[name] = created.body.created[0].id;
      }
      // Ahead of the schedule: 95% where about 87% is expected by 2025-03-10.
      await t
        .http()
        .patch(`/assignments/${shares.done}`)
        .set(leader)
        .send({ version: 1, progressPercent: 95 })
        .expect(200);
    });

    it('is red from the day after the due date, yellow within N days when behind, green otherwise', async () => {
      const res = await get(
        `/supervision/warnings?planId=${boundaryPlan}&asOf=2025-03-10&warningDays=14&pageSize=100`,
      );
      expect(res.status).toBe(200);
      const level = Object.fromEntries(
        res.body.items.map((r: { assignmentId: string; level: string }) => [
          r.assignmentId,
          r.level,
        ]),
      );
      expect(level[shares.yesterday]).toBe('red');
      expect(level[shares.today]).toBe('yellow');
      expect(level[shares.in14]).toBe('yellow');
      expect(level[shares.in15]).toBeUndefined();
      expect(level[shares.done]).toBeUndefined();
      const red = res.body.items.find(
        (r: { assignmentId: string }) => r.assignmentId === shares.yesterday,
      );
      expect(red).toMatchObject({ daysOverdue: 1, reason: '已逾期 1 天', itemLevel: 'red' });
      const yellow = res.body.items.find(
        (r: { assignmentId: string }) => r.assignmentId === shares.in14,
      );
      expect(yellow).toMatchObject({ daysLeft: 14, expectedPercent: 83 });
      const onlyRed = await get(
        `/supervision/warnings?planId=${boundaryPlan}&asOf=2025-03-10&level=red`,
      );
      expect(onlyRed.body.total).toBe(1);
    });

    it('is yellow while the report due is missing, and green once it is submitted', async () => {
      const leader = await t.as('leader');
      const [section] = await t.db.query('SELECT id FROM sections WHERE plan_id = $1', [
        boundaryPlan,
      ]);
      const item = await t.http().post(`/plans/${boundaryPlan}/items`).set(leader).send({
        sectionId: section.id,
        number: 9,
        numberText: '9',
        title: '按月报送',
        dueOn: '2025-09-30',
        reportFrequency: 'month',
      });
      const unitId = (await t.db.query("SELECT id FROM units WHERE name = '区审计局'"))[0].id;
      const share = (
        await t
          .http()
          .post('/assignments')
          .set(leader)
          .send({ itemId: item.body.id, unitId, role: 'lead' })
      ).body.created[0].id;
      const row = async (asOf: string) =>
        (
          await get(`/supervision/warnings?planId=${boundaryPlan}&asOf=${asOf}&pageSize=100`)
        ).body.items.find((r: { assignmentId: string }) => r.assignmentId === share);
      // Far from its due date, so only the missing February report makes it yellow.
      expect(await row('2025-03-10')).toMatchObject({
        level: 'yellow',
        reportMissing: true,
        reason: '2025年2月进展应报未报',
      });
      // On 1 February the January report is due.
      expect(await row('2025-02-01')).toMatchObject({ reason: '2025年1月进展应报未报' });
      // On 31 January nothing is owed yet: the plan began in January.
      expect(await row('2025-01-31')).toBeUndefined();

      const clerk = await t.as('shenji');
      const filed = await t
        .http()
        .post(`/assignments/${share}/reports`)
        .set(clerk)
        .send({ periodDate: '2025-02-01', workDone: '二月审计进展', figures: [], percent: 30 });
      await t
        .http()
        .post(`/reports/${filed.body.id}/submit`)
        .set(clerk)
        .send({ version: filed.body.version })
        .expect(200);
      expect(await row('2025-03-10')).toBeUndefined();
      expect(await row('2025-03-09')).toMatchObject({ reportMissing: true }); // submitted on 3-10
    });
  });

  it('counts statistics that agree with the rows, per unit, plan and section', async () => {
    const asOf = '2024-06-30';
    const res = await get(`/supervision/statistics?planId=${planId}&asOf=${asOf}&groupBy=unit`);
    expect(res.status).toBe(200);
    const rows: Array<Record<string, number | string | null>> = res.body.rows;
    const truth: Array<Record<string, number | string>> = await t.db.query(
      `SELECT unit_id AS id, count(*)::int AS assigned,
         count(*) FILTER (WHERE completed_on <= $2)::int AS completed,
         count(*) FILTER (WHERE completed_on <= $2 AND completed_on <= due_on)::int AS "completedOnTime",
         count(*) FILTER (WHERE due_on <= $2)::int AS due,
         count(*) FILTER (WHERE due_on < $2 AND (completed_on IS NULL OR completed_on > $2))::int AS overdue
       FROM assignments WHERE plan_id = $1 GROUP BY unit_id`,
      [planId, asOf],
    );
    expect(rows).toHaveLength(truth.length);
    for (const expected of truth) {
      const row = rows.find((r) => r.id === expected.id)!;
      expect(row).toMatchObject(expected);
      const rate =
        (expected.due as number) > 0
          ? (expected.completedOnTime as number) / (expected.due as number)
          : null;
      if (rate === null) expect(row.onTimeRate).toBeNull();
      else expect(row.onTimeRate).toBeCloseTo(rate, 4);
    }
    expect(rows.reduce((n, r) => n + (r.assigned as number), 0)).toBe(
      await countWhere('a.plan_id = $1', [planId]),
    );
    const ranks = rows.map((r) => r.rank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const byPlan = (await get(`/supervision/statistics?planId=${planId}&asOf=${asOf}&groupBy=plan`))
      .body.rows;
    expect(byPlan).toHaveLength(1);
    expect(byPlan[0].overdue).toBe(truth.reduce((n, r) => n + (r.overdue as number), 0));
    const bySection = (
      await get(`/supervision/statistics?planId=${planId}&asOf=${asOf}&groupBy=section`)
    ).body.rows;
    expect(bySection.reduce((n: number, r: { assigned: number }) => n + r.assigned, 0)).toBe(
      byPlan[0].assigned,
    );
  });

  it('counts reports due and missing and recurring targets that agree with the rows', async () => {
    const asOf = '2025-03-10';
    const [target] = await t.db.query(
      `SELECT rt.id, rt.count FROM recurring_targets rt JOIN items i ON i.id = rt.item_id
       WHERE i.plan_id = $1 AND rt.text LIKE '%每年不少于4次'`,
      [planId],
    );
    expect(target).toBeDefined();
    const leader = await t.as('leader');
    // One unit reaches the year's 4 in February, another has 1 of them: met and behind.
    for (const [unitName, login, value] of [
      ['区社会事业服务中心', 'shehuishiye', 4],
      ['区党办', 'dangban', 1],
    ] as const) {
      const [share] = await t.db.query(
        `SELECT a.id FROM assignments a JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
         WHERE a.plan_id = $1 AND i.number = 37 AND u.name = $2`,
        [planId, unitName],
      );
      const clerk = await t.as(login);
      const filed = await t
        .http()
        .post(`/assignments/${share.id}/reports`)
        .set(clerk)
        .send({
          periodDate: '2025-02-01',
          workDone: '开展常务会议学法',
          figures: [{ name: '常务会议学法', value, unit: '次', targetId: target.id }],
          percent: 60,
        });
      expect(filed.status).toBe(201);
      const submitted = await t
        .http()
        .post(`/reports/${filed.body.id}/submit`)
        .set(clerk)
        .send({ version: filed.body.version });
      await t
        .http()
        .post(`/reports/${filed.body.id}/accept`)
        .set(leader)
        .send({ version: submitted.body.version })
        .expect(200);
    }

    // The truth, worked out here from the rows with the calendar's periods, not the API's SQL.
    const shares: Array<{
      id: string;
      unitId: string;
      itemId: string;
      completedOn: string | null;
      frequency: PeriodKind;
      planStart: string | null;
      planStatus: string;
      plan: Parameters<typeof planTerm>[0];
    }> = await t.db.query(
      `SELECT a.id, a.unit_id AS "unitId", a.item_id AS "itemId", a.completed_on AS "completedOn",
              COALESCE(i.report_frequency, p.report_frequency) AS frequency,
              p.period_start AS "planStart", p.status AS "planStatus",
              json_build_object('periodStart', p.period_start, 'periodEnd', p.period_end,
                'issuedOn', p.issued_on, 'defaultDueOn', p.default_due_on) AS plan
       FROM assignments a JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
       WHERE a.plan_id = $1`,
      [planId],
    );
    const reports: Array<{
      assignmentId: string;
      periodKind: string;
      periodStart: string;
      status: string;
      submittedOn: string | null;
      reviewedOn: string | null;
      figures: Array<{ value: number; targetId?: string }>;
    }> = await t.db.query(
      `SELECT r.assignment_id AS "assignmentId", r.period_kind AS "periodKind",
              r.period_start AS "periodStart", r.status, r.figures,
              to_char(r.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "submittedOn",
              to_char(r.reviewed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "reviewedOn"
       FROM progress_reports r JOIN assignments a ON a.id = r.assignment_id WHERE a.plan_id = $1`,
      [planId],
    );
    const targets: Array<{ id: string; itemId: string; count: number; per: PeriodKind | 'term' }> =
      await t.db.query(
        `SELECT rt.id, rt.item_id AS "itemId", rt.count, rt.per FROM recurring_targets rt
         JOIN items i ON i.id = rt.item_id WHERE i.plan_id = $1`,
        [planId],
      );
    const truth = new Map<string, Record<string, number>>();
    for (const a of shares) {
      const n = truth.get(a.unitId) ?? {
        due: 0,
        missing: 0,
        targets: 0,
        met: 0,
        behind: 0,
        not_due: 0,
      };
      truth.set(a.unitId, n);
      const current = periodContaining(a.frequency, asOf);
      const previous = periodContaining(a.frequency, addDays(current.start, -1));
      const open = !a.completedOn || a.completedOn > asOf;
      const owed = a.planStatus === 'active' && (a.planStart ?? '1900-01-01') < current.start;
      if (open && owed) {
        n.due++;
        const filed = reports.some(
          (r) =>
            r.assignmentId === a.id &&
            r.periodKind === a.frequency &&
            r.periodStart === previous.start &&
            ['submitted', 'accepted'].includes(r.status) &&
            r.submittedOn! <= asOf,
        );
        if (!filed) n.missing++;
      }
      // The statistics' SQL against the one TypeScript rule the targets endpoint uses.
      for (const target of targets.filter((x) => x.itemId === a.itemId)) {
        const period = isTermTarget(target.per)
          ? planTerm(a.plan, asOf)
          : { start: `${asOf.slice(0, 4)}-01-01`, end: `${asOf.slice(0, 4)}-12-31` };
        const required = requiredCount(target.count, target.per);
        const achieved = reports
          .filter(
            (r) =>
              r.assignmentId === a.id &&
              r.status === 'accepted' &&
              r.periodStart.slice(0, 4) >= period.start.slice(0, 4) &&
              r.periodStart.slice(0, 4) <= period.end.slice(0, 4) &&
              r.reviewedOn! <= asOf,
          )
          .flatMap((r) => r.figures)
          .filter((f) => f.targetId === target.id)
          .reduce((sum, f) => sum + f.value, 0);
        n.targets++;
        n[targetStanding(required, achieved, period, asOf)]++;
      }
    }

    const res = await get(`/supervision/statistics?planId=${planId}&asOf=${asOf}&groupBy=unit`);
    expect(res.status).toBe(200);
    const rows: Array<Record<string, number | string>> = res.body.rows;
    expect(rows.map((r) => r.id).sort()).toEqual([...truth.keys()].sort());
    for (const row of rows) {
      const n = truth.get(row.id as string)!;
      expect({
        reportsDue: row.reportsDue,
        reportsMissing: row.reportsMissing,
        recurringTargets: row.recurringTargets,
        recurringTargetsMet: row.recurringTargetsMet,
        recurringTargetsBehind: row.recurringTargetsBehind,
        recurringTargetsNotDue: row.recurringTargetsNotDue,
      }).toEqual({
        reportsDue: n.due,
        reportsMissing: n.missing,
        recurringTargets: n.targets,
        recurringTargetsMet: n.met,
        recurringTargetsBehind: n.behind,
        recurringTargetsNotDue: n.not_due,
      });
    }
    const total = (key: string) => rows.reduce((sum, r) => sum + (r[key] as number), 0);
    expect(total('recurringTargetsMet')).toBe(1);
    // 1 of 4 in March is not behind the share due by then, 0 of 60 学时 is (pro rata); and
    // every target is counted as one of the three.
    expect(total('recurringTargetsBehind')).toBeGreaterThan(0);
    expect(
      total('recurringTargetsMet') +
        total('recurringTargetsBehind') +
        total('recurringTargetsNotDue'),
    ).toBe(total('recurringTargets'));
    expect(total('reportsMissing')).toBeLessThan(total('reportsDue'));
    const byPlan = (await get(`/supervision/statistics?planId=${planId}&asOf=${asOf}&groupBy=plan`))
      .body.rows[0];
    expect(byPlan.reportsMissing).toBe(total('reportsMissing'));
    expect(byPlan.recurringTargets).toBe(total('recurringTargets'));
  });

  it('runs a full notice cycle: issue, answer, return, answer again, close; overdue ones count', async () => {
    const [share] = await t.db.query(
      `SELECT a.id FROM assignments a JOIN units u ON u.id = a.unit_id JOIN items i ON i.id = a.item_id
       WHERE a.plan_id = $1 AND u.name = '区经发局' AND i.number = 4`,
      [planId],
    );
    const unitId = (await t.db.query("SELECT id FROM units WHERE name = '区经发局'"))[0].id;
    const supervisor = await t.as('supervisor');
    const issued = await t
      .http()
      .post('/supervision/notices')
      .set(supervisor)
      .send({
        unitId,
        assignmentIds: [share.id],
        reason: '请说明进展缓慢的原因',
        replyBy: '2025-03-20',
      });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'issued', unitName: '区经发局', overdue: false });
    expect(issued.body.assignments).toHaveLength(1);
    const id = issued.body.id;

    const clerk = await t.as('jingfaju');
    const mine = await t.http().get('/supervision/notices').set(clerk);
    expect(mine.body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect(
      (
        await t
          .http()
          .get(`/supervision/notices/${id}`)
          .set(await t.as('renlaoju'))
      ).status,
    ).toBe(404);
    const wrongUnit = await t
      .http()
      .post(`/supervision/notices/${id}/answer`)
      .set(await t.as('renlaoju'))
      .send({ version: 1, answer: '不是我们的' });
    expect(wrongUnit.status).toBe(404);

    const answered = await t
      .http()
      .post(`/supervision/notices/${id}/answer`)
      .set(clerk)
      .send({ version: 1, answer: '已制定整改计划' });
    expect(answered.body).toMatchObject({ status: 'answered', answerText: '已制定整改计划' });
    const noComment = await t
      .http()
      .post(`/supervision/notices/${id}/return`)
      .set(supervisor)
      .send({ version: answered.body.version });
    expect(noComment.status).toBe(400);
    const returned = await t
      .http()
      .post(`/supervision/notices/${id}/return`)
      .set(supervisor)
      .send({ version: answered.body.version, comment: '请补充完成时间' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '请补充完成时间' });
    const stale = await t
      .http()
      .post(`/supervision/notices/${id}/answer`)
      .set(clerk)
      .send({ version: answered.body.version, answer: 'x' });
    expect(stale.status).toBe(409);
    const again = await t
      .http()
      .post(`/supervision/notices/${id}/answer`)
      .set(clerk)
      .send({ version: returned.body.version, answer: '4 月底前完成' });
    const closed = await t
      .http()
      .post(`/supervision/notices/${id}/close`)
      .set(supervisor)
      .send({ version: again.body.version, comment: '同意' });
    expect(closed.body.status).toBe('closed');
    const reopen = await t
      .http()
      .post(`/supervision/notices/${id}/answer`)
      .set(clerk)
      .send({ version: closed.body.version, answer: 'y' });
    expect(reopen.status).toBe(409);

    // A notice left unanswered past its reply-by date counts against the unit.
    await t
      .http()
      .post('/supervision/notices')
      .set(supervisor)
      .send({ unitId, assignmentIds: [share.id], reason: '逾期督办', replyBy: '2025-03-12' })
      .expect(201);
    const stats = async (asOf: string) =>
      (await get(`/supervision/statistics?planId=${planId}&asOf=${asOf}`)).body.rows.find(
        (r: { id: string }) => r.id === unitId,
      ).noticesOverdue;
    expect(await stats('2025-03-12')).toBe(0);
    expect(await stats('2025-03-13')).toBe(1);
    // The plan and the section the notice is about count it too.
    for (const groupBy of ['plan', 'section']) {
      const rows = (
        await get(`/supervision/statistics?planId=${planId}&asOf=2025-03-13&groupBy=${groupBy}`)
      ).body.rows as Array<{ noticesOverdue: number }>;
      expect(rows.reduce((n, r) => n + r.noticesOverdue, 0)).toBe(1);
    }
    const overdueList = await t
      .http()
      .get('/supervision/notices?overdue=true&asOf=2025-03-13')
      .set(supervisor);
    expect(overdueList.body.items.every((n: { replyBy: string }) => n.replyBy < '2025-03-13')).toBe(
      true,
    );
    expect(overdueList.body.total).toBeGreaterThanOrEqual(1);
  });

  it('refuses a notice about another unit’s work and a reply-by date in the past', async () => {
    const supervisor = await t.as('supervisor');
    const unitId = (await t.db.query("SELECT id FROM units WHERE name = '区经发局'"))[0].id;
    const [other] = await t.db.query(
      "SELECT a.id FROM assignments a JOIN units u ON u.id = a.unit_id WHERE a.plan_id = $1 AND u.name = '区行政服务中心' ORDER BY a.id LIMIT 1",
      [planId],
    );
    const res = await t
      .http()
      .post('/supervision/notices')
      .set(supervisor)
      .send({ unitId, assignmentIds: [other.id], reason: 'x', replyBy: '2025-04-01' });
    expect(res.status).toBe(400);
    const past = await t
      .http()
      .post('/supervision/notices')
      .set(supervisor)
      .send({ unitId, assignmentIds: [], reason: 'x', replyBy: '2025-01-01' });
    expect(past.status).toBe(400);
  });

  it.each([
    ['GET', '/supervision/overdue'],
    ['GET', '/supervision/warnings'],
    ['GET', '/supervision/statistics'],
    ['GET', '/supervision/exports/overdue.xlsx'],
    ['GET', 'BREAKDOWN'],
    ['POST', '/supervision/notices'],
  ])('keeps %s %s from unit clerks (403)', async (method, path) => {
    const url = path === 'BREAKDOWN' ? `/plans/${planId}/breakdown.xlsx` : path;
    const req = method === 'GET' ? t.http().get(url) : t.http().post(url).send({});
    const res = await req.set(await t.as('jingfaju'));
    expect(res.status).toBe(403);
  });

  it('exports the overdue list as xlsx with Chinese headers and the filters applied', async () => {
    const q = `planId=${planId}&asOf=2024-01-02`;
    const api = (await get(`/supervision/overdue?${q}&pageSize=500`)).body;
    const res = await t
      .http()
      .get(`/supervision/exports/overdue.xlsx?${q}`)
      .set(await t.as('leader'))
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const rows = await readWorkbook(res.body);
    expect(rows[0][0]).toBe('逾期任务清单（截至 2024-01-02）');
    expect(rows[1]).toEqual([
      '序号',
      '方案',
      '条目',
      '任务内容',
      '责任单位',
      '角色',
      '完成时限',
      '逾期天数',
      '状态',
      '进度',
      '最近报送',
    ]);
    expect(rows.length - 2).toBe(api.total);
    expect(rows[2]).toEqual([
      1,
      api.items[0].planTitle,
      `(${api.items[0].itemNumberText})`,
      api.items[0].itemTitle,
      api.items[0].unitName,
      api.items[0].role === 'lead' ? '牵头' : '配合',
      api.items[0].dueOn,
      api.items[0].daysOverdue,
      '未开始',
      '0%',
    ]);
  });

  it('exports the plan’s task breakdown table, one row per item', async () => {
    const res = await t
      .http()
      .get(`/plans/${planId}/breakdown.xlsx?asOf=2023-01-01`)
      .set(await t.as('supervisor'))
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    const rows = await readWorkbook(res.body);
    expect(rows[1]).toEqual([
      '序号',
      '任务内容',
      '牵头单位',
      '配合单位',
      '完成时限',
      '进展情况',
      '状态',
      '预警',
    ]);
    expect(rows).toHaveLength(2 + 34);
    const seventh = rows.find((r) => String(r[1]).startsWith('(七)'))!;
    expect(seventh[2]).toBe('区行政服务中心');
    expect(String(seventh[3])).toContain('后谢镇');
    expect(seventh[4]).toBe('2022年年底前');
    expect(String(seventh[7])).toMatch(/^红灯/);
  });

  it('answers a refused export in JSON, not labelled as a workbook', async () => {
    const missing = await get('/plans/00000000-0000-4000-8000-000000000000/breakdown.xlsx');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.body.message).toBe('未找到该方案');
  });

  it('counts days overdue from the due date in force, so the most overdue are the earliest due even after an extension', async () => {
    const leader = await t.as('leader');
    const clerk = await t.as('jingfaju');
    const send = async (path: string, body: object, who = leader) => {
      const res = await t.http().post(path).set(who).send(body);
      expect({ path, answer: res.status < 300 ? 'ok' : res.body }).toEqual({ path, answer: 'ok' });
      return res.body;
    };
    const plan = (await send('/plans', { title: '延期排序测试', status: 'active' })).id;
    const section = (
      await send(`/plans/${plan}/sections`, { number: 1, numberText: '一', title: '章' })
    ).id;
    const [{ id: unitId }] = await t.db.query("SELECT id FROM units WHERE name = '区经发局'");
    const share = async (number: number, dueOn: string) => {
      const item = await send(`/plans/${plan}/items`, {
        sectionId: section,
        number,
        numberText: String(number),
        title: `延期排序条目${number}`,
      });
      return (await send('/assignments', { itemId: item.id, unitId, role: 'lead', dueOn }))
        .created[0];
    };
    const extended = await share(1, '2025-04-01');
    const kept = await share(2, '2025-05-15');
    const asked = await send(
      `/assignments/${extended.id}/extension-requests`,
      { requestedDueOn: '2025-06-30', reason: '等待上级批复' },
      clerk,
    );
    await send(`/extension-requests/${asked.id}/approve`, { version: asked.version });

    // By the first due date the extended share would lead (122 days); by the date in force,
    // which the list, the lights, the digest and the 考评 all count from, it is 32 days.
    const rows = (await get(`/supervision/overdue?planId=${plan}&asOf=2025-08-01`)).body.items;
    expect(
      rows.map((r: { assignmentId: string; dueOn: string; daysOverdue: number }) => [
        r.assignmentId,
        r.dueOn,
        r.daysOverdue,
      ]),
    ).toEqual([
      [kept.id, '2025-05-15', 78],
      [extended.id, '2025-06-30', 32],
    ]);
  });

  it('exports 10,000 overdue rows correctly', async () => {
    const leader = await t.as('leader');
    const big = (
      await t.http().post('/plans').set(leader).send({ title: '万行导出测试', status: 'active' })
    ).body.id;
    const section = (
      await t
        .http()
        .post(`/plans/${big}/sections`)
        .set(leader)
        .send({ number: 1, numberText: '一', title: '章' })
    ).body.id;
    // Bulk rows straight into the tables: 100 items × 100 units.
    await t.db.query(
      `INSERT INTO units (name, kind) SELECT '导出测试单位' || g, 'department' FROM generate_series(1, 100) g`,
    );
    await t.db.query(
      `INSERT INTO items (plan_id, section_id, number, number_text, title, due_on)
       SELECT $1, $2, g, g::text, '导出测试条目' || g, '2024-12-31' FROM generate_series(1, 100) g`,
      [big, section],
    );
    await t.db.query(
      `INSERT INTO assignments (plan_id, item_id, unit_id, role, due_on)
       SELECT $1, i.id, u.id, 'co', '2024-12-31' FROM items i CROSS JOIN units u
       WHERE i.plan_id = $1 AND u.name LIKE '导出测试单位%'`,
      [big],
    );
    try {
      const res = await t
        .http()
        .get(`/supervision/exports/overdue.xlsx?planId=${big}&asOf=2025-01-31&sort=unit`)
        .set(leader)
        .buffer(true)
        .parse(binary as never);
      expect(res.status).toBe(200);
      const rows = await readWorkbook(res.body);
      expect(rows.length - 2).toBe(10_000);
      expect(rows[rows.length - 1][0]).toBe(10_000);
      expect(rows.slice(2).every((r) => r[7] === 31)).toBe(true);
      expect(new Set(rows.slice(2).map((r) => `${r[3]}|${r[4]}`)).size).toBe(10_000);
    } finally {
      // Gone again: the suites that run next in this Jest worker share its database, and ten
      // thousand overdue rows tripled their statistics and bulletins.
      for (const sql of [
        'DELETE FROM assignments WHERE plan_id = $1',
        'DELETE FROM items WHERE plan_id = $1',
        'DELETE FROM sections WHERE plan_id = $1',
        'DELETE FROM plans WHERE id = $1',
      ]) {
        await t.db.query(sql, [big]);
      }
      await t.db.query("DELETE FROM units WHERE name LIKE '导出测试单位%'");
    }
  }, 60_000);
});
