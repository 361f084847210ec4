import {
  CognitoJwtInvalidClientIdError, CognitoJwtInvalidTokenUseError, FetchError, JwtExpiredError,
  JwtInvalidIssuerError, JwtParseError, KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import type { Role } from '@turno/shared';
import { roleFromGroups } from './cognito-role.ts';

/** The parts of an HTTP API (payload format 2.0) REQUEST authorizer event Turno reads. */
export interface AuthorizerEvent {
  type?: string;
  routeArn?: string;
  identitySource?: string[] | null;
  headers?: Record<string, string | undefined>;
}

/** A simple response; API Gateway puts `context` at `requestContext.authorizer.lambda`. */
export type AuthorizerResult =
  | { isAuthorized: true; context: { user: string; role: Role } }
  | { isAuthorized: false };

/** What the authorizer needs of aws-jwt-verify: `verify` resolving to the token's claims. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Record<string, unknown>>;
}

/** One JSON line per denial, with the reason's name only: never the token. */
export type DenialLog = (reason: string) => void;

const denied: AuthorizerResult = { isAuthorized: false };

// Matched by class: minified bundles rename classes, and these errors keep the name "Error".
const reasons: Array<[new (...args: never[]) => Error, string]> = [
  [JwtExpiredError, 'expired'],
  [CognitoJwtInvalidTokenUseError, 'not_an_access_token'],
  [CognitoJwtInvalidClientIdError, 'other_client'],
  [JwtInvalidIssuerError, 'other_issuer'],
  [KidNotFoundInJwksError, 'unknown_key'],
  [JwtParseError, 'malformed_token'],
  [FetchError, 'jwks_unreachable'],
];

function denialReason(error: unknown): string {
  return reasons.find(([type]) => error instanceof type)?.[1] ?? 'invalid_token';
}

/**
 * Allows a request whose bearer token is a valid Cognito ACCESS token of a user in a Turno
 * group, passing the user and the strongest role on; per-route role checks stay in the API
 * because API Gateway caches this answer per token for every route.
 */
export function createAuthorizer(verifier: AccessTokenVerifier, logDenial: DenialLog) {
  return async (event: AuthorizerEvent): Promise<AuthorizerResult> => {
    const header = event.headers?.authorization ?? event.identitySource?.[0];
    const token = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      logDenial('malformed_header');
      return denied;
    }
    let claims: Record<string, unknown>;
    try {
      claims = await verifier.verify(token);
    } catch (error) {
      logDenial(denialReason(error));
      return denied;
    }
    const role = roleFromGroups(claims['cognito:groups']);
    const user = claims.username ?? claims.sub;
    if (!role || typeof user !== 'string') {
      logDenial(role ? 'no_user' : 'no_turno_group');
      return denied;
    }
    return { isAuthorized: true, context: { user, role } };
  };
}
