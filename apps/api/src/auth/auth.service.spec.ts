import bcrypt from 'bcryptjs';
import { FixedClock } from '@app/calendar';
import { loadConfig, passwordHashCost } from '@app/config';
import { User, UnitOfWork } from '@app/database';
import { hashPassword } from '../users/passwords';
import { UserQueries } from '../users/user.queries';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { JwtService } from '@nestjs/jwt';

/**
 * An unknown name must cost what a wrong password costs: one bcrypt comparison each, against
 * a hash of the same cost. (The e2e tests show the answers are identical; this shows the work.)
 */
describe('AuthService.login for unknown and known names', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
    REDIS_URL: 'redis://127.0.0.1:6379',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    JWT_SECRET: 'x'.repeat(32),
  });
  const throttle = {
    lockOf: async () => null,
    recordFailure: async () => null,
    recordSuccess: async () => undefined,
  } as unknown as LoginThrottleService;
  const uow = { run: async () => undefined } as unknown as UnitOfWork;

  async function attempt(user: User | null): Promise<string[]> {
    const users = { findForLogin: async () => user } as unknown as UserQueries;
    const service = new AuthService(
      users,
      {} as UsersService,
      new JwtService({ secret: config.jwtSecret }),
      throttle,
      uow,
      new FixedClock('2025-03-10'),
      config,
    );
    const compare = jest.spyOn(bcrypt, 'compare');
    try {
      await expect(service.login('someone', 'wrong-password', '127.0.0.1')).rejects.toMatchObject({
        status: 401,
      });
      return compare.mock.calls.map(([, hash]) => String(hash).slice(0, 7));
    } finally {
      compare.mockRestore();
    }
  }

  it('compares once against a hash of the same cost, whether or not the account exists', async () => {
    const real = { id: 'u1', passwordHash: await hashPassword('Real-Pass-1') } as User;
    const known = await attempt(real);
    const unknown = await attempt(null);
    // The cost of the profile the test runs in (10 in production, see password-cost.spec).
    expect(known).toEqual([`$2b$${String(passwordHashCost()).padStart(2, '0')}$`]);
    expect(unknown).toEqual(known);
  });
});
