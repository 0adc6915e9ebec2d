import { MigrationInterface, QueryRunner } from 'typeorm';

// One report_frequency type serves plans, items and reports: created once, dropped once.
export class ProgressReports1795391264826 implements MigrationInterface {
  name = 'ProgressReports1795391264826';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."report_frequency" AS ENUM('week', 'month', 'quarter', 'half', 'year')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted', 'accepted', 'returned')
        `);
    await queryRunner.query(`
            CREATE TABLE "progress_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "period_kind" "public"."report_frequency" NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "work_done" text NOT NULL DEFAULT '',
                "figures" jsonb NOT NULL DEFAULT '[]',
                "problems" text NOT NULL DEFAULT '',
                "next_steps" text NOT NULL DEFAULT '',
                "percent" smallint NOT NULL DEFAULT '0',
                "status" "public"."report_status" NOT NULL DEFAULT 'draft',
                "review_comment" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_by_user_id" uuid,
                "created_by_user_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "progress_reports_percent_range" CHECK (
                    "percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_175179020a43d5ec75ab1d6a04f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "progress_reports_status_period" ON "progress_reports" ("status", "period_start")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "progress_reports_assignment_period" ON "progress_reports" ("assignment_id", "period_kind", "period_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "evidence_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "assignment_id" uuid NOT NULL,
                "file_name" text NOT NULL,
                "content_type" text NOT NULL,
                "size" integer NOT NULL,
                "sha256" text NOT NULL,
                "storage_key" text NOT NULL,
                "uploaded_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f8d1a9a8e0430b749e2f4694460" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_02c33b16d7bcd40cadd3bced01" ON "evidence_files" ("report_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "recurring_targets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "item_id" uuid NOT NULL,
                "text" text NOT NULL,
                "count" integer NOT NULL,
                "per" text NOT NULL,
                "unit" text NOT NULL DEFAULT '次',
                CONSTRAINT "PK_d55adce0b37459ea0e124d9d4dd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b84dbbf1b92386db33cc149b0d" ON "recurring_targets" ("item_id", "text")
        `);
    await queryRunner.query(`
            ALTER TABLE "plans"
            ADD "report_frequency" "public"."report_frequency" NOT NULL DEFAULT 'month'
        `);
    await queryRunner.query(`
            ALTER TABLE "items"
            ADD "report_frequency" "public"."report_frequency"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD "return_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log"
            ADD "assignment_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b63f3b5ece94f40e47b948f121" ON "audit_log" ("assignment_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "progress_reports"
            ADD CONSTRAINT "FK_c75b48d48d7d5072efd882792d2" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evidence_files"
            ADD CONSTRAINT "FK_02c33b16d7bcd40cadd3bced019" FOREIGN KEY ("report_id") REFERENCES "progress_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "recurring_targets"
            ADD CONSTRAINT "FK_9d65055721a718d880a3e4fccf9" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "recurring_targets" DROP CONSTRAINT "FK_9d65055721a718d880a3e4fccf9"
        `);
    await queryRunner.query(`
            ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_02c33b16d7bcd40cadd3bced019"
        `);
    await queryRunner.query(`
            ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_c75b48d48d7d5072efd882792d2"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b63f3b5ece94f40e47b948f121"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log" DROP COLUMN "assignment_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP COLUMN "return_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "items" DROP COLUMN "report_frequency"
        `);
    await queryRunner.query(`
            ALTER TABLE "plans" DROP COLUMN "report_frequency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b84dbbf1b92386db33cc149b0d"
        `);
    await queryRunner.query(`
            DROP TABLE "recurring_targets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_02c33b16d7bcd40cadd3bced01"
        `);
    await queryRunner.query(`
            DROP TABLE "evidence_files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."progress_reports_assignment_period"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."progress_reports_status_period"
        `);
    await queryRunner.query(`
            DROP TABLE "progress_reports"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."report_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."report_frequency"
        `);
  }
}
