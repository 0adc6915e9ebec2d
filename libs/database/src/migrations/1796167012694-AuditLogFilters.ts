import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLogFilters1796167012694 implements MigrationInterface {
  name = 'AuditLogFilters1796167012694';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "audit_log_at" ON "audit_log" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_actor" ON "audit_log" ("actor_user_id", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_actor"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_at"
        `);
  }
}
