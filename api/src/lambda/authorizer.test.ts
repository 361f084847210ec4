import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthorizer } from './authorize.ts';

const userPoolId = 'us-east-1_TurnoTest';
const clientId = 'turnopwaclient';
const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
const kid = 'turno-test-key';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
const jwks = { keys: [{ kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' }] };

interface TokenOptions {
  tokenUse?: 'access' | 'id';
  groups?: string[];
  expiresInSeconds?: number;
  key?: KeyObject;
}

/** A token shaped as Cognito issues it, signed with the local key the JWKS holds. */
async function cognitoToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const use = options.tokenUse ?? 'access';
  const claims = {
    token_use: use,
    ...(use === 'access' ? { client_id: clientId, username: 'ana.lopez' } : { aud: clientId }),
    ...(options.groups ? { 'cognito:groups': options.groups } : {}),
    'cognito:username': 'ana.lopez',
    auth_time: now,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(issuer)
    .setSubject('7c1f0a9e-0000-4000-8000-000000000001')
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(options.key ?? privateKey);
}

function setUp() {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' });
  verifier.cacheJwks(jwks);
  const denials: string[] = [];
  const authorize = createAuthorizer(verifier, (reason) => denials.push(reason));
  const event = (authorization?: string) => ({
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:us-east-1:111122223333:api/$default/GET/api/alerts',
    identitySource: authorization ? [authorization] : null,
    headers: authorization ? { authorization } : {},
  });
  return { authorize, denials, event };
}

describe('the Lambda authorizer', () => {
  it('allows a Cognito access token and passes the user and the strongest role on', async () => {
    const { authorize, event } = setUp();
    const token = await cognitoToken({ groups: ['viewer', 'operator'] });

    const result = await authorize(event(`Bearer ${token}`));

    expect(result).toEqual({
      isAuthorized: true, context: { user: 'ana.lopez', role: 'operator' },
    });
  });

  it('denies an ID token even when it is signed by the pool', async () => {
    const { authorize, denials, event } = setUp();
    const token = await cognitoToken({ tokenUse: 'id', groups: ['admin'] });

    expect(await authorize(event(`Bearer ${token}`))).toEqual({ isAuthorized: false });
    expect(denials).toEqual(['not_an_access_token']);
  });

  it('denies an expired access token', async () => {
    const { authorize, denials, event } = setUp();
    const token = await cognitoToken({ groups: ['admin'], expiresInSeconds: -30 });

    expect(await authorize(event(`Bearer ${token}`))).toEqual({ isAuthorized: false });
    expect(denials).toEqual(['expired']);
  });

  it('denies a user in no Turno group', async () => {
    const { authorize, denials, event } = setUp();
    const none = await cognitoToken();
    const other = await cognitoToken({ groups: ['finance'] });

    expect(await authorize(event(`Bearer ${none}`))).toEqual({ isAuthorized: false });
    expect(await authorize(event(`Bearer ${other}`))).toEqual({ isAuthorized: false });
    expect(denials).toEqual(['no_turno_group', 'no_turno_group']);
  });

  it('denies a token signed with a key the pool does not publish', async () => {
    const { authorize, denials, event } = setUp();
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const token = await cognitoToken({ groups: ['admin'], key: stranger });

    expect(await authorize(event(`Bearer ${token}`))).toEqual({ isAuthorized: false });
    expect(denials).toEqual(['invalid_token']);
  });

  it.each([
    ['no header', undefined],
    ['a Basic header', 'Basic YWRtaW46eA=='],
    ['a bearer with no token', 'Bearer '],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
  ])('denies a request with %s', async (_name, header) => {
    const { authorize, denials, event } = setUp();

    expect(await authorize(event(header))).toEqual({ isAuthorized: false });
    expect(denials).toHaveLength(1);
  });
});

describe('the authorizer entry point', () => {
  beforeAll(() => {
    vi.stubEnv('COGNITO_USER_POOL_ID', userPoolId);
    vi.stubEnv('COGNITO_CLIENT_ID', clientId);
  });
  afterAll(() => vi.unstubAllEnvs());

  it('verifies with the pool named in its environment', async () => {
    const entry = await import('./authorizer.ts');
    entry.verifier.cacheJwks(jwks);
    const token = await cognitoToken({ groups: ['admin'] });

    const result = await entry.handler({ headers: { authorization: `Bearer ${token}` } });

    expect(result).toEqual({ isAuthorized: true, context: { user: 'ana.lopez', role: 'admin' } });
  });
});
