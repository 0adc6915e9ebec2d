import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionNotices1795389676050 implements MigrationInterface {
  name = 'SupervisionNotices1795389676050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."notice_status" AS ENUM('issued', 'answered', 'returned', 'closed')
        `);
    await queryRunner.query(`
            CREATE TABLE "supervision_notices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_id" uuid NOT NULL,
                "issued_by_user_id" uuid,
                "reason" text NOT NULL,
                "reply_by" date NOT NULL,
                "status" "public"."notice_status" NOT NULL DEFAULT 'issued',
                "answer_text" text,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answered_by_user_id" uuid,
                "review_comment" text,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9b4420fd0c2f761f599285c6ee8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "supervision_notices_open_reply_by" ON "supervision_notices" ("reply_by")
            WHERE status IN ('issued', 'returned')
        `);
    await queryRunner.query(`
            CREATE INDEX "supervision_notices_unit_status" ON "supervision_notices" ("unit_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "supervision_notice_assignments" (
                "notice_id" uuid NOT NULL,
                "assignment_id" uuid NOT NULL,
                CONSTRAINT "PK_78ebcfd48105914c0215cc9ed43" PRIMARY KEY ("notice_id", "assignment_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_11f0f061f6bd1b43ba5b1adea4" ON "supervision_notice_assignments" ("notice_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e1e352d2f5b7e4c86c6a575542" ON "supervision_notice_assignments" ("assignment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "assignments_open_due" ON "assignments" ("due_on", "unit_id")
            WHERE completed_on IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices"
            ADD CONSTRAINT "FK_a2f32d2abdbaa83819ae18f3ad8" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notice_assignments"
            ADD CONSTRAINT "FK_11f0f061f6bd1b43ba5b1adea4c" FOREIGN KEY ("notice_id") REFERENCES "supervision_notices"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notice_assignments"
            ADD CONSTRAINT "FK_e1e352d2f5b7e4c86c6a575542b" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "supervision_notice_assignments" DROP CONSTRAINT "FK_e1e352d2f5b7e4c86c6a575542b"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notice_assignments" DROP CONSTRAINT "FK_11f0f061f6bd1b43ba5b1adea4c"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP CONSTRAINT "FK_a2f32d2abdbaa83819ae18f3ad8"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."assignments_open_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e1e352d2f5b7e4c86c6a575542"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_11f0f061f6bd1b43ba5b1adea4"
        `);
    await queryRunner.query(`
            DROP TABLE "supervision_notice_assignments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."supervision_notices_unit_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."supervision_notices_open_reply_by"
        `);
    await queryRunner.query(`
            DROP TABLE "supervision_notices"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notice_status"
        `);
  }
}
