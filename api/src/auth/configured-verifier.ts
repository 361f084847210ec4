import type { AppDeps } from '../types.ts';
import type { TokenVerifier } from './verify-bearer.ts';

/**
 * The tokens this deployment signs in with: Cognito's access tokens where a user pool is
 * configured (checked as the Lambda authorizer checks them), else dev tokens.
 */
export function configuredVerifier(deps: Pick<AppDeps, 'config' | 'keys' | 'now'>): TokenVerifier {
  const pool = deps.config.auth.cognito;
  // Both load on first use: jose and aws-jwt-verify stay out of the api's cold start, and on
  // Lambda the authorizer has checked every token already.
  const load = pool
    ? () => import('./cognito-verifier.ts')
      .then(({ cognitoTokens, createCognitoVerifier }) =>
        cognitoTokens(createCognitoVerifier(pool)))
    : () => import('./token.ts')
      .then(({ devTokenVerifier }) => devTokenVerifier(deps.keys.jwtSecret, deps.now));
  let verifier: Promise<TokenVerifier> | undefined;
  return {
    async verify(token) {
      verifier ??= load();
      return (await verifier).verify(token);
    },
  };
}
