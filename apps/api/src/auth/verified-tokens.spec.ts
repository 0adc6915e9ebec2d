import { JwtService } from '@nestjs/jwt';
import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const jwt = new JwtService({ secret: 'a-secret-long-enough-for-the-test-0123456789' });
  const other = new JwtService({ secret: 'another-secret-long-enough-for-the-test-012' });
  afterEach(() => jest.restoreAllMocks());

  it('checks a token’s signature once and answers its claims again until it expires', async () => {
    // jsonwebtoken reads Date.now() to sign and to check `exp`.
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-02T08:00:00Z'));
    const tokens = new VerifiedTokens(jwt);
    const check = jest.spyOn(jwt, 'verifyAsync');
    const token = await jwt.signAsync({ sub: 'u1', ver: 2 }, { expiresIn: 60 });
    expect(await tokens.verify(token)).toMatchObject({ sub: 'u1', ver: 2 });
    expect(await tokens.verify(token)).toMatchObject({ sub: 'u1', ver: 2 });
    expect(check).toHaveBeenCalledTimes(1);

    // At its `exp` it is checked again, and jsonwebtoken refuses it.
    now.mockReturnValue(Date.parse('2026-12-02T08:01:00Z'));
    await expect(tokens.verify(token)).rejects.toThrow(/expired/);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('never keeps a token that fails, however often it is sent', async () => {
    const tokens = new VerifiedTokens(jwt);
    const forged = await other.signAsync({ sub: 'u1' }, { expiresIn: 60 });
    await expect(tokens.verify(forged)).rejects.toThrow(/signature/);
    await expect(tokens.verify(forged)).rejects.toThrow(/signature/);
    const tampered = (await jwt.signAsync({ sub: 'u1' }, { expiresIn: 60 })).slice(0, -2) + 'xx';
    await expect(tokens.verify(tampered)).rejects.toThrow();
  });
});
