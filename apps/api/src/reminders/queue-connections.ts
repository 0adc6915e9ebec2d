import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { PRODUCER_REDIS_OPTIONS } from '@app/queue-contracts';

/**
 * The Redis connections behind the API's queue. Bull does not close connections it did not
 * create, and it must not create them itself here: the producer's connection has to fail fast
 * while Redis is down (see STACK-NOTES). So they are made, and closed, here.
 */
@Injectable()
export class QueueConnections implements OnApplicationShutdown {
  private readonly open = new Set<Redis>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  create(type: 'client' | 'subscriber' | 'bclient'): Redis {
    const redis =
      type === 'client'
        ? new Redis(this.config.redisUrl, PRODUCER_REDIS_OPTIONS)
        : new Redis(this.config.redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: false });
    redis.on('error', () => undefined); // a request that needs Redis answers 503 instead
    this.open.add(redis);
    return redis;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.open].map((redis) => redis.quit().catch(() => redis.disconnect())));
    this.open.clear();
  }
}

@Global()
@Module({ providers: [QueueConnections], exports: [QueueConnections] })
export class QueueConnectionsModule {}
