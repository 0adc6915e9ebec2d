import { DataSource } from 'typeorm';
import { addDays, periodContaining } from '@app/calendar';
import { PlanStatus, UnitOfWork } from '@app/database';
import { commitPlanImport } from '@app/plan-import';

const SYSTEM = { userId: null, unitId: null };

/*
 * Current work around the seed plan, so `npm start` on any date shows every light as of today:
 * a plan for this year (its own doc number, the seed plan untouched) whose items are placed
 * relative to today — completed on time and late, overdue, due soon and behind, on track,
 * submitted for acceptance — with reports filed, returned and missing, and an open notice.
 * `npm start` runs it after seed:demo; the tests do not (their demo data is the seed alone).
 * Idempotent: once this year's plan exists it changes nothing.
 */
interface Scenario {
  title: string;
  units: string;
  /** due date relative to today */
  due: number;
  status: 'not_started' | 'in_progress' | 'submitted' | 'completed';
  percent: number;
  /** completion relative to today */
  completed?: number;
  /** last month's report of the first unit */
  report?: 'accepted' | 'submitted' | 'returned';
}

const SCENARIOS: Scenario[] = [
  {
    title: '完成政务服务事项清单年度调整',
    units: '区行政服务中心',
    due: -60,
    status: 'completed',
    percent: 100,
    completed: -70,
    report: 'accepted',
  },
  {
    title: '开展行政执法案卷评查',
    units: '区司法局、区市场监管分局',
    due: -45,
    status: 'completed',
    percent: 100,
    completed: -30,
    report: 'accepted',
  },
  {
    title: '推进“一件事一次办”集成改革',
    units: '区行政服务中心、区经发局',
    due: -20,
    status: 'in_progress',
    percent: 50,
    report: 'returned',
  },
  {
    title: '组织年度综合应急演练',
    units: '区应急管理局',
    due: 7,
    status: 'in_progress',
    percent: 20,
  },
  {
    title: '落实重大行政决策合法性审查',
    units: '区党工委办公室、区司法局',
    due: 90,
    status: 'in_progress',
    percent: 40,
    report: 'accepted',
  },
  { title: '开展领导干部集体学法', units: '区人劳局', due: 150, status: 'not_started', percent: 0 },
  {
    title: '规范涉企行政检查',
    units: '区市场监管分局、区经发局',
    due: 30,
    status: 'submitted',
    percent: 100,
    report: 'submitted',
  },
  {
    title: '推进基层法治示范创建',
    units: '区社会事业服务中心',
    due: 200,
    status: 'in_progress',
    percent: 35,
    report: 'submitted',
  },
];

export function livePlanText(year: number): string {
  const items = SCENARIOS.map(
    (s, i) =>
      `(${'一二三四五六七八'[i]})${s.title}。按照年度工作安排推进落实。〔责任单位:${s.units}〕`,
  );
  return [
    `经开区${year}年法治政府建设工作要点`,
    `经开文〔${year}〕1号`,
    `为深入推进法治政府建设，现将${year}年工作要点印发如下。`,
    '一、重点任务',
    ...items.slice(0, 4),
    '二、保障措施',
    ...items.slice(4),
    `各责任单位要确保${year}年年底前全面完成。`,
  ].join('\n');
}

export async function seedLiveDemo(db: DataSource, today: string): Promise<string> {
  const year = Number(today.slice(0, 4));
  const docNumber = `经开文〔${year}〕1号`;
  if ((await db.query('SELECT 1 FROM plans WHERE doc_number = $1', [docNumber])).length) {
    return `${year} 年工作要点已存在，未改动`;
  }
  return new UnitOfWork(db).run(SYSTEM, async (tx) => {
    const summary = await commitPlanImport(tx, livePlanText(year), {
      status: PlanStatus.Active,
      createUnknownUnits: true,
    });
    // Demo data is shaped by direct SQL (dates and states no user could set in one step); it
    // runs only in `npm start`'s seeding, never through the API.
    const q = (sql: string, params: unknown[]) => tx.read.query(sql, params);
    // 签收: the plan's work was received, but for its last two items: the last one's limit has
    // passed (签收超时), the one before waits within its limit (未签收).
    await q(
      `WITH last AS (SELECT id, row_number() OVER (ORDER BY number DESC) AS n
                     FROM items WHERE plan_id = $1 AND NOT preamble)
       UPDATE assignments a SET
         acknowledged_at = CASE WHEN last.n IS NULL OR last.n > 2 THEN a.created_at END,
         acknowledge_by = CASE last.n WHEN 1 THEN $2::date WHEN 2 THEN $3::date
                          ELSE (a.created_at AT TIME ZONE 'Asia/Shanghai')::date END
       FROM assignments b LEFT JOIN last ON last.id = b.item_id
       WHERE a.id = b.id AND a.plan_id = $1`,
      [summary.planId, addDays(today, -1), addDays(today, 2)],
    );
    // The plan runs from 1 January, or from a year back early in January, so reports are owed.
    await q(`UPDATE plans SET period_start = $2, period_end = $3 WHERE id = $1`, [
      summary.planId,
      addDays(today, -300) < `${year}-01-01` ? addDays(today, -300) : `${year}-01-01`,
      addDays(today, 400),
    ]);
    const leader = (await q(`SELECT id FROM users WHERE username = 'leader'`, []))[0]?.id ?? null;
    const lastMonth = periodContaining('month', addDays(today.slice(0, 8) + '01', -1));
    for (const [index, s] of SCENARIOS.entries()) {
      const shares: Array<{ id: string; unit_id: string }> = await q(
        `SELECT a.id, a.unit_id FROM assignments a JOIN items i ON i.id = a.item_id
         WHERE a.plan_id = $1 AND i.number = $2 ORDER BY a.role, a.created_at`,
        [summary.planId, index + 1],
      );
      for (const share of shares) {
        await q(
          `UPDATE assignments SET due_on = $2, status = $3, progress_percent = $4, completed_on = $5
           WHERE id = $1`,
          [
            share.id,
            addDays(today, s.due),
            s.status,
            s.percent,
            s.completed === undefined ? null : addDays(today, s.completed),
          ],
        );
      }
      if (s.report && shares[0]) {
        const submittedAt = `${addDays(lastMonth.end, 3)}T10:00:00+08:00`;
        const reviewed =
          s.report === 'submitted' ? null : `${addDays(lastMonth.end, 6)}T16:00:00+08:00`;
        await q(
          `INSERT INTO progress_reports (assignment_id, period_kind, period_start, period_end, work_done,
             figures, problems, next_steps, percent, status, review_comment, submitted_at, reviewed_at,
             reviewed_by_user_id)
           VALUES ($1, 'month', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            shares[0].id,
            lastMonth.start,
            lastMonth.end,
            `${lastMonth.label}：${s.title}，已召开专题会议部署，完成阶段性工作。`,
            JSON.stringify([{ name: '专题会议', value: 2, unit: '次' }]),
            s.report === 'returned' ? '部分数据尚未汇总' : '',
            '继续按计划推进',
            s.percent,
            s.report,
            s.report === 'returned' ? '请补充办件数量和群众满意率' : null,
            submittedAt,
            reviewed,
            reviewed ? leader : null,
          ],
        );
      }
    }
    // An open supervision notice about the overdue item (三).
    const [overdue] = await q(
      `SELECT a.id, a.unit_id FROM assignments a JOIN items i ON i.id = a.item_id
       WHERE a.plan_id = $1 AND i.number = 3 ORDER BY a.role LIMIT 1`,
      [summary.planId],
    );
    const [supervisor] = await q(`SELECT id, unit_id FROM users WHERE username = 'supervisor'`, []);
    // Numbered as the API numbers a notice: the office's next number of the year.
    const noticeYear = Number(today.slice(0, 4));
    const [{ serial }] = supervisor
      ? await q(
          `INSERT INTO notice_number_counters (office_unit_id, year, last_serial) VALUES ($1, $2, 1)
           ON CONFLICT (office_unit_id, year)
           DO UPDATE SET last_serial = notice_number_counters.last_serial + 1
           RETURNING last_serial AS serial`,
          [supervisor.unit_id, noticeYear],
        )
      : await q(
          `SELECT COALESCE(max(number_serial), 0) + 1 AS serial FROM supervision_notices
           WHERE office_unit_id IS NULL AND number_year = $1`,
          [noticeYear],
        );
    const [notice] = await q(
      `INSERT INTO supervision_notices (unit_id, issued_by_user_id, reason, reply_by, status,
         office_unit_id, issued_on, number_year, number_serial, level, suggested_level)
       VALUES ($1, $2, $3, $4, 'issued', $5, $6, $7, $8, 'red', 'red') RETURNING id`,
      [
        overdue.unit_id,
        supervisor?.id ?? null,
        '“一件事一次办”集成改革已逾期，请说明原因和完成时间',
        addDays(today, 5),
        supervisor?.unit_id ?? null,
        today,
        noticeYear,
        serial,
      ],
    );
    await q(
      `INSERT INTO supervision_notice_assignments (notice_id, assignment_id) VALUES ($1, $2)`,
      [notice.id, overdue.id],
    );
    return `${year} 年工作要点：${SCENARIOS.length} 条，${summary.assignments.created} 项分工（按今天 ${today} 排布）`;
  });
}
