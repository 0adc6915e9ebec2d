import { MigrationInterface, QueryRunner } from 'typeorm';

export class UnitSortOrder1796178990035 implements MigrationInterface {
  name = 'UnitSortOrder1796178990035';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "units"
            ADD "sort_order" integer
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e4b35c074f5ff3a8747e38623d" ON "units" ("sort_order")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e4b35c074f5ff3a8747e38623d"
        `);
    await queryRunner.query(`
            ALTER TABLE "units" DROP COLUMN "sort_order"
        `);
  }
}
