import { MigrationInterface, QueryRunner } from 'typeorm';

/** The supervision office's one summary per digest run (issue 15.5) is a delivery kind of its own. */
export class DeliveryKindEscalation1796176468031 implements MigrationInterface {
  name = 'DeliveryKindEscalation1796176468031';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."reminder_deliveries_key"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."delivery_kind"
            ADD VALUE 'escalation'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reminder_deliveries_key" ON "reminder_deliveries" ("unit_id", "kind", "period")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The old type has no value for the supervision office's summaries: they go first.
    await queryRunner.query(`
            DELETE FROM "reminder_deliveries" WHERE "kind" = 'escalation'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_deliveries_key"
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."delivery_kind_old" AS ENUM(
              'digest', 'alert', 'chase', 'report_returned', 'notice_issued', 'notice_returned', 'extension_decided'
            )
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
  }
}
