import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { handleError } from '../errors.ts';
import { createAuthorizer } from '../lambda/authorize.ts';
import { createLogger } from '../log.ts';
import type { AppEnv } from '../types.ts';
import { cognitoTokens } from './cognito-verifier.ts';
import { requireAuth } from './middleware.ts';
import { clientId, cognitoToken, testCognitoVerifier } from './testing/cognito-tokens.ts';
import { devTokenVerifier, issueToken } from './token.ts';
import type { TokenVerifier } from './verify-bearer.ts';

type Row = [name: string, header: () => Promise<string | undefined>, decision: string];

/** What the authorizer decides: the user and role it passes on, or "denied". */
async function authorizerDecision(verifier: TokenVerifier, header: string | undefined) {
  const authorize = createAuthorizer(verifier, () => undefined);
  const result = await authorize({ headers: header ? { authorization: header } : {} });
  return result.isAuthorized ? `${result.context.user}/${result.context.role}` : 'denied';
}

/** What the API's middleware decides locally: the principal a route sees, or "denied". */
async function middlewareDecision(verifier: TokenVerifier, header: string | undefined) {
  const log = createLogger({ level: 'silent' });
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('log', log);
    await next();
  });
  app.use('*', requireAuth(verifier));
  app.get('/whoami', (c) => c.text(`${c.var.principal.user}/${c.var.principal.role}`));
  app.onError(handleError(log));
  const init = header ? { headers: { authorization: header } } : {};
  const response = await app.request('/whoami', init);
  if (response.status === 401) return 'denied';
  expect(response.status).toBe(200);
  return response.text();
}

const bearer = (token: Promise<string>) => async () => `Bearer ${await token}`;
const fixed = (header?: string) => async () => header;
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const devKey = new Uint8Array(randomBytes(32));
const devToken = (options: { ttlSeconds: number; now?: Date }) =>
  issueToken({ user: 'operador', role: 'operator' }, devKey, options).then((t) => t.token);
const hs256WithKid = () => new SignJWT({ token_use: 'access', 'cognito:groups': ['admin'],
  client_id: clientId, username: 'ana.lopez' })
  .setProtectedHeader({ alg: 'HS256', kid: 'turno-test-key' }).setExpirationTime('1h')
  .setIssuer('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TurnoTest')
  .sign(new Uint8Array(randomBytes(32)));

const commonRows: Row[] = [
  ['no header', fixed(), 'denied'],
  ['a Basic header', fixed('Basic YWRtaW46eA=='), 'denied'],
  ['a bearer with no token', fixed('Bearer '), 'denied'],
  ['a token that is not a JWT', fixed('Bearer not-a-jwt'), 'denied'],
];

const cognitoRows: Row[] = [
  ['an access token in two groups', bearer(cognitoToken({ groups: ['viewer', 'operator'] })),
    'ana.lopez/operator'],
  ['an admin\'s access token', bearer(cognitoToken({ groups: ['admin'] })), 'ana.lopez/admin'],
  ['a lowercase scheme', async () => `bearer ${await cognitoToken({ groups: ['viewer'] })}`,
    'ana.lopez/viewer'],
  ['a user in no group', bearer(cognitoToken()), 'denied'],
  ['a user in no Turno group', bearer(cognitoToken({ groups: ['finance'] })), 'denied'],
  ['an expired token', bearer(cognitoToken({ groups: ['admin'], expiresInSeconds: -30 })),
    'denied'],
  ['an ID token', bearer(cognitoToken({ groups: ['admin'], tokenUse: 'id' })), 'denied'],
  ['another app client\'s token', bearer(cognitoToken({ groups: ['admin'], clientId: 'other' })),
    'denied'],
  ['another pool\'s token', bearer(cognitoToken({ groups: ['admin'],
    issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' })), 'denied'],
  ['a token signed with a key the pool does not publish',
    bearer(cognitoToken({ groups: ['admin'], key: stranger })), 'denied'],
  ['an HS256 token naming the pool\'s key', bearer(hs256WithKid()), 'denied'],
  ['a dev token', bearer(devToken({ ttlSeconds: 60 })), 'denied'],
  ...commonRows,
];

const devRows: Row[] = [
  ['a dev token', bearer(devToken({ ttlSeconds: 60 })), 'operador/operator'],
  ['an expired dev token', bearer(devToken({
    ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) })), 'denied'],
  ['a dev token signed with another secret', bearer(issueToken(
    { user: 'admin', role: 'admin' }, new Uint8Array(32), { ttlSeconds: 60 },
  ).then((t) => t.token)), 'denied'],
  ['a Cognito access token', bearer(cognitoToken({ groups: ['admin'] })), 'denied'],
  ...commonRows,
];

describe('verifyBearer, through the authorizer and the middleware alike', () => {
  it.each(cognitoRows)('decides the same for %s with Cognito tokens', async (_n, header, want) => {
    const verifier = cognitoTokens(testCognitoVerifier());
    const given = await header();

    const decisions = [
      await authorizerDecision(verifier, given), await middlewareDecision(verifier, given),
    ];

    expect(decisions).toEqual([want, want]);
  });

  it.each(devRows)('decides the same for %s with dev tokens', async (_n, header, want) => {
    const verifier = devTokenVerifier(devKey);
    const given = await header();

    const decisions = [
      await authorizerDecision(verifier, given), await middlewareDecision(verifier, given),
    ];

    expect(decisions).toEqual([want, want]);
  });
});
