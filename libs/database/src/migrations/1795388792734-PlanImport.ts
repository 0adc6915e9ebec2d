import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanImport1795388792734 implements MigrationInterface {
  name = 'PlanImport1795388792734';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "plan_imports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "source_name" text,
                "source_text" text NOT NULL,
                "result" jsonb NOT NULL,
                "doc_number" text,
                "plan_id" uuid,
                "committed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_16bf07fc4c58298b78d909fd77f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9842a941dbcbf93d70d51f83b2" ON "plan_imports" ("created_by_user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "items"
            ADD "deadlines" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "items"
            ADD "units_text" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "items" DROP COLUMN "units_text"
        `);
    await queryRunner.query(`
            ALTER TABLE "items" DROP COLUMN "deadlines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9842a941dbcbf93d70d51f83b2"
        `);
    await queryRunner.query(`
            DROP TABLE "plan_imports"
        `);
  }
}
