import { webcrypto } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Principal } from '../types.ts';
import { TokenRejectedError, type DenialReason, type TokenVerifier } from './verify-bearer.ts';

const ISSUER = 'turno';
const AUDIENCE = 'turno';
const ALGORITHM = 'HS256';
/** How far ahead of our clock a token's issue time may be: clocks drift a little, not more. */
const ISSUED_AHEAD_S = 60;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface IssueOptions {
  ttlSeconds: number;
  now?: Date;
}

/**
 * Signs a dev session token (HS256, issuer and audience `turno`). Its claims are shaped as a
 * Cognito access token's (`token_use`, `username`, `cognito:groups`), so that verifyBearer reads
 * a dev token's role by the very rule it reads Cognito's.
 */
export async function issueToken(
  principal: Principal, secret: Uint8Array, options: IssueOptions,
): Promise<IssuedToken> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const expiresAt = issuedAt + options.ttlSeconds;
  const claims = {
    token_use: 'access', username: principal.user, 'cognito:groups': [principal.role],
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(principal.user)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(secret);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * Dev tokens as a TokenVerifier: HS256 only (never `none` nor a public-key algorithm), issuer and
 * audience `turno`, a subject, an unexpired `exp` at `now` and an `iat` not in its future (past
 * a minute of clock skew).
 */
export function devTokenVerifier(
  secret: Uint8Array, now: () => Date = () => new Date(),
): TokenVerifier {
  // Imported once: given the bytes, jose imports the key again for every token it checks.
  let key: Promise<webcrypto.CryptoKey> | undefined;
  return {
    async verify(token) {
      key ??= webcrypto.subtle.importKey(
        'raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'],
      );
      try {
        const { payload } = await jwtVerify(token, await key, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          requiredClaims: ['sub', 'exp'],
          currentDate: now(),
        });
        const nowS = Math.floor(now().getTime() / 1000);
        if (payload.iat !== undefined && payload.iat > nowS + ISSUED_AHEAD_S) {
          throw new TokenRejectedError('issued_in_future');
        }
        return payload;
      } catch (error) {
        if (error instanceof TokenRejectedError) throw error;
        if (error instanceof joseErrors.JOSEError) throw new TokenRejectedError(reasonOf(error));
        throw error;
      }
    },
  };
}

function reasonOf(error: joseErrors.JOSEError): DenialReason {
  if (error instanceof joseErrors.JWTExpired) return 'expired';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'bad_algorithm';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'other_issuer';
    if (error.claim === 'aud') return 'other_client';
    return 'invalid_token';
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) {
    return 'malformed_token';
  }
  return 'invalid_token';
}
