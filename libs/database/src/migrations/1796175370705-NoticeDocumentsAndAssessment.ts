import { MigrationInterface, QueryRunner } from 'typeorm';

export class NoticeDocumentsAndAssessment1796175370705 implements MigrationInterface {
  name = 'NoticeDocumentsAndAssessment1796175370705';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "assessment_settings" (
                "id" text NOT NULL,
                "rules" jsonb NOT NULL,
                "updated_by_user_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1c68a02632d1e6d677e54fed581" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."notice_answer_outcome" AS ENUM('returned', 'closed')
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_answers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notice_id" uuid NOT NULL,
                "text" text NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "answered_by_user_id" uuid,
                "outcome" "public"."notice_answer_outcome",
                "review_comment" text,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c7590f05b8ec4467e23143ee745" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notice_answers_notice" ON "notice_answers" ("notice_id", "answered_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_answer_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "answer_id" uuid NOT NULL,
                "notice_id" uuid NOT NULL,
                "file_name" text NOT NULL,
                "content_type" text NOT NULL,
                "size" integer NOT NULL,
                "sha256" text NOT NULL,
                "storage_key" text NOT NULL,
                "uploaded_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9e1ac8bfe50f253ea6548c7969b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1129c2eaee74a41619e448dad2" ON "notice_answer_files" ("answer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_number_counters" (
                "office_unit_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "last_serial" integer NOT NULL,
                CONSTRAINT "PK_b947527d4a62fe8eed40a71ca1d" PRIMARY KEY ("office_unit_id", "year")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."notice_level" AS ENUM('blue', 'yellow', 'red')
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices"
            ADD "office_unit_id" uuid,
            ADD "issued_on" date,
            ADD "number_year" integer,
            ADD "number_serial" integer,
            ADD "level" "public"."notice_level",
            ADD "suggested_level" "public"."notice_level"
        `);
    // Notices issued before numbers existed: the issuer's office, numbered in the order
    // they were issued within their year; red when work they name was overdue that day.
    await queryRunner.query(`
            UPDATE "supervision_notices" n SET "office_unit_id" = u."unit_id"
            FROM "users" u WHERE u."id" = n."issued_by_user_id"
        `);
    await queryRunner.query(`
            UPDATE "supervision_notices" n SET "number_year" = x.y, "number_serial" = x.s,
              "issued_on" = (n."created_at" AT TIME ZONE 'Asia/Shanghai')::date
            FROM (
                SELECT "id", extract(year FROM "created_at" AT TIME ZONE 'Asia/Shanghai')::int AS y,
                  row_number() OVER (
                    PARTITION BY "office_unit_id", extract(year FROM "created_at" AT TIME ZONE 'Asia/Shanghai')
                    ORDER BY "created_at", "id")::int AS s
                FROM "supervision_notices"
            ) x WHERE x."id" = n."id"
        `);
    await queryRunner.query(`
            UPDATE "supervision_notices" n SET
              "level" = CASE WHEN EXISTS (
                SELECT 1 FROM "supervision_notice_assignments" na
                JOIN "assignments" a ON a."id" = na."assignment_id"
                WHERE na."notice_id" = n."id"
                  AND a."due_on" < (n."created_at" AT TIME ZONE 'Asia/Shanghai')::date
                  AND (a."completed_on" IS NULL OR a."completed_on" > (n."created_at" AT TIME ZONE 'Asia/Shanghai')::date)
              ) THEN 'red'::"public"."notice_level" ELSE 'yellow'::"public"."notice_level" END
        `);
    await queryRunner.query(`
            UPDATE "supervision_notices" SET "suggested_level" = "level"
        `);
    await queryRunner.query(`
            INSERT INTO "notice_number_counters" ("office_unit_id", "year", "last_serial")
            SELECT "office_unit_id", "number_year", max("number_serial") FROM "supervision_notices"
            WHERE "office_unit_id" IS NOT NULL GROUP BY 1, 2
        `);
    await queryRunner.query(`
            INSERT INTO "notice_answers" ("notice_id", "text", "answered_at", "answered_by_user_id",
              "outcome", "review_comment", "reviewed_at")
            SELECT "id", "answer_text", "answered_at", "answered_by_user_id",
              CASE "status" WHEN 'returned' THEN 'returned'::"public"."notice_answer_outcome"
                WHEN 'closed' THEN 'closed'::"public"."notice_answer_outcome" END,
              CASE WHEN "status" IN ('returned', 'closed') THEN "review_comment" END,
              CASE WHEN "status" = 'closed' THEN "closed_at" WHEN "status" = 'returned' THEN "updated_at" END
            FROM "supervision_notices" WHERE "answer_text" IS NOT NULL AND "answered_at" IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices"
            ALTER COLUMN "issued_on" SET NOT NULL,
            ALTER COLUMN "number_year" SET NOT NULL,
            ALTER COLUMN "number_serial" SET NOT NULL,
            ALTER COLUMN "level" SET NOT NULL,
            ALTER COLUMN "suggested_level" SET NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "supervision_notices_number" ON "supervision_notices" ("office_unit_id", "number_year", "number_serial")
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices"
            ADD CONSTRAINT "FK_ca3c3c7d5f6e1fad149d74f4f75" FOREIGN KEY ("office_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_answers"
            ADD CONSTRAINT "FK_7ad09a43fa8703ec92ff24e8598" FOREIGN KEY ("notice_id") REFERENCES "supervision_notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_answer_files"
            ADD CONSTRAINT "FK_1129c2eaee74a41619e448dad26" FOREIGN KEY ("answer_id") REFERENCES "notice_answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notice_answer_files" DROP CONSTRAINT "FK_1129c2eaee74a41619e448dad26"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_answers" DROP CONSTRAINT "FK_7ad09a43fa8703ec92ff24e8598"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP CONSTRAINT "FK_ca3c3c7d5f6e1fad149d74f4f75"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."supervision_notices_number"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "suggested_level"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "level"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notice_level"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "number_serial"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "number_year"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "office_unit_id", DROP COLUMN "issued_on"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_number_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1129c2eaee74a41619e448dad2"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_answer_files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notice_answers_notice"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_answers"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notice_answer_outcome"
        `);
    await queryRunner.query(`
            DROP TABLE "assessment_settings"
        `);
  }
}
