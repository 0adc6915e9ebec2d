import { MigrationInterface, QueryRunner } from 'typeorm';

export class Acknowledgements1796175377778 implements MigrationInterface {
  name = 'Acknowledgements1796175377778';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "chases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "batch_id" uuid NOT NULL,
                "assignment_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "message" text NOT NULL,
                "sent_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9cf7254c3054a3f50687f5d131a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_df286b9ecab69e77142d19843e" ON "chases" ("batch_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8431a0b0ccd1a552d6f693ff5b" ON "chases" ("assignment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "chases_unit" ON "chases" ("unit_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."extension_status" AS ENUM('pending', 'approved', 'refused')
        `);
    await queryRunner.query(`
            CREATE TABLE "extension_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "current_due_on" date NOT NULL,
                "requested_due_on" date NOT NULL,
                "reason" text NOT NULL,
                "status" "public"."extension_status" NOT NULL DEFAULT 'pending',
                "requested_by_user_id" uuid,
                "decided_by_user_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_comment" text,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cf652cfbd6bc847a21929fd703f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_98e20ed4663fc8b7f6e5a6e147" ON "extension_requests" ("assignment_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "extension_requests_one_pending" ON "extension_requests" ("assignment_id")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "extension_requests_unit" ON "extension_requests" ("unit_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "extension_requests_status" ON "extension_requests" ("status", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD "acknowledged_by_user_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD "acknowledge_by" date
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD "original_due_on" date
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices"
            ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices"
            ADD "acknowledged_by_user_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices"
            ADD "acknowledge_by" date
        `);
    // Work given before 签收 existed counts as received when it was given: nobody is asked to
    // acknowledge years-old assignments, and "acknowledged on time" holds for them.
    await queryRunner.query(`
            UPDATE "assignments" SET "acknowledged_at" = "created_at", "acknowledge_by" = ("created_at" AT TIME ZONE 'Asia/Shanghai')::date
        `);
    await queryRunner.query(`
            UPDATE "supervision_notices" SET "acknowledged_at" = "created_at", "acknowledge_by" = ("created_at" AT TIME ZONE 'Asia/Shanghai')::date
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind"
            ADD VALUE 'chase'
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind"
            ADD VALUE 'report_returned'
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind"
            ADD VALUE 'notice_issued'
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind"
            ADD VALUE 'notice_returned'
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind"
            ADD VALUE 'extension_decided'
        `);
    await queryRunner.query(`
            ALTER TABLE "chases"
            ADD CONSTRAINT "FK_8431a0b0ccd1a552d6f693ff5be" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "chases"
            ADD CONSTRAINT "FK_5600fb951f2d1049adfb8f0b846" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "extension_requests"
            ADD CONSTRAINT "FK_98e20ed4663fc8b7f6e5a6e1475" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "extension_requests"
            ADD CONSTRAINT "FK_b1ed33fb90d88a17e12ccfd915d" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_b1ed33fb90d88a17e12ccfd915d"
        `);
    await queryRunner.query(`
            ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_98e20ed4663fc8b7f6e5a6e1475"
        `);
    await queryRunner.query(`
            ALTER TABLE "chases" DROP CONSTRAINT "FK_5600fb951f2d1049adfb8f0b846"
        `);
    await queryRunner.query(`
            ALTER TABLE "chases" DROP CONSTRAINT "FK_8431a0b0ccd1a552d6f693ff5be"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_deliveries_key"
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."delivery_kind_old" AS ENUM('digest', 'alert')
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ALTER COLUMN "kind" TYPE "public"."delivery_kind_old" USING "kind"::"text"::"public"."delivery_kind_old"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."delivery_kind"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind_old"
            RENAME TO "delivery_kind"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reminder_deliveries_key" ON "reminder_deliveries" USING btree ("unit_id", "kind", "period")
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "acknowledge_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "acknowledged_by_user_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "supervision_notices" DROP COLUMN "acknowledged_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP COLUMN "original_due_on"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP COLUMN "acknowledge_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP COLUMN "acknowledged_by_user_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP COLUMN "acknowledged_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."extension_requests_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."extension_requests_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."extension_requests_one_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_98e20ed4663fc8b7f6e5a6e147"
        `);
    await queryRunner.query(`
            DROP TABLE "extension_requests"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."extension_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."chases_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8431a0b0ccd1a552d6f693ff5b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_df286b9ecab69e77142d19843e"
        `);
    await queryRunner.query(`
            DROP TABLE "chases"
        `);
  }
}
