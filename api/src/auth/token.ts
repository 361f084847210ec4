import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { roleSchema, TurnoError } from '@turno/shared';
import type { Principal } from '../types.ts';

const ISSUER = 'turno';
const AUDIENCE = 'turno';
const ALGORITHM = 'HS256';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface IssueOptions {
  ttlSeconds: number;
  now?: Date;
}

/** Signs a session token for a principal (HS256, issuer and audience `turno`). */
export async function issueToken(
  principal: Principal, secret: Uint8Array, options: IssueOptions,
): Promise<IssuedToken> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const expiresAt = issuedAt + options.ttlSeconds;
  const token = await new SignJWT({ role: principal.role })
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
 * Checks a bearer token and says who it belongs to. This is the one check: the API's
 * middleware and the Lambda authorizer both call it. Throws `TurnoError('invalid_token')`.
 */
export async function verifyToken(
  token: string, secret: Uint8Array, now?: Date,
): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp'],
      ...(now ? { currentDate: now } : {}),
    });
    const role = roleSchema.safeParse(payload['role']);
    if (!payload.sub || !role.success) throw new TurnoError('invalid_token');
    return { user: payload.sub, role: role.data };
  } catch (error) {
    if (error instanceof TurnoError) throw error;
    if (error instanceof joseErrors.JOSEError) throw new TurnoError('invalid_token');
    throw error;
  }
}
