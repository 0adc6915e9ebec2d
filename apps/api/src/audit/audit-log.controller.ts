import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/database';
import { Roles } from '../auth/decorators';
import { AuditLogPage, AuditLogQuery } from './audit-log.dto';
import { AuditLogService } from './audit-log.service';

/**
 * The audit trail is for the administrator and the supervision office (等保 安全审计); the
 * leadership office and units read their own history through the timelines instead.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Admin, Role.Supervisor)
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary: '审计日志：每次写入、删除、登录与登录失败，按操作人、对象、操作、日期筛选',
  })
  @ApiOkResponse({ type: AuditLogPage })
  list(@Query() query: AuditLogQuery) {
    return this.audit.list(query);
  }
}
