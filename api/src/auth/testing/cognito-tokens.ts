import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { createCognitoVerifier } from '../cognito-verifier.ts';

export const userPoolId = 'us-east-1_TurnoTest';
export const clientId = 'turnopwaclient';
const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
const kid = 'turno-test-key';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };

/** The user pool's published keys, as Cognito serves them: one local RSA key. */
export const jwks = { keys: [{ kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' }] };

export interface TokenOptions {
  tokenUse?: 'access' | 'id';
  groups?: string[];
  expiresInSeconds?: number;
  key?: KeyObject;
  clientId?: string;
  issuer?: string;
  kid?: string;
}

/** Test support: a token shaped as Cognito issues it, signed with the key {@link jwks} holds. */
export async function cognitoToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const use = options.tokenUse ?? 'access';
  const client = options.clientId ?? clientId;
  const claims = {
    token_use: use,
    ...(use === 'access' ? { client_id: client, username: 'ana.lopez' } : { aud: client }),
    ...(options.groups ? { 'cognito:groups': options.groups } : {}),
    'cognito:username': 'ana.lopez',
    auth_time: now,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? kid })
    .setIssuer(options.issuer ?? issuer)
    .setSubject('7c1f0a9e-0000-4000-8000-000000000001')
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(options.key ?? privateKey);
}

/** Test support: the authorizer's verifier for the test pool, its keys loaded (no network). */
export function testCognitoVerifier() {
  const verifier = createCognitoVerifier({ userPoolId, clientId });
  verifier.cacheJwks(jwks);
  return verifier;
}
