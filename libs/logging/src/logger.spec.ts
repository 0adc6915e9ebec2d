import type { LogSettings } from '@app/config';
import { createLogger } from './logger';

function capture(settings: Partial<LogSettings>) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger(
    { level: 'info', format: 'json', ...settings },
    { write: (chunk: string) => void lines.push(JSON.parse(chunk)) },
  );
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON with the level by name and the time in Shanghai with its offset', () => {
    const { logger, lines } = capture({});
    logger.info({ planId: 'p1' }, '方案已导入');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: '方案已导入', planId: 'p1' });
    expect(lines[0].time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(Math.abs(Date.parse(String(lines[0].time)) - Date.now())).toBeLessThan(60_000);
  });

  it('applies LOG_LEVEL', () => {
    const { logger, lines } = capture({ level: 'warn' });
    logger.info('not shown');
    logger.debug('not shown either');
    logger.warn('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
    expect(capture({ level: 'silent' }).logger.isLevelEnabled('fatal')).toBe(false);
  });

  it('never writes a password or a bearer token', () => {
    const { logger, lines } = capture({});
    logger.info({ password: 'luoshi-demo', req: { headers: { authorization: 'Bearer x' } } }, 'x');
    expect(JSON.stringify(lines[0])).not.toContain('luoshi-demo');
    expect(JSON.stringify(lines[0])).not.toContain('Bearer x');
  });
});
