import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each assignment carries the days on which a report of it counts as the filed report of the
 * period then due (`filed_days`, a datemultirange), kept by the database in the transaction that
 * writes a report: 应报未报 on day d is then a test of the row (reportFiled in reports-due.ts).
 * Before, every statement that counts all assignments (the statistics) joined them to the
 * reports filed for the period due, a hash table that outgrew the CPU's caches as the data grew:
 * at province scale that join took 23 ms of the grouping's 95, at five times 224 ms of 590
 * (×9.7, the rest ×5).
 *
 * A report of period P (frequency f, P aligned to f's periods), submitted or accepted, submitted
 * on day s, is the filed report of the period due on every day d in [max(P + f, s), P + 2f): the
 * period due on d is the one before the period containing d, and only a report submitted by d
 * counts. Reports of every frequency are kept, each frequency's days shifted into an era of its
 * own (1,000,000 days, about 2,700 years, apart: `filedEra` in reports-due.ts), and the rule asks
 * for d in the era of the assignment's frequency as it is when asked. So a change of the item's
 * or the plan's frequency rewrites nothing (a trigger that did had to lock the plan's assignments
 * after the plan, the order other writers take them in reverse): only report writes do, and they
 * lock the assignment first.
 * test/e2e/filed-days compares the rule's answer with the reports after random writes.
 */
export class AssignmentsFiledDays1796320000000 implements MigrationInterface {
  name = 'AssignmentsFiledDays1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The reports first (their triggers write assignments), then the assignments: no write
    // between the fill and the triggers' start.
    await queryRunner.query(`LOCK TABLE "progress_reports" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`LOCK TABLE "assignments" IN ACCESS EXCLUSIVE MODE`);
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD "filed_days" datemultirange NOT NULL DEFAULT '{}'::datemultirange`,
    );
    // STABLE: it reads the reports as its calling statement sees them (the trigger below runs
    // it in a statement of its own, after the rows are locked, so it sees every commit before).
    await queryRunner.query(
      `CREATE FUNCTION "assignment_filed_days"(assignment uuid)
       RETURNS datemultirange LANGUAGE sql STABLE AS $$
         SELECT COALESCE(range_agg(daterange(GREATEST(f.due_from, f.filed_on) + f.era, f.due_until + f.era)),
           '{}'::datemultirange)
         FROM (
           SELECT (r.period_start + l.len)::date AS due_from, (r.period_start + 2 * l.len)::date AS due_until,
             (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS filed_on,
             1000000 * CASE r.period_kind WHEN 'week' THEN 0 WHEN 'month' THEN 1 WHEN 'quarter' THEN 2
               WHEN 'half' THEN 3 ELSE 4 END AS era
           FROM progress_reports r
           CROSS JOIN LATERAL (SELECT CASE r.period_kind WHEN 'week' THEN interval '7 days'
             WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months'
             WHEN 'half' THEN interval '6 months' ELSE interval '1 year' END AS len,
             r.period_start::timestamp AS t) l
           WHERE r.assignment_id = assignment
             AND r.status IN ('submitted', 'accepted') AND r.submitted_at IS NOT NULL
             AND r.period_start = (CASE r.period_kind
               WHEN 'week' THEN date_trunc('week', l.t) WHEN 'month' THEN date_trunc('month', l.t)
               WHEN 'quarter' THEN date_trunc('quarter', l.t)
               WHEN 'half' THEN date_trunc('year', l.t)
                 + CASE WHEN extract(month FROM l.t) > 6 THEN interval '6 months' ELSE interval '0' END
               ELSE date_trunc('year', l.t) END)::date
         ) f
         WHERE GREATEST(f.due_from, f.filed_on) < f.due_until
       $$`,
    );
    await queryRunner.query(
      `UPDATE "assignments" a SET "filed_days" = "assignment_filed_days"(a."id")
       WHERE EXISTS (SELECT 1 FROM "progress_reports" r WHERE r."assignment_id" = a."id" AND r."status" IN ('submitted', 'accepted'))`,
    );
    // Per statement, over its rows (a bulk insert of reports recomputes each assignment once).
    // The assignments are locked first, in one order, and recomputed in a statement of its own:
    // a report written at the same moment by another transaction is then seen once it commits.
    await queryRunner.query(
      `CREATE FUNCTION "progress_reports_filed_days"() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE ids uuid[];
       BEGIN
         IF TG_OP = 'INSERT' THEN
           SELECT array_agg(DISTINCT n."assignment_id") INTO ids FROM new_rows n
           WHERE n."status" IN ('submitted', 'accepted');
         ELSIF TG_OP = 'DELETE' THEN
           SELECT array_agg(DISTINCT o."assignment_id") INTO ids FROM old_rows o
           WHERE o."status" IN ('submitted', 'accepted');
         ELSE
           SELECT array_agg(DISTINCT x.id) INTO ids FROM new_rows n JOIN old_rows o ON o."id" = n."id"
           CROSS JOIN LATERAL (VALUES (n."assignment_id"), (o."assignment_id")) x (id)
           WHERE (n."status" IN ('submitted', 'accepted') OR o."status" IN ('submitted', 'accepted'))
             AND (n."status", n."submitted_at", n."period_kind", n."period_start", n."assignment_id")
               IS DISTINCT FROM (o."status", o."submitted_at", o."period_kind", o."period_start", o."assignment_id");
         END IF;
         IF ids IS NULL THEN RETURN NULL; END IF;
         PERFORM 1 FROM "assignments" WHERE "id" = ANY (ids) ORDER BY "id" FOR NO KEY UPDATE;
         UPDATE "assignments" a SET "filed_days" = f.days
         FROM (SELECT a0."id", "assignment_filed_days"(a0."id") AS days
               FROM "assignments" a0 WHERE a0."id" = ANY (ids)) f
         WHERE a."id" = f."id" AND a."filed_days" IS DISTINCT FROM f.days;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "progress_reports_filed_days_on_insert" AFTER INSERT ON "progress_reports"
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_reports_filed_days"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "progress_reports_filed_days_on_update" AFTER UPDATE ON "progress_reports"
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_reports_filed_days"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "progress_reports_filed_days_on_delete" AFTER DELETE ON "progress_reports"
       REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_reports_filed_days"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "progress_reports_filed_days_on_delete" ON "progress_reports"`,
    );
    await queryRunner.query(
      `DROP TRIGGER "progress_reports_filed_days_on_update" ON "progress_reports"`,
    );
    await queryRunner.query(
      `DROP TRIGGER "progress_reports_filed_days_on_insert" ON "progress_reports"`,
    );
    await queryRunner.query(`DROP FUNCTION "progress_reports_filed_days"()`);
    await queryRunner.query(`DROP FUNCTION "assignment_filed_days"(uuid)`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP COLUMN "filed_days"`);
  }
}
