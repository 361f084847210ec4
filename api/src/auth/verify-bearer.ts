import { TurnoError } from '@turno/shared/errors/catalog';
import type { Principal } from '../types.ts';
import { roleFromGroups } from './cognito-role.ts';

/** Why a bearer token was refused: logged by name, never with the token. */
export type DenialReason =
  | 'no_header' | 'malformed_header' | 'malformed_token' | 'bad_algorithm' | 'invalid_token'
  | 'expired' | 'other_issuer' | 'other_client' | 'unknown_key' | 'jwks_unreachable'
  | 'not_an_access_token' | 'no_expiry' | 'no_turno_group' | 'no_user' | 'issued_in_future';

/** A verifier's refusal of a token, with the reason in Turno's words rather than its library's. */
export class TokenRejectedError extends Error {
  readonly reason: DenialReason;

  constructor(reason: DenialReason) {
    super(`The token was refused: ${reason}`);
    this.name = 'TokenRejectedError';
    this.reason = reason;
  }
}

/**
 * Checks a token's signature and algorithm, its issuer, client or audience, and its expiry, and
 * resolves to its claims: Cognito's access tokens on AWS, HS256 dev tokens locally. Rejects with
 * {@link TokenRejectedError}.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Record<string, unknown>>;
}

/** A 401 as the API answers it, keeping the reason for the authorizer's log. */
export class BearerError extends TurnoError {
  readonly reason: DenialReason;

  constructor(code: 'unauthenticated' | 'invalid_token', reason: DenialReason) {
    super(code);
    this.reason = reason;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The one check of a bearer token: the Lambda authorizer and the API's middleware both call it,
 * so a token is allowed or refused by the same rules wherever Turno runs. The role comes from
 * `cognito:groups` (the strongest of Turno's groups), the user from `username` or `sub`.
 * Throws {@link BearerError}: `unauthenticated` without a header, else `invalid_token`.
 */
export async function verifyBearer(
  header: string | undefined, verifier: TokenVerifier,
): Promise<Principal> {
  if (!header) throw new BearerError('unauthenticated', 'no_header');
  const token = BEARER.exec(header)?.[1];
  if (!token) throw new BearerError('invalid_token', 'malformed_header');
  let claims: Record<string, unknown>;
  try {
    claims = await verifier.verify(token);
  } catch (error) {
    if (error instanceof TokenRejectedError) throw new BearerError('invalid_token', error.reason);
    throw error;
  }
  return principalOf(claims);
}

function principalOf(claims: Record<string, unknown>): Principal {
  // An ID token carries the same groups, but only access tokens are meant for APIs.
  if (claims.token_use !== 'access') throw new BearerError('invalid_token', 'not_an_access_token');
  if (typeof claims.exp !== 'number') throw new BearerError('invalid_token', 'no_expiry');
  const role = roleFromGroups(claims['cognito:groups']);
  if (!role) throw new BearerError('invalid_token', 'no_turno_group');
  const user = nonEmpty(claims.username) ?? nonEmpty(claims.sub);
  if (!user) throw new BearerError('invalid_token', 'no_user');
  return { user, role };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
