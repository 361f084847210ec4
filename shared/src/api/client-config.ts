import * as z from 'zod';

/** Dev sign-in: the local server issues its own tokens (never on AWS). */
const devAuth = z.object({ mode: z.literal('dev') });

/** Cognito managed login: authorization code + PKCE, a public client (no secret). */
const cognitoAuth = z.object({
  mode: z.literal('cognito'),
  /** The user pool's issuer, https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  authority: z.url({ protocol: /^https$/ }),
  clientId: z.string().min(1),
  /** Where Cognito sends the code back, on the PWA's own origin. */
  redirectPath: z.string().startsWith('/'),
  /** Where Cognito's logout returns to, on the PWA's own origin. */
  logoutPath: z.string().startsWith('/'),
  /** Cognito's `/logout` on the managed login domain: it is not OIDC end_session. */
  logoutEndpoint: z.url({ protocol: /^https$/ }),
  scope: z.string().min(1),
});

/** Neither is configured: nobody can sign in until the server is set up. */
const noAuth = z.object({ mode: z.literal('none') });

/** GET /api/client-config: public settings the PWA needs before sign-in. Never secrets. */
export const clientConfigResponse = z.object({
  auth: z.discriminatedUnion('mode', [devAuth, cognitoAuth, noAuth]),
});
export type ClientConfigResponse = z.infer<typeof clientConfigResponse>;
export type CognitoClientConfig = Extract<ClientConfigResponse['auth'], { mode: 'cognito' }>;
