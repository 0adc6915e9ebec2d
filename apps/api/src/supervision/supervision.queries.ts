import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@app/database';
import { AcknowledgementFilter, acknowledgementSql } from '../chain/acknowledgement';
import {
  OverdueFilter,
  OverdueRow,
  StatGroup,
  StatisticsRow,
  SupervisionFilter,
  WarningQuery,
  WarningRow,
} from './supervision.dto';
import { periodContaining, PeriodKind, SQL_TIME_ZONE } from '@app/calendar';
import {
  duePeriodStart,
  openOnSql,
  planWorkingSql,
  reportFrequency,
  reportMissing,
  reportFiled,
  reportOwed,
  requiredCountSql,
  targetPeriodSql,
  unitOrderSql,
  PINYIN_COLLATION,
  targetStandingSql,
} from '@app/database';
import { Conditions, dueSoonBehind, expectedPercent, openOn, overdueOn, yellowOn } from './sql';
import { PAGE_SIZE } from '../common/pagination';

/** Inlined into SQL (the count shares the parameters, and pg refuses unused ones): whole numbers only. */
function int(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return n;
}

// For one as-of date the most overdue are the earliest due; then by item, as the index
// assignments_open_due_item reads them, so the first page sorts only the units of each item,
// not every assignment of the dates it reaches.
const SORTS = {
  daysOverdue: `a.due_on ASC, a.item_number ASC, a.item_id ASC, ${unitOrderSql('u')}`,
  unit: `${unitOrderSql('u')}, a.due_on ASC, a.item_number ASC, a.item_id ASC`,
} as const;

/**
 * A row's columns as of day `d`. The last report date is looked up for the page's rows only
 * (by the reports' assignment index), so a page of 50 costs 50 index probes, not a scan.
 */
const rowColumns = (d: string) => `
  a.id AS "assignmentId", a.plan_id AS "planId", p.title AS "planTitle", i.section_id AS "sectionId",
  a.item_id AS "itemId", i.number AS "itemNumber", i.number_text AS "itemNumberText",
  i.title AS "itemTitle", a.unit_id AS "unitId", u.name AS "unitName", a.role, a.due_on AS "dueOn",
  a.status, a.progress_percent AS "progressPercent",
  (SELECT max((r.submitted_at AT TIME ZONE ${SQL_TIME_ZONE})::date) FROM progress_reports r
   WHERE r.assignment_id = a.id AND (r.submitted_at AT TIME ZONE ${SQL_TIME_ZONE})::date <= ${d}
  ) AS "lastReportOn"`;

/**
 * The rows a count reads: the filters and rules need the plan, and of the item only what the
 * assignment carries (its section and report frequency).
 */
const COUNTED = `
  FROM assignments a
  JOIN plans p ON p.id = a.plan_id`;

/** The rows a list shows: what a count reads, with the item and the unit it names. */
const FROM = `${COUNTED}
  JOIN items i ON i.id = a.item_id
  JOIN units u ON u.id = a.unit_id`;

/**
 * The same rows for the warnings page, each row's plan looked up by its key as the row is read
 * (LATERAL … OFFSET 0). The yellow rule reads the plan's columns, and joined plainly PostgreSQL
 * chose a parallel scan that read all the plans again for each of some 600 candidate rows
 * (province scale, in psql: 137–149 ms; looked up by key 45–82 ms, the same 50 rows).
 */
const FROM_PLAN_BY_KEY = `
  FROM assignments a
  JOIN LATERAL (SELECT * FROM plans p0 WHERE p0.id = a.plan_id OFFSET 0) p ON true
  JOIN items i ON i.id = a.item_id
  JOIN units u ON u.id = a.unit_id`;

/**
 * The recurring targets of the counted assignments judged on day d by the one rule
 * (targetStanding in @app/database, here its SQL twin): yearly targets over the year of d, term
 * targets (任期内) once over the plan's term, counted per group. Only the assignments the
 * filters count are judged (a plan's statistics never judge another plan's targets), and each
 * target's achieved sum is read once. MATERIALIZED: worked out once, whatever the planner makes
 * of the groups. Judging every target in the database once per counted row, on row estimates
 * not yet brought up to date after a bulk import, took 20 s for one plan of 350 assignments.
 */
const TARGET_STANDING = (d: string, groupId: string, where: string) => {
  const period = targetPeriodSql(d, 'rt', 'p');
  return `targets AS MATERIALIZED (
  SELECT x.id, count(*) AS targets,
    count(*) FILTER (WHERE x.standing = 'met') AS met,
    count(*) FILTER (WHERE x.standing = 'behind') AS behind,
    count(*) FILTER (WHERE x.standing = 'not_due') AS "notDue"
  FROM (
    SELECT ${groupId} AS id,
      ${targetStandingSql(requiredCountSql('rt'), 'got.achieved', period, d)} AS standing
    ${COUNTED}
    JOIN recurring_targets rt ON rt.item_id = a.item_id
    CROSS JOIN LATERAL (
      SELECT COALESCE(sum((f->>'value')::numeric), 0) AS achieved FROM progress_reports tr
      CROSS JOIN LATERAL jsonb_array_elements(tr.figures) f
      WHERE tr.assignment_id = a.id AND tr.status = 'accepted' AND f->>'targetId' = rt.id::text
        AND extract(year FROM tr.period_start) BETWEEN extract(year FROM ${period.start})
          AND extract(year FROM ${period.end})
        AND (tr.reviewed_at AT TIME ZONE ${SQL_TIME_ZONE})::date <= ${d}) got
    ${where}
  ) x GROUP BY x.id)`;
};

interface RawWarning extends Omit<WarningRow, 'itemLevel' | 'reason'> {
  dueSoonBehind: boolean;
  reportFrequency: PeriodKind;
  duePeriodStart: string;
}

/**
 * The supervision office's hot path, in SQL written for its plans: one statement per answer, no
 * per-row lookups. "Open as of D": not completed by D. When D is today or later, completed_on
 * cannot lie after D, so the test is `completed_on IS NULL`, which the partial index
 * assignments_open_due serves; for a past D the exact test is used.
 */
@Injectable()
export class SupervisionQueries {
  constructor(private readonly db: ReplicaReads) {}

  private filters(c: Conditions, f: SupervisionFilter, asOf: string, today: string): void {
    c.add(asOf >= today ? openOnSql() : openOn(`${c.param(asOf)}::date`));
    c.add(planWorkingSql());
    if (f.planId) c.add('a.plan_id = ?', f.planId);
    if (f.sectionId) c.add('a.section_id = ?', f.sectionId);
    if (f.unitId) c.add('a.unit_id = ?', f.unitId);
    if (f.groupId) {
      c.add('a.unit_id IN (SELECT unit_id FROM unit_group_members WHERE group_id = ?)', f.groupId);
    }
    if (f.leadOnly) c.add("a.role = 'lead'");
  }

  /** One page of the list, and its count, sent together. */
  async overdue(
    q: OverdueFilter,
    asOf: string,
    today: string,
    window: { limit: number; offset: number },
  ): Promise<[OverdueRow[], number]> {
    const { rows, c } = this.overdueRowsIn(q, asOf, today, window);
    // The count goes out alongside its page, one unit's too: counting only after a full page
    // put the two round trips one after the other (bench:supervision, one unit: 2.9 ms against
    // 1.2 ms for the same two statements side by side); the count a page that is not full makes
    // needless costs under a millisecond of the database's time, and only the offices ask.
    return Promise.all([rows, this.overdueCount(q, asOf, today, c)]);
  }

  /** Every row up to a cap, for an export, which shows no count. */
  overdueRows(q: OverdueFilter, asOf: string, today: string, limit: number): Promise<OverdueRow[]> {
    return this.overdueRowsIn(q, asOf, today, { limit, offset: 0 }).rows;
  }

  /** The rows in `window` (sent), and the conditions that chose them, for their count. */
  private overdueRowsIn(
    q: OverdueFilter,
    asOf: string,
    today: string,
    window: { limit: number; offset: number },
  ): { rows: Promise<OverdueRow[]>; c: Conditions } {
    const c = new Conditions();
    const asOfParam = c.param(asOf);
    this.filters(c, q, asOf, today);
    c.add(`a.due_on < ${asOfParam}::date`);
    if (q.minDaysOverdue) c.add(`a.due_on <= ${asOfParam}::date - ?::int`, q.minDaysOverdue);
    // Two statements, not count(*) OVER (): the page then reads the partial index in due-date
    // order and stops after one page, and the count is worked out apart (province scale: 4 ms
    // + 50 ms instead of 570 ms, and the count now a sum over dates). The first page at the
    // usual size, what every unit asks for, is prepared (its text names only the filters asked
    // for, so a generic plan is its filters' plan); other pages and exports are planned for
    // their limit and offset, so the prepared texts stay a few per filter combination.
    const text = `SELECT ${rowColumns(`${asOfParam}::date`)}, (${asOfParam}::date - a.due_on) AS "daysOverdue"
       ${FROM} ${c.where}
       ORDER BY ${SORTS[q.sort]}
       LIMIT ${int(window.limit)} OFFSET ${int(window.offset)}`;
    const rows: Promise<OverdueRow[]> =
      window.offset === 0 && window.limit === PAGE_SIZE
        ? this.db.prepared(text, c.params)
        : this.db.query(text, c.params);
    return { rows, c };
  }

  /**
   * All units' overdue work as of today or later is a sum over the open work per due date that
   * the database keeps as it is written (open_due_counts): a few thousand dates, however many
   * assignments. Filtered or as of a past date, the rows are counted.
   */
  private async overdueCount(
    q: OverdueFilter,
    asOf: string,
    today: string,
    c: Conditions,
  ): Promise<number> {
    const unfiltered = !q.planId && !q.sectionId && !q.unitId && !q.groupId && !q.leadOnly;
    const count = `SELECT count(*)::int AS total ${COUNTED} ${c.where}`;
    const [{ total }]: Array<{ total: number }> =
      asOf < today
        ? // Planned for its values: as of a past date a generic plan of the count read slower
          // (bench:supervision, past-date overdue 34 -> 42 ms), and a count outweighs its planning.
          await this.db.query(count, c.params)
        : unfiltered
          ? await this.db.query(
              `SELECT COALESCE(sum(open), 0)::int AS total FROM open_due_counts
               WHERE due_on < $1::date AND due_on <= $1::date - $2::int`,
              [asOf, q.minDaysOverdue ?? 0],
            )
          : // Open work only (the partial index): a few hundred rows of a unit or plan, whose
            // planning cost more than their count (one unit: 0.6 -> 0.35 ms), as the page is.
            await this.db.prepared(count, c.params);
    return total;
  }

  async warnings(q: WarningQuery, asOf: string, today: string): Promise<[WarningRow[], number]> {
    const c = new Conditions();
    const d = `${c.param(asOf)}::date`;
    const days = String(int(q.warningDays)); // inlined: an unused parameter would be refused
    this.filters(c, q, asOf, today);
    const red = overdueOn(d);
    const yellow = yellowOn(d, days);
    c.add(q.level === 'red' ? red : q.level === 'yellow' ? yellow : `(${red} OR ${yellow})`);
    // Red rows are due before the as-of date and yellow ones on or after it, so due-date order
    // lists red first and yellow by days left, straight from the index; the count is separate.
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT ${rowColumns(d)}, (${d} - a.due_on) AS "daysOverdue", (a.due_on - ${d}) AS "daysLeft",
           COALESCE(round(${expectedPercent(d)}), 0)::int AS "expectedPercent",
           CASE WHEN ${red} THEN 'red' ELSE 'yellow' END AS level,
           ${dueSoonBehind(d, days)} AS "dueSoonBehind", ${reportMissing(d)} AS "reportMissing",
           ${reportFrequency} AS "reportFrequency", ${duePeriodStart(d)} AS "duePeriodStart"
         ${FROM_PLAN_BY_KEY} ${c.where}
         ORDER BY ${SORTS.daysOverdue}
         LIMIT ${int(q.pageSize)} OFFSET ${int(q.offset)}`,
        c.params,
      ) as Promise<RawWarning[]>,
      this.db.query(`SELECT count(*)::int AS total ${COUNTED} ${c.where}`, c.params) as Promise<
        Array<{ total: number }>
      >,
    ]);
    const itemLevels = await this.itemLevels(
      [...new Set(rows.map((r) => r.itemId))],
      asOf,
      q.warningDays,
    );
    return [
      rows.map(({ dueSoonBehind: behind, reportFrequency, duePeriodStart: start, ...row }) => ({
        ...row,
        itemLevel: itemLevels.get(row.itemId) ?? 'green',
        reason:
          row.level === 'red'
            ? `已逾期 ${row.daysOverdue} 天`
            : [
                behind &&
                  `${row.daysLeft} 天后到期，进度 ${row.progressPercent}%，应达 ${row.expectedPercent}%`,
                row.reportMissing &&
                  `${periodContaining(reportFrequency, start).label}进展应报未报`,
              ]
                .filter(Boolean)
                .join('；'),
      })),
      total,
    ];
  }

  /** An item's light is the worst of all its shares, whatever filter chose the rows shown. */
  private async itemLevels(itemIds: string[], asOf: string, warningDays: number) {
    if (!itemIds.length) return new Map<string, WarningRow['itemLevel']>();
    const rows: Array<{ itemId: string; level: WarningRow['itemLevel'] }> = await this.db.query(
      `SELECT a.item_id AS "itemId",
         CASE max(CASE WHEN ${overdueOn('$2::date')} THEN 2 WHEN ${yellowOn('$2::date', '$3')} THEN 1 ELSE 0 END)
           WHEN 2 THEN 'red' WHEN 1 THEN 'yellow' ELSE 'green' END AS level
       ${COUNTED}
       WHERE a.item_id = ANY($1::uuid[]) GROUP BY a.item_id`,
      [itemIds, asOf, warningDays],
    );
    return new Map(rows.map((r) => [r.itemId, r.level]));
  }

  async statistics(
    f: SupervisionFilter,
    groupBy: StatGroup,
    asOf: string,
  ): Promise<StatisticsRow[]> {
    const c = new Conditions();
    const d = `${c.param(asOf)}::date`;
    c.add(planWorkingSql());
    // Today's assignments judged on day d (a plan imported today can be looked at as of any
    // past date); d decides what was due, completed and overdue.
    if (f.planId) c.add('a.plan_id = ?', f.planId);
    if (f.sectionId) c.add('a.section_id = ?', f.sectionId);
    if (f.unitId) c.add('a.unit_id = ?', f.unitId);
    if (f.groupId) {
      c.add('a.unit_id IN (SELECT unit_id FROM unit_group_members WHERE group_id = ?)', f.groupId);
    }
    if (f.leadOnly) c.add("a.role = 'lead'");
    // Names are looked up for the groups after counting, so the count joins only what the
    // filters and rules read.
    const group = {
      unit: {
        id: 'a.unit_id',
        label: 'JOIN units gu ON gu.id = g.id',
        name: 'gu.name',
        order: unitOrderSql('gu'),
      },
      plan: {
        id: 'a.plan_id',
        label: 'JOIN plans gp ON gp.id = g.id',
        name: 'gp.title',
        order: `gp.title COLLATE ${PINYIN_COLLATION} ASC`,
      },
      section: {
        id: 'a.section_id',
        label: 'JOIN sections sec ON sec.id = g.id JOIN plans gp ON gp.id = sec.plan_id',
        name: "gp.title || ' · ' || sec.number_text || '、' || sec.title",
        order: `gp.title COLLATE ${PINYIN_COLLATION} ASC, sec.number ASC`,
      },
    }[groupBy];
    // A unit answers for its notices; a plan or a section for those about its assignments.
    const notices =
      groupBy === 'unit'
        ? `(SELECT count(*) FROM supervision_notices n
             WHERE n.unit_id = g.id AND n.status IN ('issued', 'returned') AND n.reply_by < ${d})`
        : '(SELECT count(*) FROM nt WHERE nt.id = g.id)';
    const noticesAbout =
      groupBy === 'unit'
        ? ''
        : `nt AS (
             SELECT DISTINCT ${group.id} AS id, n.id AS notice_id
             ${COUNTED}
             JOIN supervision_notice_assignments na ON na.assignment_id = a.id
             JOIN supervision_notices n ON n.id = na.notice_id
             WHERE ${c.all} AND n.status IN ('issued', 'returned') AND n.reply_by < ${d}
           ),`;
    // 应报未报 is counted as owed minus owed-and-filed, each the shared rule's test of the row
    // (reportFiled reads the days kept on it). Joined to the reports filed for the period due,
    // the grouping took 95 ms at province scale and 590 ms at five times, against 72 and 366 ms
    // without that join: its hash table outgrew the CPU's caches (×9.7 for five times the data).
    const rows: StatisticsRow[] = await this.db.aggregate(
      `WITH ${TARGET_STANDING(d, group.id, c.where)}, ${noticesAbout} g AS (
         SELECT ${group.id} AS id, count(*) AS assigned,
           count(*) FILTER (WHERE a.completed_on <= ${d}) AS completed,
           count(*) FILTER (WHERE a.completed_on <= ${d} AND a.completed_on <= a.due_on) AS "completedOnTime",
           count(*) FILTER (WHERE a.completed_on <= ${d}
             AND a.completed_on <= COALESCE(a.original_due_on, a.due_on)) AS "completedOnOriginalTime",
           count(*) FILTER (WHERE a.original_due_on IS NOT NULL) AS extended,
           count(*) FILTER (WHERE ${acknowledgementSql('a', AcknowledgementFilter.Unacknowledged, d)}
             AND a.completed_on IS NULL) AS unacknowledged,
           count(*) FILTER (WHERE ${acknowledgementSql('a', AcknowledgementFilter.Late, d)}
             AND a.completed_on IS NULL) AS "acknowledgementLate",
           count(*) FILTER (WHERE a.due_on <= ${d}) AS due,
           count(*) FILTER (WHERE ${overdueOn(d)}) AS overdue,
           count(*) FILTER (WHERE ${openOn(d)} AND ${reportOwed(d)}) AS "reportsDue",
           count(*) FILTER (WHERE ${reportFiled(d)} AND ${openOn(d)} AND ${reportOwed(d)})
             AS "reportsFiled"
         ${COUNTED}
         ${c.where}
         GROUP BY ${group.id}
       )
       SELECT g.id, ${group.name} AS name, g.assigned::int, g.completed::int, g."completedOnTime"::int, g.due::int,
         g."completedOnOriginalTime"::int, g.extended::int, g.unacknowledged::int,
         g."acknowledgementLate"::int,
         CASE WHEN g.due > 0 THEN round(g."completedOnTime" * 1.0 / g.due, 4)::float8 END AS "onTimeRate",
         g.overdue::int, ${notices}::int AS "noticesOverdue", g."reportsDue"::int,
         (g."reportsDue" - g."reportsFiled")::int AS "reportsMissing",
         COALESCE(t.targets, 0)::int AS "recurringTargets", COALESCE(t.met, 0)::int AS "recurringTargetsMet",
         COALESCE(t.behind, 0)::int AS "recurringTargetsBehind",
         COALESCE(t."notDue", 0)::int AS "recurringTargetsNotDue",
         rank() OVER (ORDER BY CASE WHEN g.due > 0 THEN g."completedOnTime" * 1.0 / g.due END DESC NULLS LAST,
                      g.overdue ASC)::int AS rank
       FROM g ${group.label} LEFT JOIN targets t ON t.id = g.id
       ORDER BY rank, ${group.order}`,
      c.params,
    );
    return rows;
  }
}
