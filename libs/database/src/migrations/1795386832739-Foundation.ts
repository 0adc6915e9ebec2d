import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795386832739 implements MigrationInterface {
  name = 'Foundation1795386832739';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."plan_status" AS ENUM('draft', 'active', 'archived')
        `);
    await queryRunner.query(`
            CREATE TABLE "plans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "doc_number" text,
                "issuers" text array NOT NULL DEFAULT '{}',
                "issued_on" date,
                "period_start" date,
                "period_end" date,
                "default_due_on" date,
                "status" "public"."plan_status" NOT NULL DEFAULT 'draft',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b3a00a1b15371c17ba467a765d" ON "plans" ("doc_number")
            WHERE doc_number IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "sections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "number_text" text NOT NULL,
                "title" text NOT NULL,
                CONSTRAINT "PK_f9749dd3bffd880a497d007e450" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_835e7bd321ac651e4e44c91427" ON "sections" ("plan_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid NOT NULL,
                "section_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "number_text" text NOT NULL,
                "title" text NOT NULL,
                "body" text NOT NULL DEFAULT '',
                "preamble" boolean NOT NULL DEFAULT false,
                "deadline_text" text,
                "due_on" date,
                CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7dfc06e7b45cfe015c3c64640c" ON "items" ("section_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_9abbe72ff8cbd6eedab37a60dc" ON "items" ("plan_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "item_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "title" text NOT NULL,
                "body" text NOT NULL DEFAULT '',
                "due_on" date,
                CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_9eda65bc322bdda8a8149f20b5" ON "tasks" ("item_id", "number")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."unit_kind" AS ENUM(
                'leadership_office',
                'supervision_office',
                'department',
                'town',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "units" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "short_name" text,
                "aliases" text array NOT NULL DEFAULT '{}',
                "kind" "public"."unit_kind" NOT NULL DEFAULT 'department',
                "parent_id" uuid,
                "emails" text array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_cd34e4bfea359fa09d997a0b87" ON "units" ("name")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e0d04b0849a3cde857ececa8ad" ON "units" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."assignment_role" AS ENUM('lead', 'co')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."assignment_status" AS ENUM(
                'not_started',
                'in_progress',
                'submitted',
                'completed',
                'returned'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "task_id" uuid,
                "unit_id" uuid NOT NULL,
                "role" "public"."assignment_role" NOT NULL,
                "due_on" date NOT NULL,
                "status" "public"."assignment_status" NOT NULL DEFAULT 'not_started',
                "progress_percent" smallint NOT NULL DEFAULT '0',
                "completed_on" date,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "assignments_progress_percent_range" CHECK (
                    "progress_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_edf4d8822ede2853f9d4ff9556" ON "assignments" ("item_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "assignments_plan_due" ON "assignments" ("plan_id", "due_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "assignments_unit_due" ON "assignments" ("unit_id", "due_on")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "assignments_task_unit_unique" ON "assignments" ("task_id", "unit_id")
            WHERE task_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "assignments_item_unit_unique" ON "assignments" ("item_id", "unit_id")
            WHERE task_id IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_unit_id" uuid,
                "action" text NOT NULL,
                "entity_type" text NOT NULL,
                "entity_id" text NOT NULL,
                "before" jsonb,
                "after" jsonb,
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_entity" ON "audit_log" ("entity_type", "entity_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "unit_groups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "aliases" text array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a9373c5060331af9c864be62b87" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_e5295361029602e86019e6807f" ON "unit_groups" ("name")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM('admin', 'leadership', 'supervisor', 'unit')
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" text NOT NULL,
                "display_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "unit_id" uuid NOT NULL,
                "email" text,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users" ("username")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b94ecc6be926a5d23aa7791ec8" ON "users" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "unit_group_members" (
                "group_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                CONSTRAINT "PK_35134b07533bd9359b9cafbae0d" PRIMARY KEY ("group_id", "unit_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0bb3f6fdd089f58b3eac8d5905" ON "unit_group_members" ("group_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_adb6120b528982ea8dfa2ea01e" ON "unit_group_members" ("unit_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "sections"
            ADD CONSTRAINT "FK_1e573d3b07f09df6d9cc3c2c6cf" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "items"
            ADD CONSTRAINT "FK_3b9508658a418ce0599ce0691c8" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "items"
            ADD CONSTRAINT "FK_7dfc06e7b45cfe015c3c64640cc" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "FK_40f7bb817c9ef0d815c97da0a9f" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "units"
            ADD CONSTRAINT "FK_e0d04b0849a3cde857ececa8adb" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_34a776326079a7d5e9fa050fec3" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_edf4d8822ede2853f9d4ff95561" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_292e1d7e3f055c7554845a72f13" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_23808c344842c98d087c9a3d12a" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_b94ecc6be926a5d23aa7791ec8a" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "unit_group_members"
            ADD CONSTRAINT "FK_0bb3f6fdd089f58b3eac8d59050" FOREIGN KEY ("group_id") REFERENCES "unit_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "unit_group_members"
            ADD CONSTRAINT "FK_adb6120b528982ea8dfa2ea01e5" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "unit_group_members" DROP CONSTRAINT "FK_adb6120b528982ea8dfa2ea01e5"
        `);
    await queryRunner.query(`
            ALTER TABLE "unit_group_members" DROP CONSTRAINT "FK_0bb3f6fdd089f58b3eac8d59050"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_b94ecc6be926a5d23aa7791ec8a"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_23808c344842c98d087c9a3d12a"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_292e1d7e3f055c7554845a72f13"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_edf4d8822ede2853f9d4ff95561"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_34a776326079a7d5e9fa050fec3"
        `);
    await queryRunner.query(`
            ALTER TABLE "units" DROP CONSTRAINT "FK_e0d04b0849a3cde857ececa8adb"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "FK_40f7bb817c9ef0d815c97da0a9f"
        `);
    await queryRunner.query(`
            ALTER TABLE "items" DROP CONSTRAINT "FK_7dfc06e7b45cfe015c3c64640cc"
        `);
    await queryRunner.query(`
            ALTER TABLE "items" DROP CONSTRAINT "FK_3b9508658a418ce0599ce0691c8"
        `);
    await queryRunner.query(`
            ALTER TABLE "sections" DROP CONSTRAINT "FK_1e573d3b07f09df6d9cc3c2c6cf"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_adb6120b528982ea8dfa2ea01e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0bb3f6fdd089f58b3eac8d5905"
        `);
    await queryRunner.query(`
            DROP TABLE "unit_group_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b94ecc6be926a5d23aa7791ec8"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e5295361029602e86019e6807f"
        `);
    await queryRunner.query(`
            DROP TABLE "unit_groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_entity"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."assignments_item_unit_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."assignments_task_unit_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."assignments_unit_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."assignments_plan_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_edf4d8822ede2853f9d4ff9556"
        `);
    await queryRunner.query(`
            DROP TABLE "assignments"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."assignment_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."assignment_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e0d04b0849a3cde857ececa8ad"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cd34e4bfea359fa09d997a0b87"
        `);
    await queryRunner.query(`
            DROP TABLE "units"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."unit_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9eda65bc322bdda8a8149f20b5"
        `);
    await queryRunner.query(`
            DROP TABLE "tasks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9abbe72ff8cbd6eedab37a60dc"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7dfc06e7b45cfe015c3c64640c"
        `);
    await queryRunner.query(`
            DROP TABLE "items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_835e7bd321ac651e4e44c91427"
        `);
    await queryRunner.query(`
            DROP TABLE "sections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b3a00a1b15371c17ba467a765d"
        `);
    await queryRunner.query(`
            DROP TABLE "plans"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."plan_status"
        `);
  }
}
