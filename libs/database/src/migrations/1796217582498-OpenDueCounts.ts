import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * open_due_counts: per due date, the assignments of working plans not yet completed, kept by
 * triggers in the transaction of every write, so the overdue count as of today is a sum over
 * dates instead of a count over assignments. "Working" is planWorkingSql's rule (a plan whose
 * status is active), written here as SQL; a change to that rule needs a migration of these
 * triggers. A status update that changes neither the completion, the due date nor the plan
 * fires nothing (the triggers' WHEN).
 */
export class OpenDueCounts1796217582498 implements MigrationInterface {
  name = 'OpenDueCounts1796217582498';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "open_due_counts" (
        "due_on" date NOT NULL,
        "open" integer NOT NULL,
        CONSTRAINT "PK_4691617d783990eecfd75ac2e9c" PRIMARY KEY ("due_on")
      )
    `);
    await queryRunner.query(`
      INSERT INTO "open_due_counts" ("due_on", "open")
      SELECT a."due_on", count(*) FROM "assignments" a JOIN "plans" p ON p."id" = a."plan_id"
      WHERE a."completed_on" IS NULL AND p."status" = 'active'
      GROUP BY a."due_on"
    `);
    // Rows written or deleted in bulk (a plan's import, a cascade) are counted per statement,
    // dates in order, so two such statements at once take the counters' locks in one order.
    // A plan being deleted is no longer visible here, and its own trigger took its rows out.
    await queryRunner.query(`
      CREATE FUNCTION "open_due_counts_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "open_due_counts" ("due_on", "open")
        SELECT c."due_on", CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END * count(*)
        FROM "changed" c JOIN "plans" p ON p."id" = c."plan_id"
        WHERE c."completed_on" IS NULL AND p."status" = 'active'
        GROUP BY c."due_on" ORDER BY c."due_on"
        ON CONFLICT ("due_on") DO UPDATE SET "open" = "open_due_counts"."open" + EXCLUDED."open";
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
        IF OLD."completed_on" IS NULL
           AND EXISTS (SELECT 1 FROM "plans" WHERE "id" = OLD."plan_id" AND "status" = 'active') THEN
          UPDATE "open_due_counts" SET "open" = "open" - 1 WHERE "due_on" = OLD."due_on";
        END IF;
        IF NEW."completed_on" IS NULL
           AND EXISTS (SELECT 1 FROM "plans" WHERE "id" = NEW."plan_id" AND "status" = 'active') THEN
          INSERT INTO "open_due_counts" ("due_on", "open") VALUES (NEW."due_on", 1)
          ON CONFLICT ("due_on") DO UPDATE SET "open" = "open_due_counts"."open" + 1;
        END IF;
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
    // one being deleted takes it out before the cascade deletes the rows. Dates in order, so
    // two such writes at once take the counter rows' locks in the same order.
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
        SELECT a."due_on", sign * count(*) FROM "assignments" a
        WHERE a."plan_id" = plan AND a."completed_on" IS NULL
        GROUP BY a."due_on" ORDER BY a."due_on"
        ON CONFLICT ("due_on") DO UPDATE SET "open" = "open_due_counts"."open" + EXCLUDED."open";
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_plan_delete" ON "plans"`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_plan_status" ON "plans"`);
    await queryRunner.query(`DROP FUNCTION "open_due_counts_plan"()`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_delete" ON "assignments"`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_update" ON "assignments"`);
    await queryRunner.query(`DROP TRIGGER "open_due_counts_on_insert" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION "open_due_counts_update"()`);
    await queryRunner.query(`DROP FUNCTION "open_due_counts_rows"()`);
    await queryRunner.query(`DROP TABLE "open_due_counts"`);
  }
}
