import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

/** What a token of ours carries (AuthService signs it). */
export interface TokenPayload {
  sub?: unknown;
  /** The user's tokenVersion when the token was issued; absent in tokens from before it existed. */
  ver?: number;
  /** Seconds since the epoch, as JWT writes it. */
  exp?: number;
}

/** Enough for every session of a province's clerks in one API process. */
const KEPT = 20_000;

/**
 * Tokens whose signature was checked, with their claims, until they expire. The console sends
 * the same token with every request, and checking its HMAC again each time was 5 % of a list
 * page's CPU (bench:profile). Only the signature's verdict is kept: who the token names, and
 * whether that user is still active with this password generation, is asked on every request
 * (IdentityCache), so a deactivation or a password change still ends the session at once.
 * A token that fails is never kept; one past its `exp` is checked again (and refused).
 */
@Injectable()
export class VerifiedTokens {
  private readonly verified = new Map<string, { payload: TokenPayload; until: number }>();

  constructor(private readonly jwt: JwtService) {}

  async verify(token: string): Promise<TokenPayload> {
    const known = this.verified.get(token);
    // jsonwebtoken's own clock: Date.now(), a token expiring at `exp` exactly is expired.
    if (known && Date.now() < known.until) return known.payload;
    this.verified.delete(token);
    const payload = await this.jwt.verifyAsync<TokenPayload>(token);
    if (typeof payload.exp === 'number') {
      // The oldest entry makes room: a Map iterates in insertion order.
      if (this.verified.size >= KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { payload, until: payload.exp * 1000 });
    }
    return payload;
  }
}
