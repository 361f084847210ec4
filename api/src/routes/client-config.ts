import { Hono } from 'hono';
import type { ClientConfigResponse } from '@turno/shared';
import type { AppConfig, AppDeps, AppEnv } from '../types.ts';

/** The PWA's routes Cognito returns to; the app client must list both (callback, sign-out). */
export const cognitoRedirectPath = '/entrar/callback';
export const cognitoLogoutPath = '/entrar';
const cognitoScope = 'openid email profile';

/** How the PWA signs in here: Cognito when configured, else dev sign-in where it is on. */
export function clientConfig(config: AppConfig): ClientConfigResponse {
  const cognito = config.auth.cognito;
  if (cognito) {
    return {
      auth: {
        mode: 'cognito',
        authority: cognito.issuer,
        clientId: cognito.clientId,
        redirectPath: cognitoRedirectPath,
        logoutPath: cognitoLogoutPath,
        logoutEndpoint: `${cognito.domain}/logout`,
        scope: cognitoScope,
      },
    };
  }
  return { auth: { mode: config.devSignIn && !config.onLambda ? 'dev' : 'none' } };
}

/** GET /api/client-config, public: what the PWA needs before anyone signs in. No secrets. */
export function clientConfigRoutes(deps: AppDeps): Hono<AppEnv> {
  const body = clientConfig(deps.config);
  return new Hono<AppEnv>().get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(body);
  });
}
