import { MigrationInterface, QueryRunner } from 'typeorm';

export class HolidayCalendars1796165037776 implements MigrationInterface {
  name = 'HolidayCalendars1796165037776';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "holiday_calendars" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "year" integer NOT NULL,
                "holidays" jsonb NOT NULL,
                "workdays" jsonb NOT NULL,
                "title" text,
                "source_text" text NOT NULL,
                "updated_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_e600f14506faa4edb8be8c40b12" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "holiday_calendars_year" ON "holiday_calendars" ("year")
        `);
    await queryRunner.query(`
            CREATE TABLE "system_state" (
                "key" text NOT NULL,
                "value" text NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a291c88459a85c912ca5f83eb83" PRIMARY KEY ("key")
            )
        `);
    // When the installation began, so a worker's catch-up never reaches back before it. On
    // an empty database that is now; an installation already in use began with its first
    // audited write (the demo seed or the first unit), which this keeps.
    await queryRunner.query(`
            INSERT INTO "system_state" ("key", "value")
            SELECT 'installed_at', to_char(
                COALESCE((SELECT min("at") FROM "audit_log"), now()) AT TIME ZONE 'UTC',
                'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "system_state"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."holiday_calendars_year"
        `);
    await queryRunner.query(`
            DROP TABLE "holiday_calendars"
        `);
  }
}
