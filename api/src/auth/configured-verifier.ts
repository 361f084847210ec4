import type { AppDeps } from '../types.ts';
import { devTokenVerifier } from './token.ts';
import type { TokenVerifier } from './verify-bearer.ts';

/**
 * The tokens this deployment signs in with: Cognito's access tokens where a user pool is
 * configured (checked as the Lambda authorizer checks them), else dev tokens.
 */
export function configuredVerifier(deps: Pick<AppDeps, 'config' | 'keys' | 'now'>): TokenVerifier {
  const pool = deps.config.auth.cognito;
  if (!pool) return devTokenVerifier(deps.keys.jwtSecret, deps.now);
  let cognito: Promise<TokenVerifier> | undefined;
  return {
    async verify(token) {
      // Loaded on first use: on Lambda the authorizer has checked every token already.
      cognito ??= import('./cognito-verifier.ts')
        .then(({ cognitoTokens, createCognitoVerifier }) =>
          cognitoTokens(createCognitoVerifier(pool)));
      return (await cognito).verify(token);
    },
  };
}
