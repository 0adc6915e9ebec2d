import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottle1796164612675 implements MigrationInterface {
  name = 'LoginThrottle1796164612675';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "login_throttle" (
                "key" text NOT NULL,
                "failures" integer NOT NULL,
                "first_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e018dcae8e238460e1a1dd96d5" ON "login_throttle" ("last_failure_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e018dcae8e238460e1a1dd96d5"
        `);
    await queryRunner.query(`
            DROP TABLE "login_throttle"
        `);
  }
}
