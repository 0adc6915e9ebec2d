import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';

/** Terminus has no Bull/Redis check: a PING with a short timeout, failing fast when Redis is down. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;
  private connecting?: Promise<void>;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined); // reported through the check, not as noise in the log
  }

  async isHealthy(key: string) {
    const check = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const pong = await Promise.race([
        this.connected().then(() => this.redis.ping()),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), 1000);
        }),
      ]);
      return pong === 'PONG' ? check.up() : check.down({ message: String(pong) });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Ready to take a command. Without the offline queue a PING sent while the first connection is
   * being made fails at once ("Stream isn't writeable"), so the checks that arrive together with
   * the first one wait for the same connection instead of reporting Redis down.
   */
  private connected(): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    if (this.redis.status === 'wait') {
      this.connecting = this.redis.connect().finally(() => (this.connecting = undefined));
    }
    return this.connecting ?? Promise.resolve();
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
