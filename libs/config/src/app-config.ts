import { availableParallelism } from 'node:os';
import { parseExpression } from 'cron-parser';
import { TIME_ZONE } from '@app/calendar';

const SECONDS = { '': 1, s: 1, m: 60, h: 3600, d: 86400 } as const;

/** What cron-parser says is wrong with an expression, or undefined. */
function cronProblem(cron: string): string | undefined {
  try {
    parseExpression(cron, { tz: TIME_ZONE });
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
  /** API processes on this host (node:cluster workers sharing the port); default: the cores. */
  apiProcesses: number;
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
  /** Token lifetime in seconds, parsed once from JWT_EXPIRES_IN (`3600`, `30m`, `8h`, `7d`). */
  jwtExpiresIn: number;
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
  /** 签收: working days a unit has to acknowledge a new assignment or notice. */
  acknowledgeWorkingDays: number;
  uploadMaxBytes: number;
  storageDir: string;
  /** The built console (vite build), served at `/` by the API process. */
  webDir: string;
  /** Request bodies: JSON in general, and the plan text route that takes a whole plan. */
  body: { jsonMaxBytes: number; planTextMaxBytes: number; maxKeys: number; maxDepth: number };
  /** What a .docx or .xlsx may unzip to before anything reads it (libs/safe-zip). */
  zip: { maxTotalBytes: number; maxEntryBytes: number; maxEntries: number; maxRatio: number };
  login: LoginRules;
  log: LogSettings;
  database: DatabaseSettings;
  backup: { dir: string; keep: number };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the API, the worker and the CLI log: one reading of LOG_LEVEL and LOG_FORMAT for all. */
export interface LogSettings {
  level: LogLevel;
  /** `json`: one JSON object a line (production); `pretty`: readable lines (development, tests). */
  format: 'json' | 'pretty';
}

/**
 * Bounds on waiting for PostgreSQL, so a stopped or frozen database turns into a quick 503
 * instead of requests that hang. 0 switches a bound off (the CLI's long batch statements).
 */
export interface DatabaseSettings {
  url: string;
  /**
   * A streaming replica (DATABASE_READ_URL) for the heavy reads that may lag a moment behind:
   * supervision lists and statistics, exports, annual reports. Absent: the primary serves them.
   */
  readUrl?: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  poolSize: number;
}

/** Sign-in throttling (等保 身份鉴别: 登录失败处理). */
export interface LoginRules {
  /** Failed sign-ins in a row that lock an account (known or not: the answers stay alike). */
  maxFailures: number;
  /** How long a locked account stays locked; also how long a run of failures is remembered. */
  lockMinutes: number;
  /** Failed sign-ins from one client address within `addressWindowMinutes` that block it. */
  addressMaxFailures: number;
  addressWindowMinutes: number;
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

  /** An address that may be left unset. */
  optionalUrl(name: string, protocols: string[]): string | undefined {
    return this.raw(name) === undefined ? undefined : this.url(name, protocols);
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

  /** A duration in seconds: `3600`, `30m`, `8h`, `7d`. */
  duration(name: string, fallback: string): number {
    const value = this.string(name, fallback);
    const m = /^(\d+)([smhd]?)$/.exec(value);
    if (!m || Number(m[1]) < 1) {
      this.problems.push(`${name} 应为时长，如 3600、30m、8h、7d，现为 "${value}"`);
      return 0;
    }
    return Number(m[1]) * SECONDS[m[2] as keyof typeof SECONDS];
  }

  nonNegativeInt(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      this.problems.push(`${name} 应为非负整数（0 表示不限），现为 "${value}"`);
    }
    return Number(value);
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

  /** `false` (default), `true`, a hop count, or addresses/subnets such as `loopback, 10.0.0.0/8`. */
  trustProxy(name: string): boolean | number | string {
    const value = this.raw(name);
    if (value === undefined || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    if (!/^[\w.:/,\s-]+$/.test(value)) {
      this.problems.push(
        `${name} 应为 false、true、代理层数或地址列表（如 loopback），现为 "${value}"`,
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
  const database = readDatabaseSettings(read);
  const nodeEnv = read.oneOf(
    'NODE_ENV',
    ['development', 'production', 'test'] as const,
    'development',
  );
  const config: AppConfig = {
    nodeEnv,
    port,
    apiProcesses: read.positiveInt('API_PROCESSES', availableParallelism()),
    host: read.host('HOST', '127.0.0.1'),
    docsEnabled: read.boolean('DOCS_ENABLED', nodeEnv !== 'production'),
    databaseUrl: database.url,
    redisUrl: read.url('REDIS_URL', ['redis', 'rediss']),
    smtpUrl: read.url('SMTP_URL', ['smtp', 'smtps']),
    mailFrom: read.string('MAIL_FROM', '落实督办系统 <luoshi@localhost>'),
    jwtSecret: read.secret('JWT_SECRET', 32),
    jwtExpiresIn: read.duration('JWT_EXPIRES_IN', '8h'),
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
    acknowledgeWorkingDays: read.positiveInt('ACKNOWLEDGE_WORKING_DAYS', 2),
    uploadMaxBytes: read.positiveInt('UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
    // Beside the profile's other data (var/dev/files, var/test/files), never in the database.
    storageDir: read.string('STORAGE_DIR', `${varDir(env)}/files`),
    webDir: read.string('WEB_DIR', 'dist/web'),
    log: readLogSettings(read, env),
    database,
    backup: {
      dir: read.string('BACKUP_DIR', `${varDir(env)}/backups`),
      keep: read.nonNegativeInt('BACKUP_KEEP', 14),
    },
    login: {
      maxFailures: read.positiveInt('LOGIN_MAX_FAILURES', 5),
      lockMinutes: read.positiveInt('LOGIN_LOCK_MINUTES', 15),
      addressMaxFailures: read.positiveInt('LOGIN_ADDRESS_MAX_FAILURES', 30),
      addressWindowMinutes: read.positiveInt('LOGIN_ADDRESS_WINDOW_MINUTES', 15),
    },
    trustProxy: read.trustProxy('TRUST_PROXY'),
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
  };
  // Gone, not ignored: a deployment that sets another zone must hear that it has no effect.
  const zone = env.APP_TIME_ZONE?.trim();
  if (zone && zone !== TIME_ZONE) {
    read.problems.push(
      `APP_TIME_ZONE 已取消：本系统固定按 ${TIME_ZONE} 时间工作，请删除该变量（现为 "${zone}"）`,
    );
  }
  if (read.problems.length) throw new ConfigError(read.problems);
  return config;
}

/** The profile's data folder, as docker/env-defaults.sh sets it. */
function varDir(env: Env): string {
  return env.LUOSHI_VAR_DIR?.trim() || `var/${env.LUOSHI_PROFILE?.trim() || 'dev'}`;
}

function readLogSettings(read: Reader, env: Env): LogSettings {
  const production = env.NODE_ENV?.trim() === 'production';
  return {
    level: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    format: read.oneOf('LOG_FORMAT', ['json', 'pretty'] as const, production ? 'json' : 'pretty'),
  };
}

function readDatabaseSettings(read: Reader): DatabaseSettings {
  return {
    url: read.url('DATABASE_URL', ['postgres', 'postgresql']),
    readUrl: read.optionalUrl('DATABASE_READ_URL', ['postgres', 'postgresql']),
    connectTimeoutMs: read.nonNegativeInt('DB_CONNECT_TIMEOUT_MS', 5_000),
    statementTimeoutMs: read.nonNegativeInt('DB_STATEMENT_TIMEOUT_MS', 30_000),
    poolSize: read.positiveInt('DB_POOL_SIZE', 20),
  };
}

/** Only what the migration CLI and the data source need, so they do not demand JWT_SECRET. */
export function loadDatabaseUrl(env: Env = process.env): string {
  return loadDatabaseSettings(env).url;
}

/** DATABASE_URL and the timeouts, for the CLI, the migration CLI and the tests. */
export function loadDatabaseSettings(env: Env = process.env): DatabaseSettings {
  const read = new Reader(env);
  const settings = readDatabaseSettings(read);
  if (read.problems.length) throw new ConfigError(read.problems);
  return settings;
}

/** LOG_LEVEL and LOG_FORMAT alone, for the CLI (which needs no JWT_SECRET). */
export function loadLogSettings(env: Env = process.env): LogSettings {
  const read = new Reader(env);
  const settings = readLogSettings(read, env);
  if (read.problems.length) throw new ConfigError(read.problems);
  return settings;
}

/** What `npm run backup` and `npm run restore` need: the database, the files, where backups go. */
export interface BackupSettings {
  database: DatabaseSettings;
  storageDir: string;
  backup: AppConfig['backup'];
}

export function loadBackupSettings(env: Env = process.env): BackupSettings {
  const read = new Reader(env);
  const settings: BackupSettings = {
    database: readDatabaseSettings(read),
    storageDir: read.string('STORAGE_DIR', `${varDir(env)}/files`),
    backup: {
      dir: read.string('BACKUP_DIR', `${varDir(env)}/backups`),
      keep: read.nonNegativeInt('BACKUP_KEEP', 14),
    },
  };
  if (read.problems.length) throw new ConfigError(read.problems);
  return settings;
}
