import { parseExpression } from 'cron-parser';

/** What cron-parser says is wrong with an expression, or undefined. */
function cronProblem(cron: string): string | undefined {
  try {
    parseExpression(cron, { tz: 'Asia/Shanghai' });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Every setting the apps read, parsed once from the environment. A missing or malformed value
 * stops the process with a message that names the variable (people who run the servers read it
 * in the log, so it says what to set, not what failed inside).
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效，请检查环境变量：\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  /** Interface the API listens on; loopback unless a proxy on another host must reach it. */
  host: string;
  /** Express's `trust proxy`: false, a hop count, or addresses (`loopback`, `10.0.0.1`). */
  trustProxy: boolean | number | string;
  /** The OpenAPI page and document at /api/docs (off in production unless asked for). */
  docsEnabled: boolean;
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  mailFrom: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  timeZone: string;
  publicUrl: string;
  demoPassword: string;
  reminders: {
    digestCron: string;
    tickCron: string;
    alertDays: number[];
    escalateAfterDays: number;
    dueSoonDays: number;
    mailAttempts: number;
    mailBackoffMs: number;
    sendingTimeoutMs: number;
    stalledMs: number;
  };
  uploadMaxBytes: number;
  storageDir: string;
  /** Request bodies: JSON in general, and the plan text route that takes a whole plan. */
  body: { jsonMaxBytes: number; planTextMaxBytes: number; maxKeys: number; maxDepth: number };
  /** What a .docx or .xlsx may unzip to before anything reads it (libs/safe-zip). */
  zip: { maxTotalBytes: number; maxEntryBytes: number; maxEntries: number; maxRatio: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const DEFAULT_DEMO_PASSWORD = 'luoshi-demo';

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback?: string): string {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) {
      this.problems.push(`${name} 未设置（必填）`);
      return '';
    }
    return value;
  }

  url(name: string, protocols: string[], fallback?: string): string {
    const value = this.string(name, fallback);
    if (!value) return value;
    try {
      const url = new URL(value);
      if (!protocols.includes(url.protocol.replace(/:$/, ''))) throw new Error('protocol');
    } catch {
      this.problems.push(
        `${name} 应为 ${protocols.map((p) => `${p}://`).join(' 或 ')} 开头的地址，现为 "${value}"`,
      );
    }
    return value;
  }

  port(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > 65535) {
      this.problems.push(`${name} 应为 1–65535 之间的端口号，现为 "${value}"`);
    }
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback;
    if (!allowed.includes(value as T)) {
      this.problems.push(`${name} 应为 ${allowed.join(' / ')} 之一，现为 "${value}"`);
    }
    return value as T;
  }

  timeZone(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
    } catch {
      this.problems.push(`${name} 不是有效的时区名（例如 Asia/Shanghai），现为 "${value}"`);
    }
    return value;
  }

  duration(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    if (!/^\d+[smhd]?$/.test(value)) {
      this.problems.push(`${name} 应为时长，如 3600、30m、8h、7d，现为 "${value}"`);
    }
    return value;
  }

  positiveInt(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
      this.problems.push(`${name} 应为正整数，现为 "${value}"`);
    }
    return Number(value);
  }

  cron(name: string, fallback: string, problem: (cron: string) => string | undefined): string {
    const value = this.string(name, fallback);
    const why = problem(value);
    if (why) this.problems.push(`${name} 不是有效的 cron 表达式（${why}），现为 "${value}"`);
    return value;
  }

  days(name: string, fallback: string): number[] {
    const value = this.string(name, fallback);
    const days = value.split(',').map((d) => d.trim());
    if (!days.every((d) => /^\d{1,3}$/.test(d) && Number(d) > 0)) {
      this.problems.push(`${name} 应为用逗号分隔的正整数天数，如 30,7,1，现为 "${value}"`);
      return [];
    }
    return [...new Set(days.map(Number))].sort((a, b) => b - a);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name} 应为 true 或 false，现为 "${value}"`);
    return fallback;
  }

  host(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    if (!/^[A-Za-z0-9.:_-]+$/.test(value)) {
      this.problems.push(`${name} 应为要监听的地址（如 127.0.0.1 或 0.0.0.0），现为 "${value}"`);
    }
    return value;
  }

  trustProxy(name: string): boolean | number | string {
    const value = this.raw(name);
    if (value === undefined || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    if (!/^[A-Za-z0-9.:/_, -]+$/.test(value)) {
      this.problems.push(
        `${name} 应为 false、跳数（如 1）或代理地址（如 loopback、10.0.0.1），现为 "${value}"`,
      );
    }
    return value;
  }

  secret(name: string, minLength: number): string {
    const value = this.string(name);
    if (value && value.length < minLength) {
      this.problems.push(`${name} 太短：至少 ${minLength} 个字符`);
    }
    return value;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new Reader(env);
  const port = read.port('PORT', 3000);
  const nodeEnv = read.oneOf(
    'NODE_ENV',
    ['development', 'production', 'test'] as const,
    'development',
  );
  const config: AppConfig = {
    nodeEnv,
    port,
    host: read.host('HOST', '127.0.0.1'),
    trustProxy: read.trustProxy('TRUST_PROXY'),
    docsEnabled: read.boolean('DOCS_ENABLED', nodeEnv !== 'production'),
    databaseUrl: read.url('DATABASE_URL', ['postgres', 'postgresql']),
    redisUrl: read.url('REDIS_URL', ['redis', 'rediss']),
    smtpUrl: read.url('SMTP_URL', ['smtp', 'smtps']),
    mailFrom: read.string('MAIL_FROM', '落实督办系统 <luoshi@localhost>'),
    jwtSecret: read.secret('JWT_SECRET', 32),
    jwtExpiresIn: read.duration('JWT_EXPIRES_IN', '8h'),
    timeZone: read.timeZone('APP_TIME_ZONE', 'Asia/Shanghai'),
    publicUrl: read.url('PUBLIC_URL', ['http', 'https'], `http://localhost:${port}`),
    demoPassword: read.string('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD),
    reminders: {
      digestCron: read.cron('DIGEST_CRON', '0 9 * * 1', cronProblem),
      tickCron: read.cron('REMINDER_TICK_CRON', '*/5 * * * *', cronProblem),
      alertDays: read.days('ALERT_DAYS', '30,7,1'),
      escalateAfterDays: read.positiveInt('ESCALATE_AFTER_DAYS', 7),
      dueSoonDays: read.positiveInt('DUE_SOON_DAYS', 30),
      mailAttempts: read.positiveInt('MAIL_ATTEMPTS', 5),
      mailBackoffMs: read.positiveInt('MAIL_BACKOFF_MS', 30_000),
      sendingTimeoutMs: read.positiveInt('MAIL_SENDING_TIMEOUT_MS', 120_000),
      stalledMs: read.positiveInt('QUEUE_STALLED_MS', 30_000),
    },
    uploadMaxBytes: read.positiveInt('UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
    // Beside the profile's other data (var/dev/files, var/test/files), never in the database.
    storageDir: read.string(
      'STORAGE_DIR',
      `${env.LUOSHI_VAR_DIR?.trim() || `var/${env.LUOSHI_PROFILE?.trim() || 'dev'}`}/files`,
    ),
    body: {
      jsonMaxBytes: read.positiveInt('BODY_MAX_BYTES', 100 * 1024),
      planTextMaxBytes: read.positiveInt('PLAN_TEXT_MAX_BYTES', 12 * 1024 * 1024),
      maxKeys: read.positiveInt('BODY_MAX_KEYS', 10_000),
      maxDepth: read.positiveInt('BODY_MAX_DEPTH', 32),
    },
    zip: {
      maxTotalBytes: read.positiveInt('ZIP_MAX_TOTAL_BYTES', 64 * 1024 * 1024),
      maxEntryBytes: read.positiveInt('ZIP_MAX_ENTRY_BYTES', 32 * 1024 * 1024),
      maxEntries: read.positiveInt('ZIP_MAX_ENTRIES', 2000),
      maxRatio: read.positiveInt('ZIP_MAX_RATIO', 100),
    },
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
  };
  if (read.problems.length) throw new ConfigError(read.problems);
  return config;
}

/** Only what the migration CLI and the data source need, so they do not demand JWT_SECRET. */
export function loadDatabaseUrl(env: Env = process.env): string {
  const read = new Reader(env);
  const url = read.url('DATABASE_URL', ['postgres', 'postgresql']);
  if (read.problems.length) throw new ConfigError(read.problems);
  return url;
}
