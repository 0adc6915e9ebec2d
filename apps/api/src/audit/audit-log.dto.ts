import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS, AuditAction, AuditLog } from '@app/database';
import { IsDateOnly } from '../common/dates';
import { PageOf, PageQuery } from '../common/pagination';

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '操作人（用户 ID）' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({
    description:
      '对象类型：Plan、Section、Item、Assignment、ProgressReport、EvidenceFile、Unit、UnitGroup、User、Login 等',
    example: 'Assignment',
  })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,64}$/, { message: 'entityType：应为对象类型名，如 Assignment' })
  entityType?: string;

  @ApiPropertyOptional({ description: '对象 ID（登录记录为登录名）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, description: '操作' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ description: '起始日期（含，按 Asia/Shanghai）', example: '2025-03-01' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含，按 Asia/Shanghai）', example: '2025-03-31' })
  @IsOptional()
  @IsDateOnly()
  to?: string;
}

export class AuditLogView {
  @ApiProperty({ description: '流水号（递增）' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '操作人登录名' })
  actorUsername!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUnitName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignmentId!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: '修改或删除前' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: '创建或修改后' })
  after!: Record<string, unknown> | null;

  static from(row: AuditLog & { actorUsername: string | null; actorUnitName: string | null }) {
    return Object.assign(new AuditLogView(), {
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actorUserId: row.actorUserId,
      actorUsername: row.actorUsername,
      actorUnitId: row.actorUnitId,
      actorUnitName: row.actorUnitName,
      assignmentId: row.assignmentId,
      before: row.before,
      after: row.after,
    });
  }
}

export class AuditLogPage extends PageOf(AuditLogView) {}
