import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each assignment carries the days on which its report for the period then due counts as filed
 * (`filed_days`, a datemultirange), kept by the database in the transaction that writes a
 * report, the item's frequency or the plan's: 应报未报 on day d is then `NOT filed_days @> d`, a
 * test of the row itself. Before, every statement that counts all assignments (the statistics)
 * joined them to the reports filed for the period due, a hash table that outgrew the CPU's
 * caches as the data grew: at province scale that join took 23 ms of the statistics' 95, at five
 * times 224 ms of 590 (×9.7, the rest ×5).
 *
 * A report of period P (frequency f, P aligned to f's periods), submitted or accepted, submitted
 * on day s, is the filed report of the period due on every day d in [max(P + f, s), P + 2f): the
 * period due on d is the one before the period containing d, and only a report submitted by d
 * counts (reports-due.ts says the same in SQL). Only reports at the assignment's frequency (the
 * item's, else the plan's) count. test/e2e/filed-days compares the column with the rows after
 * random writes, and the rule's answer with the old join on every day of a year.
 */
export class AssignmentsFiledDays1796320000000 implements MigrationInterface {
  name = 'AssignmentsFiledDays1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Reports and plans first (their triggers write assignments), then the assignments: no
    // write between the fill and the triggers' start.
    await queryRunner.query(`LOCK TABLE "plans", "progress_reports" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`LOCK TABLE "assignments" IN ACCESS EXCLUSIVE MODE`);
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD "filed_days" datemultirange NOT NULL DEFAULT '{}'::datemultirange`,
    );
    // STABLE: it reads the reports as its calling statement sees them (the triggers below run
    // it in a statement of their own, after the row is locked, so it sees every commit before).
    await queryRunner.query(
      `CREATE FUNCTION "assignment_filed_days"(assignment uuid, frequency "public"."report_frequency")
       RETURNS datemultirange LANGUAGE sql STABLE AS $$
         SELECT COALESCE(range_agg(daterange(GREATEST(f.due_from, f.filed_on), f.due_until)), '{}'::datemultirange)
         FROM (
           SELECT (r.period_start + l.len)::date AS due_from, (r.period_start + 2 * l.len)::date AS due_until,
             (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS filed_on
           FROM progress_reports r
           CROSS JOIN LATERAL (SELECT CASE r.period_kind WHEN 'week' THEN interval '7 days'
             WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months'
             WHEN 'half' THEN interval '6 months' ELSE interval '1 year' END AS len,
             r.period_start::timestamp AS t) l
           WHERE r.assignment_id = assignment AND r.period_kind = frequency
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
      `UPDATE "assignments" a SET "filed_days" = "assignment_filed_days"(a."id", COALESCE(a."item_report_frequency", p."report_frequency"))
       FROM "plans" p WHERE p."id" = a."plan_id"
         AND EXISTS (SELECT 1 FROM "progress_reports" r WHERE r."assignment_id" = a."id" AND r."status" IN ('submitted', 'accepted'))`,
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
         FROM (SELECT a0."id", "assignment_filed_days"(a0."id", COALESCE(a0."item_report_frequency", p."report_frequency")) AS days
               FROM "assignments" a0 JOIN "plans" p ON p."id" = a0."plan_id" WHERE a0."id" = ANY (ids)) f
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
    // The frequency an assignment reports at changes with its item's (copied onto the row by
    // assignments_copy_item_on_update, which fires before this one: triggers fire by name).
    await queryRunner.query(
      `CREATE FUNCTION "assignments_filed_days"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW."filed_days" := "assignment_filed_days"(NEW."id", COALESCE(NEW."item_report_frequency",
           (SELECT p."report_frequency" FROM "plans" p WHERE p."id" = NEW."plan_id")));
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "assignments_filed_days_on_update" BEFORE UPDATE ON "assignments" FOR EACH ROW
       WHEN (NEW."item_report_frequency" IS DISTINCT FROM OLD."item_report_frequency"
         OR NEW."plan_id" IS DISTINCT FROM OLD."plan_id")
       EXECUTE FUNCTION "assignments_filed_days"()`,
    );
    // …and with its plan's, where the item has none of its own.
    await queryRunner.query(
      `CREATE FUNCTION "plans_filed_days"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE "assignments" a SET "filed_days" = "assignment_filed_days"(a."id", NEW."report_frequency")
         WHERE a."plan_id" = NEW."id" AND a."item_report_frequency" IS NULL;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "plans_filed_days" AFTER UPDATE OF "report_frequency" ON "plans" FOR EACH ROW
       WHEN (NEW."report_frequency" IS DISTINCT FROM OLD."report_frequency")
       EXECUTE FUNCTION "plans_filed_days"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "plans_filed_days" ON "plans"`);
    await queryRunner.query(`DROP FUNCTION "plans_filed_days"()`);
    await queryRunner.query(`DROP TRIGGER "assignments_filed_days_on_update" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION "assignments_filed_days"()`);
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
    await queryRunner.query(
      `DROP FUNCTION "assignment_filed_days"(uuid, "public"."report_frequency")`,
    );
    await queryRunner.query(`ALTER TABLE "assignments" DROP COLUMN "filed_days"`);
  }
}
