import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision lists as of a past date read every assignment, completed or not, in due-date
 * order; with this index they stop after one page instead of sorting them all.
 */
export class AssignmentsDue1796215000000 implements MigrationInterface {
  name = 'AssignmentsDue1796215000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "assignments_due" ON "assignments" ("due_on")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assignments_due"`);
  }
}
