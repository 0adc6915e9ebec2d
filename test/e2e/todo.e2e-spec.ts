import { openWorkSql } from '@app/database';
import { createTestApp, importSeedPlan, shareOf, TestApp } from '../support/test-app';

interface TodoAssignment {
  assignmentId: string;
  planId: string;
  level: string;
  reportMissing: boolean;
}

describe('GET /me/todo: what waits for each role', () => {
  let t: TestApp;
  let planId: string;
  const todo = async (login: string) => {
    const res = await t
      .http()
      .get('/me/todo')
      .set(await t.as(login));
    expect(res.status).toBe(200);
    return res.body;
  };
  const unitOf = async (assignmentId: string): Promise<string> =>
    (await t.db.query('SELECT unit_id FROM assignments WHERE id = $1', [assignmentId]))[0].unit_id;
  const unitIdOf = async (username: string): Promise<string> =>
    (await t.db.query('SELECT unit_id FROM users WHERE username = $1', [username]))[0].unit_id;

  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕113号');
  }, 60_000);
  afterAll(() => t.close());

  it('gives a unit its own assignments with the lights the supervision office sees', async () => {
    const body = await todo('xingzhengfuwu');
    const unitId = await unitIdOf('xingzhengfuwu');
    expect(body).toMatchObject({ role: 'unit', today: '2025-03-10' });
    expect(body.leadership).toBeUndefined();
    const mine: TodoAssignment[] = body.unit.assignments;
    expect(mine.length).toBeGreaterThan(0);
    for (const a of mine) expect(await unitOf(a.assignmentId)).toBe(unitId);

    // Red here is exactly the supervision office's overdue list for this unit and plan.
    const overdue = await t
      .http()
      .get(`/supervision/overdue?unitId=${unitId}&planId=${planId}&pageSize=500`)
      .set(await t.as('supervisor'));
    const red = mine.filter((a) => a.planId === planId && a.level === 'red');
    expect(red.map((a) => a.assignmentId).sort()).toEqual(
      overdue.body.items.map((r: { assignmentId: string }) => r.assignmentId).sort(),
    );
    expect(red.length).toBeGreaterThan(0);
    // 应报未报 of the active seed copy: the February report is owed and not filed.
    expect(body.unit.reportsDue).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ periodStart: '2025-02-01', periodLabel: '2025年2月' }),
      ]),
    );
  });

  it('puts a submitted report in the review inbox, a returned one back on the unit’s list only', async () => {
    const share = await shareOf(t, planId, 7, '区行政服务中心');
    const clerk = await t.as('xingzhengfuwu');
    const draft = await t.http().post(`/assignments/${share.id}/reports`).set(clerk).send({
      periodDate: '2025-02-14',
      workDone: '政务服务事项全部进驻大厅',
      percent: 50,
    });
    expect(draft.status).toBe(201);
    const submitted = await t
      .http()
      .post(`/reports/${draft.body.id}/submit`)
      .set(clerk)
      .send({ version: draft.body.version });
    expect(submitted.status).toBe(200);
    const due = (await todo('xingzhengfuwu')).unit.reportsDue;
    expect(due.map((r: { assignmentId: string }) => r.assignmentId)).not.toContain(share.id);

    const inbox = (await todo('leader')).leadership.reviewInbox;
    const entry = inbox.find((e: { reportId: string }) => e.reportId === draft.body.id);
    expect(entry).toMatchObject({
      kind: 'report',
      unitName: '区行政服务中心',
      itemNumberText: '七',
      periodLabel: '2025年2月',
    });
    const since = inbox.map((e: { since: string }) => e.since);
    expect([...since].sort()).toEqual(since);

    const returned = await t
      .http()
      .post(`/reports/${draft.body.id}/return`)
      .set(await t.as('leader'))
      .send({ version: submitted.body.version, comment: '请补充数据' });
    expect(returned.status).toBe(200);
    const back = (await todo('xingzhengfuwu')).unit.returnedReports;
    expect(back).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reportId: draft.body.id, reviewComment: '请补充数据' }),
      ]),
    );
    const other = await todo('renlaoju');
    expect(other.unit.returnedReports.map((r: { reportId: string }) => r.reportId)).not.toContain(
      draft.body.id,
    );
    const otherUnit = await unitIdOf('renlaoju');
    for (const a of other.unit.assignments) expect(await unitOf(a.assignmentId)).toBe(otherUnit);
    expect(
      (await todo('leader')).leadership.reviewInbox.map((e: { reportId: string }) => e.reportId),
    ).not.toContain(draft.body.id);
  });

  it('shows a notice to its unit only, and to the supervision office with overdue work by unit', async () => {
    const share = await shareOf(t, planId, 7, '区行政服务中心');
    const unitId = await unitIdOf('xingzhengfuwu');
    const issued = await t
      .http()
      .post('/supervision/notices')
      .set(await t.as('supervisor'))
      .send({ unitId, assignmentIds: [share.id], reason: '请说明进展', replyBy: '2025-03-20' });
    expect(issued.status).toBe(201);
    const unitNotices = (await todo('xingzhengfuwu')).unit.notices;
    expect(unitNotices).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: issued.body.id, overdue: false })]),
    );
    const others = (await todo('renlaoju')).unit.notices.map((n: { id: string }) => n.id);
    expect(others).not.toContain(issued.body.id);

    const office = (await todo('supervisor')).supervision;
    expect(office.notices.map((n: { id: string }) => n.id)).toContain(issued.body.id);
    expect(office.redTotal).toBeGreaterThan(0);
    const row = office.overdueByUnit.find((r: { unitId: string }) => r.unitId === unitId);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int FROM assignments a JOIN plans p ON p.id = a.plan_id
       WHERE a.unit_id = $1 AND ${openWorkSql()} AND a.due_on < '2025-03-10'`,
      [unitId],
    );
    expect(row.overdue).toBe(count);
    expect(
      office.warnings.every((w: { level: string }) => ['red', 'yellow'].includes(w.level)),
    ).toBe(true);
  });

  it('lists draft plans for the leadership office and counts the directory for admin', async () => {
    const created = await t
      .http()
      .post('/plans')
      .set(await t.as('leader'))
      .send({ title: '待办测试方案', defaultDueOn: '2026-12-31' });
    expect(created.status).toBe(201);
    const drafts = (await todo('leader')).leadership.draftPlans;
    expect(drafts.map((p: { id: string }) => p.id)).toContain(created.body.id);

    const admin = (await todo('admin')).admin;
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM unit_groups)::int AS groups,
         (SELECT count(*) FROM users)::int AS users`,
    );
    // 2025-03-10: this year's and next year's holidays are known, so no calendar warning.
    expect(admin).toEqual({ ...counts, calendarWarning: null });
  });
});
