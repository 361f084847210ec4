import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cognitoTokens } from '../auth/cognito-verifier.ts';
import {
  clientId, cognitoToken, jwks, testCognitoVerifier, userPoolId,
} from '../auth/testing/cognito-tokens.ts';
import { createAuthorizer } from './authorize.ts';

function setUp() {
  const denials: string[] = [];
  const authorize = createAuthorizer(cognitoTokens(testCognitoVerifier()), (reason) => {
    denials.push(reason);
  });
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

  it('denies an HMAC token under the pool\'s key id, and one with no key id', async () => {
    const { authorize, denials, event } = setUp();
    const sign = (header: { alg: string; kid?: string }) => new SignJWT({
      token_use: 'access', client_id: clientId, username: 'ana.lopez', 'cognito:groups': ['admin'],
    }).setProtectedHeader(header).setExpirationTime('1h')
      .setIssuer(`https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`)
      .sign(new Uint8Array(randomBytes(32)));

    await authorize(event(`Bearer ${await sign({ alg: 'HS256', kid: 'turno-test-key' })}`));
    await authorize(event(`Bearer ${await sign({ alg: 'HS256' })}`));

    expect(denials).toEqual(['bad_algorithm', 'malformed_token']);
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
