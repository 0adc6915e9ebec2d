import { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordChange1796165343020 implements MigrationInterface {
  name = 'PasswordChange1796165343020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "token_version" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "must_change_password" boolean NOT NULL DEFAULT false
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "must_change_password"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "token_version"
        `);
  }
}
