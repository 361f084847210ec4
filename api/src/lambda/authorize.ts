import type { Role } from '@turno/shared';
import { BearerError, verifyBearer, type TokenVerifier } from '../auth/verify-bearer.ts';

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

/** One JSON line per denial, with the reason's name only: never the token. */
export type DenialLog = (reason: string) => void;

const denied: AuthorizerResult = { isAuthorized: false };

/**
 * Allows a request whose bearer token passes {@link verifyBearer} (the API's own check), passing
 * the user and the strongest role on; per-route role checks stay in the API because API Gateway
 * caches this answer per token for every route.
 */
export function createAuthorizer(verifier: TokenVerifier, logDenial: DenialLog) {
  return async (event: AuthorizerEvent): Promise<AuthorizerResult> => {
    const header = event.headers?.authorization ?? event.identitySource?.[0];
    try {
      const { user, role } = await verifyBearer(header, verifier);
      return { isAuthorized: true, context: { user, role } };
    } catch (error) {
      // A verifier that fails for another cause still denies: a request is never let through.
      logDenial(error instanceof BearerError ? error.reason : 'verifier_failed');
      return denied;
    }
  };
}
