import type { CognitoClientConfig } from '@turno/shared';

/** A Cognito user pool as the PWA sees it over HTTP: discovery, token endpoint, PKCE checks. */
export interface FakeCognito {
  config: CognitoClientConfig;
  /** Stands in for `globalThis.fetch`; `/api/*` goes to `api` when given. */
  fetch: typeof fetch;
  /** What Cognito's authorize endpoint does after the user signs in: the redirect back. */
  approve(authorizeUrl: string): string;
  /** Token requests received, as form fields. */
  tokenRequests: URLSearchParams[];
  /** Revocation requests received (/oauth2/revoke), as form fields. */
  revokeRequests: URLSearchParams[];
}

export const poolIssuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test123';
const domain = 'https://turno.auth.us-east-1.amazoncognito.com';

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned stand-in for a Cognito JWT (the PWA never verifies, the authorizer does). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => base64url(new TextEncoder().encode(JSON.stringify(value)));
  return `${part({ alg: 'RS256', kid: 'test' })}.${part(claims)}.c2ln`;
}

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function createFakeCognito(options: {
  groups?: string[];
  email?: string;
  api?: (url: URL, init?: RequestInit) => Response | Promise<Response>;
  /** Replaces the answer of /oauth2/revoke (which otherwise revokes and answers 200). */
  revoke?: () => Promise<Response>;
} = {}): FakeCognito {
  const clientId = 'turnoclient123';
  const challenges = new Map<string, string>();
  const revoked = new Set<string>();
  let issued = 0;

  function tokens(): Response {
    issued += 1;
    const common = { iss: poolIssuer, sub: 'user-1', 'cognito:groups': options.groups ?? [] };
    return Response.json({
      access_token: fakeJwt({
        ...common, token_use: 'access', client_id: clientId, username: 'ana', n: issued,
      }),
      id_token: fakeJwt({ ...common, token_use: 'id', aud: clientId, email: options.email }),
      refresh_token: 'refresh-1',
      token_type: 'Bearer',
      expires_in: 3600,
    });
  }

  async function token(body: URLSearchParams): Promise<Response> {
    fake.tokenRequests.push(body);
    if (body.get('client_id') !== clientId) return Response.json({}, { status: 400 });
    if (body.get('grant_type') === 'refresh_token') {
      const refresh = body.get('refresh_token') ?? '';
      return refresh === 'refresh-1' && !revoked.has(refresh)
        ? tokens() : Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    const challenge = challenges.get(body.get('code') ?? '');
    const verifier = body.get('code_verifier') ?? '';
    if (!challenge || challenge !== await s256(verifier)) {
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    return tokens();
  }

  const fake: FakeCognito = {
    config: {
      mode: 'cognito',
      authority: poolIssuer,
      clientId,
      redirectPath: '/entrar/callback',
      logoutPath: '/entrar',
      logoutEndpoint: `${domain}/logout`,
      scope: 'openid email profile',
    },
    tokenRequests: [],
    revokeRequests: [],
    approve(authorizeUrl) {
      const url = new URL(authorizeUrl);
      const code = `code-${challenges.size + 1}`;
      challenges.set(code, url.searchParams.get('code_challenge') ?? '');
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return back.href;
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.href === `${poolIssuer}/.well-known/openid-configuration`) {
        return Response.json({
          issuer: poolIssuer,
          authorization_endpoint: `${domain}/oauth2/authorize`,
          token_endpoint: `${domain}/oauth2/token`,
          userinfo_endpoint: `${domain}/oauth2/userInfo`,
          revocation_endpoint: `${domain}/oauth2/revoke`,
          jwks_uri: `${poolIssuer}/.well-known/jwks.json`,
          response_types_supported: ['code', 'token'],
        });
      }
      if (url.href === `${domain}/oauth2/token`) {
        return token(new URLSearchParams(String(init?.body ?? '')));
      }
      if (url.href === `${domain}/oauth2/revoke`) {
        const body = new URLSearchParams(String(init?.body ?? ''));
        fake.revokeRequests.push(body);
        if (options.revoke) return options.revoke();
        // Cognito revokes a refresh token and answers 200 with an empty body.
        revoked.add(body.get('token') ?? '');
        return new Response(null, { status: 200 });
      }
      if (url.pathname === '/api/client-config') return Response.json({ auth: fake.config });
      if (options.api && url.pathname.startsWith('/api/')) return options.api(url, init);
      return new Response('not found', { status: 404 });
    }) as typeof fetch,
  };
  return fake;
}
