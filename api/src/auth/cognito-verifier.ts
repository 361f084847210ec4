import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError, CognitoJwtInvalidTokenUseError, FetchError, JwtExpiredError,
  JwtInvalidIssuerError, JwtInvalidSignatureAlgorithmError, JwtParseError,
  JwtWithoutValidKidError, KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import { TokenRejectedError, type DenialReason, type TokenVerifier } from './verify-bearer.ts';

/** What Turno uses of aws-jwt-verify's verifier: `verify` resolving to the token's claims. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Record<string, unknown>>;
}

// Matched by class: minified bundles rename classes, and these errors keep the name "Error".
const reasons: Array<[new (...args: never[]) => Error, DenialReason]> = [
  [JwtExpiredError, 'expired'],
  [CognitoJwtInvalidTokenUseError, 'not_an_access_token'],
  [CognitoJwtInvalidClientIdError, 'other_client'],
  [JwtInvalidIssuerError, 'other_issuer'],
  [KidNotFoundInJwksError, 'unknown_key'],
  [JwtParseError, 'malformed_token'],
  [JwtWithoutValidKidError, 'malformed_token'],
  [JwtInvalidSignatureAlgorithmError, 'bad_algorithm'],
  [FetchError, 'jwks_unreachable'],
];

/**
 * A verifier of the user pool's ACCESS tokens for the PWA's app client (RS256 with the pool's
 * published keys, issuer, client id, expiry). Create it once: it keeps the JWKS between calls.
 */
export function createCognitoVerifier(pool: { userPoolId: string; clientId: string }) {
  return CognitoJwtVerifier.create({
    userPoolId: pool.userPoolId, clientId: pool.clientId, tokenUse: 'access',
  });
}

/** Cognito's checks as a {@link TokenVerifier}: any failure is a refusal with its reason. */
export function cognitoTokens(verifier: AccessTokenVerifier): TokenVerifier {
  return {
    async verify(token) {
      try {
        return await verifier.verify(token);
      } catch (error) {
        const reason = reasons.find(([type]) => error instanceof type)?.[1];
        throw new TokenRejectedError(reason ?? 'invalid_token');
      }
    },
  };
}
