/** bcrypt's work factor for every password hash the product makes (accounts, the demo seed). */
export const PASSWORD_HASH_COST = 10;

/** bcrypt's smallest work factor. */
export const TEST_PASSWORD_HASH_COST = 4;

/**
 * The work factor to hash with: {@link PASSWORD_HASH_COST} wherever a person signs in, bcrypt's
 * minimum in the test profile alone (`LUOSHI_PROFILE=test`, never with `NODE_ENV=production`).
 * The test suite signs in, fails sign-ins and sets passwords by the hundred, and bcryptjs at 10
 * costs 64 times the CPU of 4 (0.1-0.6 s a comparison on the shared 2-core machines). The rule
 * that an unknown name costs what a wrong password costs holds in both: every hash is made here.
 */
export function passwordHashCost(env: NodeJS.ProcessEnv = process.env): number {
  const testProfile = env.LUOSHI_PROFILE?.trim() === 'test' && env.NODE_ENV !== 'production';
  return testProfile ? TEST_PASSWORD_HASH_COST : PASSWORD_HASH_COST;
}
