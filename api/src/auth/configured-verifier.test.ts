import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { testConfig } from '../testing/index.ts';
import { configuredVerifier } from './configured-verifier.ts';
import { issueToken } from './token.ts';
import { BearerError, verifyBearer } from './verify-bearer.ts';

const jwtSecret = new Uint8Array(randomBytes(32));
const keys = { jwtSecret, vapid: { publicKey: 'p', privateKey: 'k', subject: 'mailto:t@x' } };
const now = () => new Date();
const { auth: withPool } = loadConfig({
  COGNITO_USER_POOL_ID: 'us-east-1_AbC123xyz', COGNITO_CLIENT_ID: '4tq1abcdefghijklmnop0123',
  COGNITO_DOMAIN: 'turno.auth.us-east-1.amazoncognito.com',
}).app;

async function devHeader() {
  const issued = await issueToken({ user: 'admin', role: 'admin' }, jwtSecret, { ttlSeconds: 60 });
  return `Bearer ${issued.token}`;
}

describe('configuredVerifier', () => {
  it('checks dev tokens where no user pool is configured', async () => {
    const verifier = configuredVerifier({ config: testConfig(), keys, now });

    await expect(verifyBearer(await devHeader(), verifier))
      .resolves.toEqual({ user: 'admin', role: 'admin' });
  });

  it('checks Cognito\'s tokens alone where a user pool is configured', async () => {
    const verifier = configuredVerifier({ config: testConfig({ auth: withPool }), keys, now });

    const refusal = await verifyBearer(await devHeader(), verifier).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(BearerError);
    expect(refusal).toMatchObject({ code: 'invalid_token' });
  });
});
