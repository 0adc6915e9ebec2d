import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { calendarWarning, CLOCK, Clock, todayIn } from '@app/calendar';
import { CalendarSource } from '@app/database';
import { Public } from '../auth/decorators';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly calendar: CalendarSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: '健康检查（PostgreSQL、Redis）' })
  @HealthCheck()
  async check() {
    const result = await this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 1500 }),
      () => this.redis.isHealthy('redis'),
    ]);
    // Missing holiday data is for a person to fix, not an outage: the service stays up (overall
    // status ok, HTTP 200, so monitors do not page anyone) and the detail says what is wrong.
    const calendar = this.calendarDetail();
    return {
      ...result,
      info: { ...result.info, calendar },
      details: { ...result.details, calendar },
    };
  }

  private calendarDetail() {
    const warning = calendarWarning(todayIn(this.clock), this.calendar.calendar());
    return warning
      ? {
          status: 'up' as const,
          state: 'degraded' as const,
          missingYear: warning.year,
          message: warning.message,
        }
      : { status: 'up' as const, state: 'ok' as const };
  }
}
