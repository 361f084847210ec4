import * as z from 'zod';
import type { CognitoConfig } from './types.ts';

const poolId = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;

/** The Cognito variables; all unset means no Cognito (dev sign-in only). */
export const cognitoEnvShape = {
  COGNITO_USER_POOL_ID: z.string().regex(poolId, {
    message: 'must be a user pool id like us-east-1_AbC123',
  }).optional(),
  COGNITO_CLIENT_ID: z.string().regex(/^[\w+]{1,128}$/, {
    message: 'must be an app client id (letters and digits)',
  }).optional(),
  COGNITO_DOMAIN: z.string().regex(/^(https:\/\/)?[a-z0-9.-]+\/?$/i, {
    message: 'must be the managed login domain, e.g. turno.auth.us-east-1.amazoncognito.com',
  }).optional(),
  COGNITO_ISSUER: z.url({ protocol: /^https$/, message: 'must be an https:// URL' }).optional(),
};

type CognitoEnv = Partial<Record<keyof typeof cognitoEnvShape, string>>;

/** The issuer of a user pool's tokens, as its OIDC discovery document names it. */
export function cognitoIssuer(userPoolId: string): string {
  const region = poolId.exec(userPoolId)?.[1] ?? '';
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/**
 * The Cognito settings, or null when none is given; a list of problems when they are partial or
 * disagree (the caller turns them into a ConfigError).
 */
export function readCognitoEnv(env: CognitoEnv): CognitoConfig | null | string[] {
  const { COGNITO_USER_POOL_ID: pool, COGNITO_CLIENT_ID: clientId, COGNITO_DOMAIN: domain } = env;
  const given = env.COGNITO_ISSUER?.replace(/\/+$/, '');
  if (!pool && !clientId && !domain && !given) return null;

  const userPoolId = pool ?? given?.split('/').pop();
  const problems: string[] = [];
  if (!userPoolId || !poolId.test(userPoolId)) {
    problems.push('COGNITO_USER_POOL_ID: required with the other COGNITO_* settings');
  }
  if (!clientId) problems.push('COGNITO_CLIENT_ID: required with the other COGNITO_* settings');
  if (!domain) problems.push('COGNITO_DOMAIN: required with the other COGNITO_* settings');
  if (problems.length > 0 || !userPoolId || !clientId || !domain) return problems;

  const issuer = given ?? cognitoIssuer(userPoolId);
  if (pool && given && given !== cognitoIssuer(pool)) {
    return [`COGNITO_ISSUER: does not match COGNITO_USER_POOL_ID (${cognitoIssuer(pool)})`];
  }
  const host = domain.replace(/^https:\/\//, '').replace(/\/$/, '').toLowerCase();
  return { userPoolId, clientId, issuer, domain: `https://${host}` };
}
