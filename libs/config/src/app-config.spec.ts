import { ConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('applies the documented defaults when only the required variables are set', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      port: 3000,
      jwtExpiresIn: 8 * 3600,
      publicUrl: 'http://localhost:3000',
      demoPassword: 'luoshi-demo',
    });
  });

  it('keeps evidence files beside the profile’s data unless STORAGE_DIR says otherwise', () => {
    expect(loadConfig(valid)).toMatchObject({
      storageDir: 'var/dev/files',
      uploadMaxBytes: 20971520,
    });
    expect(loadConfig({ ...valid, LUOSHI_PROFILE: 'test' }).storageDir).toBe('var/test/files');
    expect(loadConfig({ ...valid, LUOSHI_VAR_DIR: '/srv/luoshi' }).storageDir).toBe(
      '/srv/luoshi/files',
    );
    expect(loadConfig({ ...valid, STORAGE_DIR: '/data/files' }).storageDir).toBe('/data/files');
    expect(loadConfig({ ...valid, UPLOAD_MAX_BYTES: '1024' }).uploadMaxBytes).toBe(1024);
  });

  it('locks an account after 5 failures for 15 minutes and trusts no proxy unless told', () => {
    expect(loadConfig(valid)).toMatchObject({
      login: { maxFailures: 5, lockMinutes: 15, addressMaxFailures: 30, addressWindowMinutes: 15 },
      trustProxy: false,
    });
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(loadConfig({ ...valid, LOGIN_MAX_FAILURES: '3' }).login.maxFailures).toBe(3);
  });

  it('logs readable lines except in production, and bounds every wait on PostgreSQL', () => {
    expect(loadConfig(valid).log).toEqual({
      level: 'info',
      format: 'pretty',
    });
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).log.format).toBe('json');
    expect(loadConfig({ ...valid, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' }).log).toMatchObject({
      level: 'warn',
      format: 'json',
    });
    expect(loadConfig(valid).database).toEqual({
      url: valid.DATABASE_URL,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 30000,
      poolSize: 20,
    });
    expect(
      loadConfig({ ...valid, DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '0' })
        .database,
    ).toMatchObject({ connectTimeoutMs: 1000, statementTimeoutMs: 0 });
    expect(loadConfig(valid).backup).toEqual({ dir: 'var/dev/backups', keep: 14 });
  });

  it('keeps the API on loopback with docs on, and docs off in production unless asked', () => {
    expect(loadConfig(valid)).toMatchObject({
      host: '127.0.0.1',
      docsEnabled: true,
      trustProxy: false,
    });
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).docsEnabled).toBe(false);
    expect(loadConfig({ ...valid, NODE_ENV: 'production', DOCS_ENABLED: 'true' }).docsEnabled).toBe(
      true,
    );
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(() => loadConfig({ ...valid, DOCS_ENABLED: 'maybe' })).toThrow(/DOCS_ENABLED/);
    expect(() => loadConfig({ ...valid, HOST: 'a b' })).toThrow(/HOST/);
  });

  it('bounds request bodies and archives with defaults that can be changed', () => {
    const config = loadConfig(valid);
    expect(config.body).toEqual({
      jsonMaxBytes: 102400,
      planTextMaxBytes: 12582912,
      maxKeys: 10000,
      maxDepth: 32,
    });
    expect(config.zip.maxTotalBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ ...valid, ZIP_MAX_ENTRIES: '10' }).zip.maxEntries).toBe(10);
    expect(() => loadConfig({ ...valid, BODY_MAX_BYTES: '-1' })).toThrow(/BODY_MAX_BYTES/);
  });

  it('names every missing required variable in one error', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    try {
      loadConfig({});
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET']) {
        expect(problems).toContain(name);
      }
    }
  });

  it.each([
    ['PORT', 'eighty', 'PORT'],
    ['PORT', '70000', 'PORT'],
    ['DATABASE_URL', 'mysql://x/y', 'DATABASE_URL'],
    ['REDIS_URL', 'not a url', 'REDIS_URL'],
    ['APP_TIME_ZONE', 'Europe/Berlin', 'APP_TIME_ZONE'],
    ['JWT_SECRET', 'short', 'JWT_SECRET'],
    ['JWT_EXPIRES_IN', 'forever', 'JWT_EXPIRES_IN'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['LOG_FORMAT', 'xml', 'LOG_FORMAT'],
    ['DB_STATEMENT_TIMEOUT_MS', '30s', 'DB_STATEMENT_TIMEOUT_MS'],
    ['DB_CONNECT_TIMEOUT_MS', '-1', 'DB_CONNECT_TIMEOUT_MS'],
    ['BACKUP_KEEP', 'all', 'BACKUP_KEEP'],
    ['UPLOAD_MAX_BYTES', '20MB', 'UPLOAD_MAX_BYTES'],
    ['UPLOAD_MAX_BYTES', '0', 'UPLOAD_MAX_BYTES'],
    ['DIGEST_CRON', 'every monday', 'DIGEST_CRON'],
    ['ALERT_DAYS', '30,seven', 'ALERT_DAYS'],
    ['LOGIN_MAX_FAILURES', '0', 'LOGIN_MAX_FAILURES'],
    ['TRUST_PROXY', 'any proxy; really', 'TRUST_PROXY'],
  ])('rejects a malformed %s (%s) and names it', (name, value, expected) => {
    expect(() => loadConfig({ ...valid, [name]: value })).toThrow(new RegExp(expected));
  });
});

describe('loadConfig: one zone, one parse', () => {
  it('accepts APP_TIME_ZONE only as the zone the product works in', () => {
    expect(() => loadConfig({ ...valid, APP_TIME_ZONE: 'Asia/Shanghai' })).not.toThrow();
  });

  it.each([
    ['3600', 3600],
    ['30m', 1800],
    ['8h', 28800],
    ['7d', 604800],
  ])('reads JWT_EXPIRES_IN=%s as %i seconds', (value, seconds) => {
    expect(loadConfig({ ...valid, JWT_EXPIRES_IN: value }).jwtExpiresIn).toBe(seconds);
  });
});
