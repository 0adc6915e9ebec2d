import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanImportTablesAndWritten1796165003301 implements MigrationInterface {
  name = 'PlanImportTablesAndWritten1796165003301';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "plan_imports"
            ADD "source_table" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_imports"
            ADD "written" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "plan_imports" DROP COLUMN "written"
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_imports" DROP COLUMN "source_table"
        `);
  }
}
