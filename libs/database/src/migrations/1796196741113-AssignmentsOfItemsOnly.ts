import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * assignments.task_id was never written: the units a plan names for a task share the item.
 * With it go the pair of partial unique indexes that told item shares from task shares; one
 * plain unique index on (item_id, unit_id) says the same now. holiday_calendars.version gets
 * the default every other versioned table has (the shared base entity declares it).
 */
export class AssignmentsOfItemsOnly1796196741113 implements MigrationInterface {
  name = 'AssignmentsOfItemsOnly1796196741113';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assignments_task_unit_unique"`);
    await queryRunner.query(`DROP INDEX "public"."assignments_item_unit_unique"`);
    await queryRunner.query(
      `ALTER TABLE "assignments" DROP CONSTRAINT "FK_292e1d7e3f055c7554845a72f13"`,
    );
    await queryRunner.query(`ALTER TABLE "assignments" DROP COLUMN "task_id"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assignments_item_unit_unique" ON "assignments" ("item_id", "unit_id")`,
    );
    await queryRunner.query(`ALTER TABLE "holiday_calendars" ALTER COLUMN "version" SET DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "holiday_calendars" ALTER COLUMN "version" DROP DEFAULT`);
    await queryRunner.query(`DROP INDEX "public"."assignments_item_unit_unique"`);
    await queryRunner.query(`ALTER TABLE "assignments" ADD "task_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_292e1d7e3f055c7554845a72f13" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assignments_item_unit_unique" ON "assignments" ("item_id", "unit_id") WHERE task_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assignments_task_unit_unique" ON "assignments" ("task_id", "unit_id") WHERE task_id IS NOT NULL`,
    );
  }
}
