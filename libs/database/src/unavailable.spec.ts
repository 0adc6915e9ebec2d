import { QueryFailedError } from 'typeorm';
import { databaseOutage } from './unavailable';

function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('databaseOutage', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'an administrator shutdown',
      pgError('terminating connection due to administrator command', '57P01'),
    ],
    ['a server starting up', pgError('the database system is starting up', '57P03')],
    ['a dropped connection', pgError('Connection terminated unexpectedly')],
    [
      'a dropped connection inside a QueryFailedError',
      new QueryFailedError('SELECT 1', [], pgError('Connection terminated unexpectedly')),
    ],
    [
      'every address of a host refused',
      Object.assign(new AggregateError([pgError('x', 'ECONNREFUSED')]), { code: undefined }),
    ],
  ])('calls %s down', (_what, error) => {
    expect(databaseOutage(error)).toBe('down');
  });

  it.each([
    ['the pool giving up on a connection', pgError('timeout exceeded when trying to connect')],
    ['a connect that timed out', pgError('Connection terminated due to connection timeout')],
    ['a read that timed out', new QueryFailedError('SELECT 1', [], pgError('Query read timeout'))],
    [
      'the server cancelling a slow statement',
      new QueryFailedError(
        'SELECT 1',
        [],
        pgError('canceling statement due to statement timeout', '57014'),
      ),
    ],
  ])('calls %s a timeout', (_what, error) => {
    expect(databaseOutage(error)).toBe('timeout');
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('duplicate key', '23505'))],
    ['a plain bug', new TypeError('x is undefined')],
    [
      'a cancel that was not a timeout',
      pgError('canceling statement due to user request', '57014'),
    ],
    ['nothing', undefined],
  ])('leaves %s alone', (_what, error) => {
    expect(databaseOutage(error)).toBeUndefined();
  });
});
