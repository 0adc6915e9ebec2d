import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportsFiledIndex1795404063233 implements MigrationInterface {
  name = 'ReportsFiledIndex1795404063233';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "progress_reports_filed" ON "progress_reports" (
                "period_start",
                "period_kind",
                "assignment_id",
                "submitted_at"
            )
            WHERE "status" IN ('submitted', 'accepted')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."progress_reports_filed"
        `);
  }
}
