import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * open_due_counts: changes to the number of open assignments (not completed) of working plans
 * per due date, so the overdue count as of today is a sum over dates instead of a count over
 * assignments. Triggers add rows in the transaction of every write that changes the number;
 * rows are only inserted, so concurrent writers never wait on a counter, and
 * compact_open_due_counts() (the worker's tick) folds them into one row per date. "Working" is
 * planWorkingSql's rule (status active) written as SQL: a change to that rule needs a
 * migration of these triggers.
 */
export class OpenDueCounts1796220540618 implements MigrationInterface {
  name = 'OpenDueCounts1796220540618';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "open_due_counts" (
        "id" BIGSERIAL NOT NULL,
        "due_on" date NOT NULL,
        "open" integer NOT NULL,
        CONSTRAINT "PK_8deb1846c5aaf991a540d67f731" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "open_due_counts_due_on" ON "open_due_counts" ("due_on")`,
    );
    // No write between the count and the triggers' start.
    await queryRunner.query(`LOCK TABLE "plans", "assignments" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      INSERT INTO "open_due_counts" ("due_on", "open")
      SELECT a."due_on", count(*) FROM "assignments" a JOIN "plans" p ON p."id" = a."plan_id"
      WHERE a."completed_on" IS NULL AND p."status" = 'active'
      GROUP BY a."due_on"
    `);
    // Rows inserted or deleted, per statement. The plans are read FOR SHARE, so a plan whose
    // status is being changed is read after that change commits (its trigger then counts these
    // rows, or not, consistently). A plan being deleted is no longer found: its own trigger
    // took its rows out.
    await queryRunner.query(`
      CREATE FUNCTION "open_due_counts_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "open_due_counts" ("due_on", "open")
        SELECT c."due_on", CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END * count(*)
        FROM "changed" c
        JOIN (SELECT "id" FROM "plans" WHERE "status" = 'active'
                AND "id" IN (SELECT "plan_id" FROM "changed") FOR SHARE) p ON p."id" = c."plan_id"
        WHERE c."completed_on" IS NULL
        GROUP BY c."due_on";
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER "open_due_counts_on_insert" AFTER INSERT ON "assignments"
      REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT
      EXECUTE FUNCTION "open_due_counts_rows"()
    `);
    await queryRunner.query(`
      CREATE TRIGGER "open_due_counts_on_delete" AFTER DELETE ON "assignments"
      REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT
      EXECUTE FUNCTION "open_due_counts_rows"()
    `);
    // An update counts its row out (OLD) and in (NEW), each when it is open work of a working
    // plan; per row, so that a status update, which changes neither the completion, the due
    // date nor the plan, fires nothing (the WHEN).
    await queryRunner.query(`
      CREATE FUNCTION "open_due_counts_update"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "open_due_counts" ("due_on", "open")
        SELECT OLD."due_on", -1 WHERE OLD."completed_on" IS NULL
          AND EXISTS (SELECT 1 FROM "plans" WHERE "id" = OLD."plan_id" AND "status" = 'active')
        UNION ALL
        SELECT NEW."due_on", 1 WHERE NEW."completed_on" IS NULL
          AND EXISTS (SELECT 1 FROM "plans" WHERE "id" = NEW."plan_id" AND "status" = 'active');
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER "open_due_counts_on_update" AFTER UPDATE ON "assignments" FOR EACH ROW
      WHEN ((OLD."completed_on" IS NULL OR NEW."completed_on" IS NULL)
        AND (OLD."completed_on" IS DISTINCT FROM NEW."completed_on"
          OR OLD."due_on" IS DISTINCT FROM NEW."due_on"
          OR OLD."plan_id" IS DISTINCT FROM NEW."plan_id"))
      EXECUTE FUNCTION "open_due_counts_update"()
    `);
    // A plan that starts or stops being carried out brings its open work in or takes it out;
    // one being deleted takes it out before the cascade deletes the rows. Its open rows are
    // locked first: an assignment completed meanwhile is then either counted out here (its
    // update waits and finds the plan's new status) or was completed first (and is not open).
    await queryRunner.query(`
      CREATE FUNCTION "open_due_counts_plan"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        sign integer;
        plan uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD."status" <> 'active' THEN RETURN OLD; END IF;
          sign := -1; plan := OLD."id";
        ELSIF (OLD."status" = 'active') = (NEW."status" = 'active') THEN
          RETURN NEW;
        ELSE
          sign := CASE WHEN NEW."status" = 'active' THEN 1 ELSE -1 END; plan := NEW."id";
        END IF;
        INSERT INTO "open_due_counts" ("due_on", "open")
        SELECT o."due_on", sign * count(*)
        FROM (SELECT a."due_on" FROM "assignments" a
              WHERE a."plan_id" = plan AND a."completed_on" IS NULL FOR NO KEY UPDATE) o
        GROUP BY o."due_on";
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER "open_due_counts_on_plan_status" AFTER UPDATE OF "status" ON "plans"
      FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
      EXECUTE FUNCTION "open_due_counts_plan"()
    `);
    await queryRunner.query(`
      CREATE TRIGGER "open_due_counts_on_plan_delete" BEFORE DELETE ON "plans"
      FOR EACH ROW EXECUTE FUNCTION "open_due_counts_plan"()
    `);
    // Folds the rows into one per date. Rows added meanwhile are not seen by its DELETE and
    // stay; two at once delete disjoint rows (the second skips those the first took).
    await queryRunner.query(`
      CREATE FUNCTION "compact_open_due_counts"() RETURNS void LANGUAGE sql AS $$
        WITH gone AS (DELETE FROM "open_due_counts" RETURNING "due_on", "open")
        INSERT INTO "open_due_counts" ("due_on", "open")
        SELECT "due_on", sum("open") FROM gone GROUP BY "due_on" HAVING sum("open") <> 0
      $$
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "compact_open_due_counts"()`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_plan_delete" ON "plans"`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_plan_status" ON "plans"`);
    await queryRunner.query(`DROP FUNCTION "open_due_counts_plan"()`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_update" ON "assignments"`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_delete" ON "assignments"`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_insert" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION "open_due_counts_update"()`);
    await queryRunner.query(`DROP FUNCTION "open_due_counts_rows"()`);
    await queryRunner.query(`DROP INDEX "public"."open_due_counts_due_on"`);
    await queryRunner.query(`DROP TABLE "open_due_counts"`);
  }
}
