import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const pool = 'us-east-1_AbC123xyz';
const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${pool}`;
const env = {
  COGNITO_USER_POOL_ID: pool,
  COGNITO_CLIENT_ID: '4tq1abcdefghijklmnop0123',
  COGNITO_DOMAIN: 'turno.auth.us-east-1.amazoncognito.com',
};

describe('Cognito configuration', () => {
  it('is off when no COGNITO_* variable is set', () => {
    expect(loadConfig({}).app.auth).toEqual({ cognito: null });
  });

  it('derives the issuer from the user pool id and the domain as an https origin', () => {
    expect(loadConfig(env).app.auth.cognito).toEqual({
      userPoolId: pool,
      clientId: '4tq1abcdefghijklmnop0123',
      issuer,
      domain: 'https://turno.auth.us-east-1.amazoncognito.com',
    });
  });

  it('takes the user pool id from COGNITO_ISSUER when only the issuer is given', () => {
    const { COGNITO_USER_POOL_ID: _unused, ...rest } = env;

    const cognito = loadConfig({ ...rest, COGNITO_ISSUER: `${issuer}/` }).app.auth.cognito;

    expect(cognito).toMatchObject({ userPoolId: pool, issuer });
  });

  it('accepts a domain written as an https URL', () => {
    const domain = 'https://login.example.com/';

    expect(loadConfig({ ...env, COGNITO_DOMAIN: domain }).app.auth.cognito?.domain)
      .toBe('https://login.example.com');
  });

  it('names each missing variable when the settings are partial', () => {
    const partial = { COGNITO_USER_POOL_ID: pool };

    expect(() => loadConfig(partial)).toThrow(ConfigError);
    expect(() => loadConfig(partial)).toThrow(/COGNITO_CLIENT_ID[\s\S]*COGNITO_DOMAIN/);
  });

  it('refuses an issuer that belongs to another user pool', () => {
    const other = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other999';

    expect(() => loadConfig({ ...env, COGNITO_ISSUER: other }))
      .toThrow(/COGNITO_ISSUER: does not match/);
  });

  it('refuses a user pool id that is not one', () => {
    expect(() => loadConfig({ ...env, COGNITO_USER_POOL_ID: 'turno-pool' }))
      .toThrow(/COGNITO_USER_POOL_ID/);
  });
});
