import { PASSWORD_HASH_COST, passwordHashCost, TEST_PASSWORD_HASH_COST } from './password-cost';

describe('passwordHashCost', () => {
  it('hashes at cost 10 outside the test profile, whatever else is set', () => {
    expect(PASSWORD_HASH_COST).toBe(10);
    expect(passwordHashCost({})).toBe(10);
    expect(passwordHashCost({ LUOSHI_PROFILE: 'dev' })).toBe(10);
    expect(passwordHashCost({ NODE_ENV: 'production' })).toBe(10);
    expect(passwordHashCost({ LUOSHI_PROFILE: 'test', NODE_ENV: 'production' })).toBe(10);
  });

  it('hashes at bcrypt’s minimum in the test profile alone', () => {
    expect(TEST_PASSWORD_HASH_COST).toBe(4);
    expect(passwordHashCost({ LUOSHI_PROFILE: 'test', NODE_ENV: 'test' })).toBe(4);
    expect(passwordHashCost({ LUOSHI_PROFILE: ' test ' })).toBe(4);
  });
});
