import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { binary } from '../support/binary';
import { createTestApp, importSeedPlan, TestApp } from '../support/test-app';

/** 考评 and 情况通报 (issue 16, point 5), judged on 2025-03-10 for the first quarter of 2025. */
describe('assessment: scores, ranking, bulletin', () => {
  let t: TestApp;
  let planId: string;
  let jingfaju: string;
  let renlaoju: string;
  let noticeNumber: string;
  const START = '2025-01-01';
  const AS_OF = '2025-03-10';
  const Q = `periodKind=quarter&date=${AS_OF}`;

  const get = async (path: string, login = 'supervisor') =>
    t
      .http()
      .get(path)
      .set(await t.as(login));
  const file = async (path: string, login = 'supervisor') =>
    t
      .http()
      .get(path)
      .set(await t.as(login))
      .buffer(true)
      .parse(binary as never);

  beforeAll(async () => {
    t = await createTestApp(AS_OF);
    planId = await importSeedPlan(t, '漯开文〔2025〕805号');
    const unit = async (name: string) =>
      (await t.db.query('SELECT id FROM units WHERE name = $1', [name]))[0].id as string;
    jingfaju = await unit('区经发局');
    renlaoju = await unit('区人劳局');
    // Two of 区经发局's shares fall due in the quarter: one done early, one done late.
    const shares: Array<{ id: string }> = await t.db.query(
      `SELECT a.id FROM assignments a JOIN items i ON i.id = a.item_id
       WHERE a.plan_id = $1 AND a.unit_id = $2 AND a.due_on > $3 ORDER BY i.number LIMIT 3`,
      [planId, jingfaju, AS_OF],
    );
    await t.db.query(
      `UPDATE assignments SET due_on = '2025-02-15', completed_on = '2025-02-10', status = 'completed',
         progress_percent = 100 WHERE id = $1`,
      [shares[0].id],
    );
    await t.db.query(
      `UPDATE assignments SET due_on = '2025-02-15', completed_on = '2025-03-01', status = 'completed',
         progress_percent = 100 WHERE id = $1`,
      [shares[1].id],
    );
    // 签收 in the quarter: 区经发局 signed one share in time and one late; 区人劳局 never signed one.
    const sign = (id: string, by: string, at: string | null) =>
      t.db.query(`UPDATE assignments SET acknowledge_by = $2, acknowledged_at = $3 WHERE id = $1`, [
        id,
        by,
        at,
      ]);
    await sign(shares[0].id, '2025-01-15', '2025-01-14T10:00:00+08:00');
    await sign(shares[1].id, '2025-01-15', '2025-01-20T10:00:00+08:00');
    const [unsigned] = await t.db.query(
      `SELECT id FROM assignments WHERE plan_id = $1 AND unit_id = $2 ORDER BY id LIMIT 1`,
      [planId, renlaoju],
    );
    await sign(unsigned.id, '2025-02-20', null);
    // February's report of the third share, filed in February (the rest are missing).
    const clerk = await t.as('jingfaju');
    const report = await t.http().post(`/assignments/${shares[2].id}/reports`).set(clerk).send({
      periodDate: '2025-02-01',
      periodKind: 'month',
      workDone: '二月推进情况',
      percent: 20,
    });
    expect(report.status).toBe(201);
    const submitted = await t
      .http()
      .post(`/reports/${report.body.id}/submit`)
      .set(clerk)
      .send({ version: report.body.version });
    expect(submitted.status).toBe(200);
    await t.db.query(
      `UPDATE progress_reports SET submitted_at = '2025-02-28T10:00:00+08:00' WHERE id = $1`,
      [report.body.id],
    );
    // Two notices due today: 区经发局 answers its own, 区人劳局 does not.
    const sup = await t.as('supervisor');
    const issue = async (unitId: string) => {
      const [a] = await t.db.query(
        'SELECT id FROM assignments WHERE plan_id = $1 AND unit_id = $2 ORDER BY id LIMIT 1',
        [planId, unitId],
      );
      const res = await t
        .http()
        .post('/supervision/notices')
        .set(sup)
        .send({ unitId, assignmentIds: [a.id], reason: '请说明进展', replyBy: AS_OF });
      expect(res.status).toBe(201);
      return res.body;
    };
    const mine = await issue(jingfaju);
    noticeNumber = mine.number;
    await issue(renlaoju);
    const answered = await t
      .http()
      .post(`/supervision/notices/${mine.id}/answer`)
      .set(clerk)
      .send({ version: mine.version, answer: '已按要求整改完毕' });
    expect(answered.status).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  /** Each unit's score worked out here from the rows, by the README's default rules. */
  async function expectedScores(): Promise<Map<string, number>> {
    const live = "p.status = 'active'";
    const due: Array<{ unit: string; dueOn: string; completedOn: string | null }> =
      await t.db.query(
        `SELECT a.unit_id AS unit, a.due_on::text AS "dueOn", a.completed_on::text AS "completedOn"
         FROM assignments a JOIN plans p ON p.id = a.plan_id WHERE ${live}`,
      );
    const reports: Array<{ assignment: string; kind: string; start: string; submitted: string }> =
      await t.db.query(
        `SELECT assignment_id AS assignment, period_kind AS kind, period_start::text AS start,
                (submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS submitted
         FROM progress_reports WHERE status IN ('submitted', 'accepted')`,
      );
    const open: Array<{
      id: string;
      unit: string;
      freq: string;
      planStart: string | null;
      planActive: boolean;
      completedOn: string | null;
    }> = await t.db.query(
      `SELECT a.id, a.unit_id AS unit, COALESCE(i.report_frequency, p.report_frequency)::text AS freq,
              p.period_start::text AS "planStart", p.status = 'active' AS "planActive",
              a.completed_on::text AS "completedOn"
       FROM assignments a JOIN plans p ON p.id = a.plan_id JOIN items i ON i.id = a.item_id WHERE ${live}`,
    );
    const notices: Array<{ unit: string; replyBy: string; first: string | null }> =
      await t.db.query(
        `SELECT n.unit_id AS unit, n.reply_by::text AS "replyBy",
              (SELECT min((x.answered_at AT TIME ZONE 'Asia/Shanghai')::date)::text FROM notice_answers x
               WHERE x.notice_id = n.id) AS first FROM supervision_notices n`,
      );
    const signed = (x: string) => `(${x}.acknowledged_at AT TIME ZONE 'Asia/Shanghai')::date::text`;
    const acks: Array<{ unit: string; by: string; signed: string | null }> = await t.db.query(
      `SELECT a.unit_id AS unit, a.acknowledge_by::text AS by, ${signed('a')} AS signed
       FROM assignments a JOIN plans p ON p.id = a.plan_id
       WHERE ${live} AND a.acknowledge_by IS NOT NULL
       UNION ALL
       SELECT n.unit_id, n.acknowledge_by::text, ${signed('n')} FROM supervision_notices n
       WHERE n.acknowledge_by IS NOT NULL`,
    );
    const units: Array<{ id: string }> = await t.db.query(
      `SELECT DISTINCT a.unit_id AS id FROM assignments a JOIN plans p ON p.id = a.plan_id WHERE ${live}`,
    );
    // The days in the quarter up to AS_OF on which a period began, per frequency, and the start
    // of the period just ended on that day.
    const checks: Array<{ freq: string; day: string; previous: string }> = [];
    const months = (day: string, n: number) => {
      const d = new Date(`${day}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - n);
      return d.toISOString().slice(0, 10);
    };
    for (let d = new Date(`${START}T00:00:00Z`); d.toISOString().slice(0, 10) <= AS_OF;) {
      const day = d.toISOString().slice(0, 10);
      const [m, dd] = [d.getUTCMonth() + 1, d.getUTCDate()];
      if (d.getUTCDay() === 1) {
        const prev = new Date(d.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
        checks.push({ freq: 'week', day, previous: prev });
      }
      if (dd === 1) checks.push({ freq: 'month', day, previous: months(day, 1) });
      if (dd === 1 && m % 3 === 1) checks.push({ freq: 'quarter', day, previous: months(day, 3) });
      if (dd === 1 && m % 6 === 1) checks.push({ freq: 'half', day, previous: months(day, 6) });
      if (dd === 1 && m === 1) checks.push({ freq: 'year', day, previous: months(day, 12) });
      d = new Date(d.getTime() + 86_400_000);
    }
    const round2 = (n: number) => Math.round(n * 100) / 100;
    const share = (weight: number, done: number, owed: number) =>
      round2(owed ? (weight * done) / owed : weight);
    const result = new Map<string, number>();
    for (const { id: unit } of units) {
      const mineDue = due.filter((r) => r.unit === unit && r.dueOn >= START && r.dueOn <= AS_OF);
      const onTime = mineDue.filter(
        (r) => r.completedOn && r.completedOn <= AS_OF && r.completedOn <= r.dueOn,
      ).length;
      const overdue = due.filter(
        (r) => r.unit === unit && r.dueOn < AS_OF && !(r.completedOn && r.completedOn <= AS_OF),
      );
      const days = overdue.reduce(
        (n, r) => n + (Date.parse(AS_OF) - Date.parse(r.dueOn)) / 86_400_000,
        0,
      );
      let owed = 0;
      let filed = 0;
      for (const a of open.filter((o) => o.unit === unit)) {
        for (const c of checks.filter((x) => x.freq === a.freq)) {
          const isOpen = !(a.completedOn && a.completedOn <= c.day);
          const begun = (a.planStart ?? '1900-01-01') < c.day;
          if (!isOpen || !a.planActive || !begun) continue;
          owed++;
          if (
            reports.some(
              (r) =>
                r.assignment === a.id &&
                r.kind === a.freq &&
                r.start === c.previous &&
                r.submitted <= c.day,
            )
          )
            filed++;
        }
      }
      const mineNotices = notices.filter(
        (n) => n.unit === unit && n.replyBy >= START && n.replyBy <= AS_OF,
      );
      const answered = mineNotices.filter((n) => n.first && n.first <= n.replyBy).length;
      // 签收: limits that passed in the period (or fell on AS_OF and were met), signed in time.
      const inTime = (a: { by: string; signed: string | null }) =>
        a.signed !== null && a.signed <= a.by && a.signed <= AS_OF;
      const mineAcks = acks.filter(
        (a) => a.unit === unit && a.by >= START && (a.by < AS_OF || (a.by === AS_OF && inTime(a))),
      );
      result.set(
        unit,
        round2(
          share(40, onTime, mineDue.length) +
            round2(Math.max(0, 25 - (overdue.length * 1 + 0.1 * days))) +
            share(15, filed, owed) +
            share(10, answered, mineNotices.length) +
            share(10, mineAcks.filter(inTime).length, mineAcks.length),
        ),
      );
    }
    return result;
  }

  it('gives each unit a score equal to the sum of its parts, as worked out from the rows', async () => {
    const res = await get(`/assessment/scores?${Q}`);
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({
      kind: 'quarter',
      start: START,
      end: '2025-03-31',
      label: '2025年第一季度',
    });
    expect(res.body.asOf).toBe(AS_OF);
    const expected = await expectedScores();
    expect(res.body.rows).toHaveLength(expected.size);
    for (const row of res.body.rows) {
      const parts = row.parts as Array<{ points: number; available: boolean; weight: number }>;
      expect(row.score).toBeCloseTo(
        parts.filter((p) => p.available).reduce((n, p) => n + p.points, 0),
        6,
      );
      expect(row.maxScore).toBe(100);
      expect(row.score).toBeCloseTo(expected.get(row.unitId)!, 6);
    }
    const mine = res.body.rows.find((r: { unitId: string }) => r.unitId === jingfaju);
    const part = (key: string) => mine.parts.find((p: { key: string }) => p.key === key);
    expect(part('onTimeCompletion').counts).toEqual({ owed: 2, done: 1 });
    expect(part('onTimeCompletion').explanation).toBe('应完成任务2项，按时1项，得分 40×1/2=20');
    expect(part('noticesOnTime').counts.done).toBeGreaterThanOrEqual(1);
    expect(part('reportsOnTime').counts.done).toBeGreaterThanOrEqual(1);
    // 签收: one share signed in time and one late at least (other suites may add notices).
    expect(part('acknowledgedOnTime').counts.owed).toBeGreaterThanOrEqual(2);
    expect(part('acknowledgedOnTime').points).toBeLessThan(10);
    const other = res.body.rows.find((r: { unitId: string }) => r.unitId === renlaoju);
    const otherAck = other.parts.find((p: { key: string }) => p.key === 'acknowledgedOnTime');
    expect(otherAck.counts.owed - otherAck.counts.done).toBeGreaterThanOrEqual(1);
    // Ranked by score, ties alike.
    const scores = res.body.rows.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.body.rows[0].rank).toBe(1);
  });

  it('shows a unit every score but only its own parts, and refuses another unit’s detail', async () => {
    const res = await get(`/assessment/scores?${Q}`, 'jingfaju');
    expect(res.status).toBe(200);
    for (const row of res.body.rows) {
      if (row.unitId === jingfaju) expect(row.parts).toHaveLength(5);
      else expect(row.parts).toBeNull();
    }
    expect((await get(`/assessment/scores/${jingfaju}?${Q}`, 'jingfaju')).status).toBe(200);
    const other = await get(`/assessment/scores/${renlaoju}?${Q}`, 'jingfaju');
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('未找到该单位的考评');
    const office = await get(`/assessment/scores/${renlaoju}?${Q}`);
    expect(
      office.body.score.parts.find((p: { key: string }) => p.key === 'noticesOnTime').counts,
    ).toMatchObject({ done: 0 });
    expect((await get(`/assessment/bulletin.docx?${Q}`, 'jingfaju')).status).toBe(403);
    expect((await get(`/assessment/ranking.xlsx?${Q}`, 'jingfaju')).status).toBe(403);
  });

  it('lets the office change the rules, and the scores follow', async () => {
    const sup = await t.as('supervisor');
    const before = await get('/assessment/rules');
    expect(before.body.defaults.overdue).toEqual({ weight: 25, perItem: 1, perDay: 0.1 });
    const changed = await t
      .http()
      .put('/assessment/rules')
      .set(sup)
      .send({
        ...(before.body.version ? { version: before.body.version } : {}),
        rules: { overdue: { perDay: 0 }, onTimeCompletion: { weight: 50 } },
      });
    expect(changed.status).toBe(200);
    expect(changed.body.rules.overdue).toEqual({ weight: 25, perItem: 1, perDay: 0 });
    const mine = (await get(`/assessment/scores/${jingfaju}?${Q}`)).body.score;
    expect(mine.maxScore).toBe(110);
    expect(mine.parts.find((p: { key: string }) => p.key === 'onTimeCompletion').points).toBe(25);
    const stale = await t
      .http()
      .put('/assessment/rules')
      .set(sup)
      .send({ rules: { overdue: { perDay: 1 } } });
    expect(stale.status).toBe(409);
    const bad = await t
      .http()
      .put('/assessment/rules')
      .set(sup)
      .send({ version: changed.body.version, rules: { overdue: { perDay: -1 } } });
    expect(bad.status).toBe(400);
    const back = await t
      .http()
      .put('/assessment/rules')
      .set(sup)
      .send({
        version: changed.body.version,
        rules: { overdue: { perDay: 0.1 }, onTimeCompletion: { weight: 40 } },
      });
    expect(back.status).toBe(200);
    expect(
      (await get(`/assessment/scores?periodKind=month&date=2025-03-01&asOf=2025-02-01`)).status,
    ).toBe(400);
  });

  it('writes the bulletin (.docx) with figures, ranking, red work, notices with answers and praise', async () => {
    const res = await file(`/assessment/bulletin.docx?${Q}`);
    expect(res.status).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: res.body });
    expect(text).toContain('关于2025年第一季度重点任务落实情况的通报');
    for (const part of [
      '一、总体情况',
      '二、考评排名',
      '三、逾期未完成（红灯）任务',
      '四、督办及答复情况',
      '五、提前完成任务（予以表扬）',
    ])
      expect(text).toContain(part);
    const scores = (await get(`/assessment/scores?${Q}`)).body.rows;
    for (const row of scores) expect(text).toContain(row.unitName);
    const [red] = await t.db.query(
      `SELECT i.number_text AS n, i.title FROM assignments a JOIN items i ON i.id = a.item_id
       WHERE a.plan_id = $1 AND a.due_on < $2 AND a.completed_on IS NULL
       ORDER BY a.id LIMIT 1`,
      [planId, AS_OF],
    );
    expect(text).toContain(`(${red.n})${red.title}`);
    expect(text).toContain(noticeNumber);
    expect(text).toContain('已按要求整改完毕');
    expect(text).toContain('5天'); // the share done five days early is praised
  });

  it('downloads the ranking and the statistics as .xlsx', async () => {
    const ranking = await file(`/assessment/ranking.xlsx?${Q}`);
    expect(ranking.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ranking.body);
    const sheet = book.worksheets[0];
    const scores = (await get(`/assessment/scores?${Q}`)).body.rows;
    expect(sheet.rowCount).toBe(scores.length + 2);
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining(['名次', '单位', '得分', '按期完成']),
    );
    expect(sheet.getRow(3).getCell(3).value).toBe(scores[0].unitName);
    expect(sheet.getRow(3).getCell(4).value).toBe(scores[0].score);

    const stats = await file(`/supervision/exports/statistics.xlsx?asOf=${AS_OF}&planId=${planId}`);
    expect(stats.status).toBe(200);
    const statsBook = new ExcelJS.Workbook();
    await statsBook.xlsx.load(stats.body);
    const json = (await get(`/supervision/statistics?asOf=${AS_OF}&planId=${planId}`)).body.rows;
    expect(statsBook.worksheets[0].rowCount).toBe(json.length + 2);
    expect(statsBook.worksheets[0].getRow(3).getCell(3).value).toBe(json[0].name);
  });
});
