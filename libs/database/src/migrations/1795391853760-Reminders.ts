import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795391853760 implements MigrationInterface {
  name = 'Reminders1795391853760';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."delivery_kind" AS ENUM('digest', 'alert')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sending', 'sent', 'failed')
        `);
    await queryRunner.query(`
            CREATE TABLE "reminder_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_id" uuid NOT NULL,
                "kind" "public"."delivery_kind" NOT NULL,
                "period" text NOT NULL,
                "status" "public"."delivery_status" NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "recipients" text array NOT NULL DEFAULT '{}',
                "cc" text array NOT NULL DEFAULT '{}',
                "subject" text NOT NULL,
                "text_body" text NOT NULL,
                "html_body" text NOT NULL,
                "item_count" integer NOT NULL DEFAULT '0',
                "message_id" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_27a51a312a6045e6390716e6de0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "reminder_deliveries_status" ON "reminder_deliveries" ("status", "updated_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reminder_deliveries_key" ON "reminder_deliveries" ("unit_id", "kind", "period")
        `);
    await queryRunner.query(`
            CREATE TABLE "reminder_runs" (
                "kind" text NOT NULL,
                "period" text NOT NULL,
                "deliveries" integer NOT NULL DEFAULT '0',
                "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2a8860d7cdf3603e922cb38d865" PRIMARY KEY ("kind", "period")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ADD CONSTRAINT "FK_ab56791c532cf98de73fd7c26cb" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "FK_ab56791c532cf98de73fd7c26cb"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_runs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_deliveries_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_deliveries_status"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_deliveries"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."delivery_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."delivery_kind"
        `);
  }
}
