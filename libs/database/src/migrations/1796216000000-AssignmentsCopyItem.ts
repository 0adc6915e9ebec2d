import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each assignment carries its item's section and own report frequency, kept by the database in
 * the transaction that writes either row: filled on insert, and rewritten on every assignment of
 * an item whose section or frequency changes. The supervision counts (statistics, warnings) then
 * read assignments and plans only.
 */
export class AssignmentsCopyItem1796216000000 implements MigrationInterface {
  name = 'AssignmentsCopyItem1796216000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD "section_id" uuid, ADD "item_report_frequency" "public"."report_frequency"`,
    );
    // No write between the copy and the triggers' start.
    await queryRunner.query(`LOCK TABLE "items", "assignments" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `UPDATE "assignments" a SET "section_id" = i."section_id", "item_report_frequency" = i."report_frequency"
       FROM "items" i WHERE i."id" = a."item_id"`,
    );
    await queryRunner.query(`ALTER TABLE "assignments" ALTER COLUMN "section_id" SET NOT NULL`);
    // FOR SHARE: an item being changed at the same moment is read once that change commits,
    // so a new assignment cannot keep the item's old section while its trigger rewrites the rest.
    await queryRunner.query(
      `CREATE FUNCTION "assignments_copy_item"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         SELECT i."section_id", i."report_frequency" INTO NEW."section_id", NEW."item_report_frequency"
         FROM "items" i WHERE i."id" = NEW."item_id" FOR SHARE;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "assignments_copy_item_on_insert" BEFORE INSERT ON "assignments"
       FOR EACH ROW EXECUTE FUNCTION "assignments_copy_item"()`,
    );
    // Only when a copied column or the item would change: a status update pays nothing.
    await queryRunner.query(
      `CREATE TRIGGER "assignments_copy_item_on_update" BEFORE UPDATE ON "assignments" FOR EACH ROW
       WHEN (NEW."item_id" IS DISTINCT FROM OLD."item_id"
         OR NEW."section_id" IS DISTINCT FROM OLD."section_id"
         OR NEW."item_report_frequency" IS DISTINCT FROM OLD."item_report_frequency")
       EXECUTE FUNCTION "assignments_copy_item"()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "items_copy_to_assignments"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE "assignments" SET "section_id" = NEW."section_id", "item_report_frequency" = NEW."report_frequency"
         WHERE "item_id" = NEW."id";
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "items_copy_to_assignments" AFTER UPDATE ON "items" FOR EACH ROW
       WHEN (NEW."section_id" IS DISTINCT FROM OLD."section_id"
         OR NEW."report_frequency" IS DISTINCT FROM OLD."report_frequency")
       EXECUTE FUNCTION "items_copy_to_assignments"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "items_copy_to_assignments" ON "items"`);
    await queryRunner.query(`DROP FUNCTION "items_copy_to_assignments"()`);
    await queryRunner.query(`DROP TRIGGER "assignments_copy_item_on_update" ON "assignments"`);
    await queryRunner.query(`DROP TRIGGER "assignments_copy_item_on_insert" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION "assignments_copy_item"()`);
    await queryRunner.query(
      `ALTER TABLE "assignments" DROP COLUMN "item_report_frequency", DROP COLUMN "section_id"`,
    );
  }
}
