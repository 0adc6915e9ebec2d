import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 应报未报 reads `assignments.filed_days` (AssignmentsFiledDays) and no longer joins the reports
 * filed for a period, the one reader of this index: it was the largest index of the table
 * (79 MB at province scale, twice the primary key) and every report write kept it.
 */
export class DropReportsFiledIndex1796330000000 implements MigrationInterface {
  name = 'DropReportsFiledIndex1796330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."progress_reports_filed"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "progress_reports_filed" ON "progress_reports"
         ("period_start", "period_kind", "assignment_id", "submitted_at")
       WHERE "status" IN ('submitted', 'accepted')`,
    );
  }
}
