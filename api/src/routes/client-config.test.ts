import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfigResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDeps, testConfig, type TestDeps } from '../testing/index.ts';

const cognitoEnv = {
  COGNITO_USER_POOL_ID: 'us-east-1_AbC123xyz',
  COGNITO_CLIENT_ID: '4tq1abcdefghijklmnop0123',
  COGNITO_DOMAIN: 'turno.auth.us-east-1.amazoncognito.com',
};

describe('GET /api/client-config', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  async function clientConfigWith(config: Parameters<typeof testConfig>[0]) {
    const app = createApp({ ...deps, config: testConfig(config) });
    const response = await app.request('/api/client-config');
    return { response, text: await response.text() };
  }

  it('tells the PWA to use dev sign-in locally, without a token', async () => {
    const { response, text } = await clientConfigWith({});

    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ auth: { mode: 'dev' } });
  });

  it('tells the PWA to use Cognito with PKCE settings when a user pool is configured', async () => {
    const { auth } = loadConfig(cognitoEnv).app;

    const { response, text } = await clientConfigWith({ auth });

    expect(response.status).toBe(200);
    expect(clientConfigResponse.parse(JSON.parse(text))).toEqual({
      auth: {
        mode: 'cognito',
        authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz',
        clientId: '4tq1abcdefghijklmnop0123',
        redirectPath: '/entrar/callback',
        logoutPath: '/entrar',
        logoutEndpoint: 'https://turno.auth.us-east-1.amazoncognito.com/logout',
        scope: 'openid email profile',
      },
    });
  });

  it('prefers Cognito over dev sign-in when both are available', async () => {
    const { auth } = loadConfig(cognitoEnv).app;

    const { text } = await clientConfigWith({ auth, devSignIn: true });

    expect(JSON.parse(text)).toMatchObject({ auth: { mode: 'cognito' } });
  });

  it.each([
    ['dev sign-in is off', { devSignIn: false }],
    ['it runs on Lambda', { devSignIn: true, onLambda: true }],
  ])('answers mode none when %s and no user pool is configured', async (_when, config) => {
    const { text } = await clientConfigWith(config);

    expect(JSON.parse(text)).toEqual({ auth: { mode: 'none' } });
  });

  it('carries no secret: no signing key, client secret or token in the answer', async () => {
    const { auth } = loadConfig(cognitoEnv).app;

    const { text } = await clientConfigWith({ auth });

    const secret = Buffer.from(deps.keys.jwtSecret).toString('hex');
    expect(text).not.toMatch(/secret|password|token/i);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(deps.keys.vapid.privateKey);
  });
});
