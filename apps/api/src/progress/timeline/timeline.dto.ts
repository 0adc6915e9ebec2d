import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination';

export class TimelineEvent {
  @ApiProperty() at!: Date;
  @ApiPropertyOptional({ type: String, nullable: true, description: '操作人登录名；系统操作为空' })
  username!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty({
    description: '对象：Assignment、ProgressReport、EvidenceFile、Item、ExtensionRequest、Chase',
  })
  entityType!: string;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: '所属责任分工',
  })
  assignmentId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '该分工的责任单位' })
  unitName!: string | null;
  @ApiProperty({ enum: ['create', 'update', 'delete'] }) action!: string;
  @ApiProperty({ description: '发生了什么（中文）' }) summary!: string;
  @ApiProperty({ description: '改动的字段：{字段: [原值, 新值]}' }) changes!: Record<
    string,
    [unknown, unknown]
  >;
}

export class TimelinePage extends PageOf(TimelineEvent) {}
