import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each assignment carries its item's number too, kept as AssignmentsCopyItem keeps the section
 * and frequency (the same triggers, in the writing transaction), and the open work has an index
 * in the overdue list's order: due date, item number, item. The list's first page then reads
 * one page of that index and sorts only the units of each item; ordered by the item's number
 * from the items table it sorted every open assignment of the earliest due dates, as many as
 * share a date (a plan's own deadline often falls to thousands), so the page grew with the data.
 */
export class AssignmentsItemNumber1796310000000 implements MigrationInterface {
  name = 'AssignmentsItemNumber1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No write between the copy and the triggers' new version; items first, as their triggers
    // write assignments, so a change of an item under way finishes before the column is added.
    await queryRunner.query(`LOCK TABLE "items" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`LOCK TABLE "assignments" IN ACCESS EXCLUSIVE MODE`);
    await queryRunner.query(`ALTER TABLE "assignments" ADD "item_number" integer`);
    await queryRunner.query(
      `UPDATE "assignments" a SET "item_number" = i."number" FROM "items" i WHERE i."id" = a."item_id"`,
    );
    await queryRunner.query(`ALTER TABLE "assignments" ALTER COLUMN "item_number" SET NOT NULL`);
    await this.copy(queryRunner, true);
    await queryRunner.query(
      `CREATE INDEX "assignments_open_due_item" ON "assignments" ("due_on", "item_number", "item_id") WHERE completed_on IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assignments_open_due_item"`);
    await this.copy(queryRunner, false);
    await queryRunner.query(`ALTER TABLE "assignments" DROP COLUMN "item_number"`);
  }

  /** AssignmentsCopyItem's functions and update triggers, with the number or without it. */
  private async copy(queryRunner: QueryRunner, number: boolean): Promise<void> {
    const [into, from, set, changed, itemChanged] = number
      ? [
          `, NEW."item_number"`,
          `, i."number"`,
          `, "item_number" = NEW."number"`,
          ` OR NEW."item_number" IS DISTINCT FROM OLD."item_number"`,
          ` OR NEW."number" IS DISTINCT FROM OLD."number"`,
        ]
      : ['', '', '', '', ''];
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "assignments_copy_item"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         SELECT i."section_id", i."report_frequency"${from} INTO NEW."section_id", NEW."item_report_frequency"${into}
         FROM "items" i WHERE i."id" = NEW."item_id" FOR SHARE;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`DROP TRIGGER "assignments_copy_item_on_update" ON "assignments"`);
    await queryRunner.query(
      `CREATE TRIGGER "assignments_copy_item_on_update" BEFORE UPDATE ON "assignments" FOR EACH ROW
       WHEN (NEW."item_id" IS DISTINCT FROM OLD."item_id"
         OR NEW."section_id" IS DISTINCT FROM OLD."section_id"
         OR NEW."item_report_frequency" IS DISTINCT FROM OLD."item_report_frequency"${changed})
       EXECUTE FUNCTION "assignments_copy_item"()`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "items_copy_to_assignments"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE "assignments" SET "section_id" = NEW."section_id", "item_report_frequency" = NEW."report_frequency"${set}
         WHERE "item_id" = NEW."id";
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(`DROP TRIGGER "items_copy_to_assignments" ON "items"`);
    await queryRunner.query(
      `CREATE TRIGGER "items_copy_to_assignments" AFTER UPDATE ON "items" FOR EACH ROW
       WHEN (NEW."section_id" IS DISTINCT FROM OLD."section_id"
         OR NEW."report_frequency" IS DISTINCT FROM OLD."report_frequency"${itemChanged})
       EXECUTE FUNCTION "items_copy_to_assignments"()`,
    );
  }
}
