import { Pool } from 'pg';
import { loadDatabaseUrl } from '@app/config';
import { ReportFrequency, reportFiled, SESSION_OPTIONS } from '@app/database';
import { createTestApp, importSeedPlan, TestApp } from '../support/test-app';
import { ASSIGNMENTS_BY_CONTENT, seededRandom } from '../support/seeded-random';
import { waitFor } from '../support/worker';

jest.setTimeout(180_000);

/**
 * 应报未报 reads the days each assignment's reports count as filed, kept on its row by the
 * database (filed_days, migration AssignmentsFiledDays) and asked by the shared rule
 * (reportFiled). After every write of a random sequence, through the API and straight in SQL
 * (reports filed, submitted, accepted, returned, moved and deleted; the item's and the plan's
 * frequency changed), the rule gives the same answer on every day from 2024 to 2026 as the rule
 * written over the reports themselves, as the statistics and the digest asked it before.
 */
describe('the filed days on assignments', () => {
  let t: TestApp;
  let planId: string;
  const FREQUENCIES = Object.values(ReportFrequency);

  beforeAll(async () => {
    t = await createTestApp('2025-12-20');
    planId = await importSeedPlan(t, '报送测试〔2025〕1号');
  });
  afterAll(() => t.close());

  /**
   * Assignment and day where the kept days and the reports disagree: filed on day d means a
   * report at the assignment's frequency (the item's, else the plan's) for the period before
   * the one containing d, submitted or accepted, submitted by d (Beijing time).
   */
  const disagreements = (): Promise<Array<{ id: string; d: string }>> =>
    t.db.query(
      `WITH days AS (
         SELECT d::date AS d FROM generate_series('2024-01-01'::date, '2026-12-31'::date, interval '1 day') d
       )
       SELECT a.id, to_char(days.d, 'YYYY-MM-DD') AS d
       FROM assignments a JOIN plans p ON p.id = a.plan_id
       CROSS JOIN LATERAL (SELECT COALESCE(a.item_report_frequency, p.report_frequency) AS f) s
       CROSS JOIN days
       WHERE a.plan_id = $1 AND (${reportFiled('days.d')}) IS DISTINCT FROM EXISTS (
         SELECT 1 FROM progress_reports r
         WHERE r.assignment_id = a.id
           AND r.period_kind = s.f
           AND r.status IN ('submitted', 'accepted')
           AND (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= days.d
           AND r.period_start = ((CASE s.f
             WHEN 'week' THEN date_trunc('week', days.d::timestamp)
             WHEN 'month' THEN date_trunc('month', days.d::timestamp)
             WHEN 'quarter' THEN date_trunc('quarter', days.d::timestamp)
             WHEN 'half' THEN date_trunc('year', days.d::timestamp)
               + CASE WHEN extract(month FROM days.d) > 6 THEN interval '6 months' ELSE interval '0' END
             ELSE date_trunc('year', days.d::timestamp) END)
             - (CASE s.f WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                 WHEN 'quarter' THEN interval '3 months' WHEN 'half' THEN interval '6 months'
                 ELSE interval '1 year' END))::date)
       ORDER BY 1, 2 LIMIT 5`,
      [planId],
    );

  const reportsOf = async (where: string, params: unknown[] = []) =>
    (
      await t.db.query(
        `SELECT r.id, r.version FROM progress_reports r JOIN assignments a ON a.id = r.assignment_id
         WHERE a.plan_id = $1 AND ${where}
         ORDER BY ${ASSIGNMENTS_BY_CONTENT}, r.period_kind, r.period_start`,
        [planId, ...params],
      )
    ).map((r: { id: string; version: number }) => r) as Array<{ id: string; version: number }>;

  it('answer as the reports do after 80 random writes', async () => {
    const clerk = await t.as('xingzhengfuwu');
    const leader = await t.as('leader');
    const own: string[] = (
      await t.db.query(
        `SELECT a.id FROM assignments a JOIN units u ON u.id = a.unit_id
         WHERE a.plan_id = $1 AND u.name = '区行政服务中心' ORDER BY a.item_number`,
        [planId],
      )
    ).map((r: { id: string }) => r.id);
    const all: string[] = (
      await t.db.query(
        `SELECT a.id FROM assignments a JOIN units u ON u.id = a.unit_id
         WHERE a.plan_id = $1 ORDER BY a.item_number, u.name`,
        [planId],
      )
    ).map((r: { id: string }) => r.id);
    expect(own.length).toBeGreaterThan(0);
    // A few assignments take most writes, so their reports pile up and overlap.
    const busy = [...own.slice(0, 2), ...all.slice(0, 4)];
    const items: string[] = (
      await t.db.query(
        `SELECT i.id AS item_id FROM items i
         WHERE i.id IN (SELECT item_id FROM assignments WHERE id = ANY($1::uuid[])) ORDER BY i.number`,
        [busy],
      )
    ).map((r: { item_id: string }) => r.item_id);
    const r = seededRandom(29);
    const day = () => {
      const d = new Date(Date.UTC(2024, 0, 1) + r.int(730) * 86_400_000);
      return d.toISOString().slice(0, 10);
    };
    const frequencyOf = async (id: string): Promise<string> =>
      (
        await t.db.query(
          `SELECT COALESCE(a.item_report_frequency, p.report_frequency) AS f
           FROM assignments a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1`,
          [id],
        )
      )[0].f;
    const done = new Set<string>();
    let mostFiled = 0;
    for (let step = 0; step < 80; step++) {
      const kind = r.pick([
        'file',
        'submit',
        'accept',
        'return',
        'sql insert',
        'sql update',
        'sql delete',
        'item frequency',
        'plan frequency',
      ] as const);
      // "Now" moves, so reports are submitted on days before, inside and after their period.
      t.clock.set(day() > '2025-12-20' ? '2025-12-20' : day());
      if (kind === 'file') {
        // Mostly at the assignment's own frequency, the reports that count.
        const id = r.pick(own);
        const res = await t
          .http()
          .post(`/assignments/${id}/reports`)
          .set(clerk)
          .send({
            periodDate: day() > '2025-12-01' ? '2025-11-15' : day(),
            periodKind: r.chance(0.7) ? await frequencyOf(id) : r.pick(FREQUENCIES),
            workDone: `随机报送第${step}步`,
            percent: r.int(101),
          });
        // 409: a report for that period exists already; 400: the period has not begun yet.
        expect([201, 400, 409]).toContain(res.status);
        if (res.status === 201 && r.chance(0.6)) {
          const sent = await t
            .http()
            .post(`/reports/${res.body.id}/submit`)
            .set(clerk)
            .send({ version: res.body.version });
          expect(sent.status).toBe(200);
        }
      } else if (kind === 'submit') {
        const ready = await reportsOf("r.status IN ('draft', 'returned') AND a.id = ANY($2)", [
          own,
        ]);
        if (ready.length) {
          const one = r.pick(ready);
          const res = await t
            .http()
            .post(`/reports/${one.id}/submit`)
            .set(clerk)
            .send({ version: one.version });
          expect(res.status).toBe(200);
        }
      } else if (kind === 'accept' || kind === 'return') {
        const submitted = await reportsOf("r.status = 'submitted' AND a.id = ANY($2)", [own]);
        if (submitted.length) {
          const one = r.pick(submitted);
          const res = await t
            .http()
            .post(`/reports/${one.id}/${kind}`)
            .set(leader)
            .send({ version: one.version, comment: '请补充佐证材料' });
          expect(res.status).toBe(200);
        }
      } else if (kind === 'sql insert') {
        // Any frequency, aligned or not (an unaligned period start is never a due period), any
        // status, submitted on any day: the database keeps the days whoever writes.
        const id = r.pick(busy);
        const kindOf = r.chance(0.6) ? await frequencyOf(id) : r.pick(FREQUENCIES);
        const start = r.chance(0.8)
          ? `date_trunc('${kindOf === 'half' ? 'quarter' : kindOf}', $3::date)::date`
          : '$3::date';
        await t.db.query(
          `INSERT INTO progress_reports (assignment_id, period_kind, period_start, period_end,
             work_done, percent, status, submitted_at)
           VALUES ($1, $2, ${start}, ${start} + 6, '直接写入', 50, $4::report_status,
             CASE WHEN $4::report_status = 'draft' THEN NULL ELSE $5::timestamptz END)
           ON CONFLICT DO NOTHING`,
          [
            id,
            kindOf,
            day(),
            r.pick(['draft', 'submitted', 'accepted', 'returned']),
            `${day()}T${r.pick(['01', '12', '23'])}:30:00+08:00`,
          ],
        );
      } else if (kind === 'sql update') {
        const any = await reportsOf('a.id = ANY($2)', [busy]);
        if (any.length) {
          const [column, value] = r.chance(0.5)
            ? ['status', r.pick(['submitted', 'accepted', 'returned', 'draft'])]
            : ['submitted_at', `${day()}T09:00:00+08:00`];
          await t.db.query(`UPDATE progress_reports SET ${column} = $2 WHERE id = $1`, [
            r.pick(any).id,
            value,
          ]);
        }
      } else if (kind === 'sql delete') {
        const any = await reportsOf('a.id = ANY($2)', [busy]);
        if (any.length)
          await t.db.query('DELETE FROM progress_reports WHERE id = $1', [r.pick(any).id]);
      } else if (kind === 'item frequency') {
        const frequency = r.pick([...FREQUENCIES, null]);
        if (frequency === null) {
          await t.db.query('UPDATE items SET report_frequency = NULL WHERE id = $1', [
            r.pick(items),
          ]);
        } else {
          const res = await t
            .http()
            .patch(`/items/${r.pick(items)}`)
            .set(leader)
            .send({ reportFrequency: frequency });
          expect(res.status).toBe(200);
        }
      } else {
        await t.db.query('UPDATE plans SET report_frequency = $2 WHERE id = $1', [
          planId,
          r.pick(FREQUENCIES),
        ]);
      }
      done.add(kind);
      const [{ filed }] = await t.db.query(
        `SELECT count(*)::int AS filed FROM assignments WHERE plan_id = $1 AND filed_days <> '{}'`,
        [planId],
      );
      mostFiled = Math.max(mostFiled, filed);
      // Checked after every write, so a failure names the write that broke it.
      expect({ step, kind, disagreements: await disagreements() }).toEqual({
        step,
        kind,
        disagreements: [],
      });
    }
    expect(done.size).toBe(9);
    // The comparisons met filed days on several assignments at once, not only empty ones.
    expect(mostFiled).toBeGreaterThanOrEqual(3);
  });

  it('see a report another transaction committed while theirs waited', async () => {
    const pool = new Pool({
      connectionString: loadDatabaseUrl(),
      max: 2,
      options: SESSION_OPTIONS,
    });
    const [one, two] = [await pool.connect(), await pool.connect()];
    try {
      await t.db.query(
        `UPDATE items SET report_frequency = 'month' WHERE id = (SELECT a.item_id FROM assignments a
          WHERE a.plan_id = $1 ORDER BY ${ASSIGNMENTS_BY_CONTENT} LIMIT 1)`,
        [planId],
      );
      const [{ id }] = await t.db.query(
        `SELECT a.id FROM assignments a WHERE a.plan_id = $1
         ORDER BY ${ASSIGNMENTS_BY_CONTENT} LIMIT 1`,
        [planId],
      );
      await t.db.query('DELETE FROM progress_reports WHERE assignment_id = $1', [id]);
      const file = (c: typeof one, month: string) =>
        c.query(
          `INSERT INTO progress_reports (assignment_id, period_kind, period_start, period_end,
             work_done, percent, status, submitted_at)
           VALUES ($1, 'month', $2::date, ($2::date + interval '1 month' - interval '1 day')::date,
             '并发报送', 50, 'submitted', $2::date + interval '1 month 2 days')`,
          [id, month],
        );
      await one.query('BEGIN');
      await two.query('BEGIN');
      await file(one, '2025-03-01');
      // The second waits for the first's lock on the assignment, then reads the first's report.
      const waiting = file(two, '2025-05-01');
      await waitFor('the second to wait for the lock', async () => {
        const [{ n }] = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return n > 0;
      });
      await one.query('COMMIT');
      await waiting;
      await two.query('COMMIT');
      // Both reports count: April 3–30 for March's, June 3–30 for May's.
      const filed: Array<{ d: string }> = await t.db.query(
        `SELECT to_char(d, 'MM-DD') AS d FROM assignments a JOIN plans p ON p.id = a.plan_id
         CROSS JOIN generate_series('2025-01-01'::date, '2025-12-31'::date, interval '1 day') d
         WHERE a.id = $1 AND ${reportFiled('d::date')} ORDER BY d`,
        [id],
      );
      expect(filed.length).toBe(56);
      expect([filed[0].d, filed[27].d, filed[28].d, filed[55].d]).toEqual([
        '04-03',
        '04-30',
        '06-03',
        '06-30',
      ]);
      expect(await disagreements()).toEqual([]);
    } finally {
      one.release();
      two.release();
      await pool.end();
    }
  });
});
