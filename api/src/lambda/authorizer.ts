import { cognitoTokens, createCognitoVerifier } from '../auth/cognito-verifier.ts';
import { createAuthorizer, type DenialLog } from './authorize.ts';

const writeDenial: DenialLog = (reason) => {
  const line = { time: new Date().toISOString(), level: 'info', module: 'authorizer' };
  process.stdout.write(`${JSON.stringify({ ...line, event: 'authorizer.denied', reason })}\n`);
};

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Invalid configuration: ${name} is required by the authorizer`);
  return value;
}

// Created once per container: it keeps the user pool's JWKS between invocations.
export const verifier = createCognitoVerifier({
  userPoolId: requiredEnv('COGNITO_USER_POOL_ID'),
  clientId: requiredEnv('COGNITO_CLIENT_ID'),
});

export const handler = createAuthorizer(cognitoTokens(verifier), writeDenial);
