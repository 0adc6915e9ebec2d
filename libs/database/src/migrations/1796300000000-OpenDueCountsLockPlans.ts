import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * open_due_counts' triggers on assignments lock their plans (FOR SHARE, on the id alone) before
 * they read the plans' status, in a statement of its own, so the read that follows sees the
 * status the lock holds. They read it without a lock (update) or with the status in the locking
 * read's WHERE (insert, delete), which PostgreSQL filters before it locks: a plan whose status
 * another transaction was changing was judged on its old status without waiting, while that
 * transaction's own trigger, counting the plan's open rows, could not see the row being
 * written. An assignment reopened or added while its plan was brought back was then counted by
 * neither, and stayed out of the overdue count for good (test/e2e/open-due-counts).
 *
 * With the plan locked by every write that counts, the plan's row lock is what orders a write
 * and a status change: either the write locked the plan first, and the status change waits for
 * it to commit and counts the plan's rows as the write left them; or the status change did, and
 * the write waits, reads the new status and counts its row against it, while the status change
 * counted the row as it was before the write. Either way once. The status change no longer
 * locks the plan's open rows too (FOR NO KEY UPDATE): that lock waited on a write that was
 * itself waiting on the plan, a deadlock each time the two met.
 */
export class OpenDueCountsLockPlans1796300000000 implements MigrationInterface {
  name = 'OpenDueCountsLockPlans1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No write between the new triggers and the recount below.
    await queryRunner.query(`LOCK TABLE "plans", "assignments" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "open_due_counts_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM "plans" WHERE "id" IN (SELECT "plan_id" FROM "changed") FOR SHARE;
        INSERT INTO "open_due_counts" ("due_on", "open")
        SELECT c."due_on", CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END * count(*)
        FROM "changed" c JOIN "plans" p ON p."id" = c."plan_id"
        WHERE c."completed_on" IS NULL AND p."status" = 'active'
        GROUP BY c."due_on";
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(updateTrigger(true));
    await queryRunner.query(planTrigger(false));
    // A database that met the race counts wrong for good: counted again from the rows.
    await queryRunner.query(`TRUNCATE "open_due_counts"`);
    await queryRunner.query(`
      INSERT INTO "open_due_counts" ("due_on", "open")
      SELECT a."due_on", count(*) FROM "assignments" a JOIN "plans" p ON p."id" = a."plan_id"
      WHERE a."completed_on" IS NULL AND p."status" = 'active'
      GROUP BY a."due_on"
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "open_due_counts_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(updateTrigger(false));
    await queryRunner.query(planTrigger(true));
  }
}

/** The plan trigger's function; before this migration it also locked the plan's open rows. */
function planTrigger(lockRows: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION "open_due_counts_plan"() RETURNS trigger LANGUAGE plpgsql AS $$
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
              WHERE a."plan_id" = plan AND a."completed_on" IS NULL${lockRows ? ' FOR NO KEY UPDATE' : ''}) o
        GROUP BY o."due_on";
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$
`;
}

/** The update trigger's function; before this migration it read the plans without a lock. */
function updateTrigger(lockPlans: boolean): string {
  const lock = lockPlans
    ? 'PERFORM 1 FROM "plans" WHERE "id" IN (OLD."plan_id", NEW."plan_id") FOR SHARE;'
    : '';
  return `
      CREATE OR REPLACE FUNCTION "open_due_counts_update"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${lock}
        INSERT INTO "open_due_counts" ("due_on", "open")
        SELECT OLD."due_on", -1 WHERE OLD."completed_on" IS NULL
          AND EXISTS (SELECT 1 FROM "plans" WHERE "id" = OLD."plan_id" AND "status" = 'active')
        UNION ALL
        SELECT NEW."due_on", 1 WHERE NEW."completed_on" IS NULL
          AND EXISTS (SELECT 1 FROM "plans" WHERE "id" = NEW."plan_id" AND "status" = 'active');
        RETURN NULL;
      END $$
`;
}
