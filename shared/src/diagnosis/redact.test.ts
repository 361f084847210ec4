import { describe, expect, it } from 'vitest';
import { redactValue } from './redact-value.ts';
import { redact } from './redact.ts';
import { isSecretName } from './secret-names.ts';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZWNoIn0.c2lnbmF0dXJl';

describe('redact', () => {
  it.each([
    ['an UltraMsg token in a URL',
      'GET https://api.ultramsg.com/instance12345/instance/status?token=a1b2c3d4&x=1',
      'GET https://api.ultramsg.com/instance12345/instance/status?token=[redacted]&x=1'],
    ['an UltraMsg token in a form body',
      'token=a1b2c3d4&to=%2B5215512345678&body=Hola',
      'token=[redacted]&to=•••••••5678&body=Hola'],
    ['a Bearer Authorization header',
      'Authorization: Bearer 9f8e7d6c5b4a3210',
      'Authorization: Bearer [redacted]'],
    ['a Basic authorization header in JSON',
      '{"authorization":"Basic dXNlcjpwYXNzd29yZA=="}',
      '{"authorization":"Basic [redacted]"}'],
    ['a password in JSON',
      '{"username":"tech","password":"S3cret!"}',
      '{"username":"tech","password":"[redacted]"}'],
    ['a password in escaped JSON inside a string',
      '"{\\"password\\":\\"S3cret!\\",\\"user\\":\\"tech\\"}"',
      '"{\\"password\\":\\"[redacted]\\",\\"user\\":\\"tech\\"}"'],
    ['a client secret and a refresh token in a form body',
      'grant_type=refresh_token&client_secret=abc123&refresh_token=1//0gXyz',
      'grant_type=refresh_token&client_secret=[redacted]&refresh_token=[redacted]'],
    ['an access token in JSON',
      '{"access_token":"ya29.a0AfB_byC","token_type":"Bearer"}',
      '{"access_token":"[redacted]","token_type":"Bearer"}'],
    ['an apiKey in a query string', '/v1/assets?apiKey=k3y&limit=5',
      '/v1/assets?apiKey=[redacted]&limit=5'],
    ['an x-api-key header', 'x-api-key: 0123456789abcdef', 'x-api-key: [redacted]'],
    ['a password in a PostgreSQL URL',
      'postgres://up_app:hunter2@flotas-develop.abc.us-east-1.rds.amazonaws.com:5432/up',
      'postgres://up_app:[redacted]@flotas-develop.abc.us-east-1.rds.amazonaws.com:5432/up'],
    ['a password in a libpq connection string', 'host=db user=up password=hunter2 port=5432',
      'host=db user=up password=[redacted] port=5432'],
    ['a JWT standing alone', `token was ${jwt} here`, 'token was [redacted] here'],
    ['a Bearer JWT', `Bearer ${jwt}`, 'Bearer [redacted]'],
    ['a URL-encoded token', '/instance1/messages/chat?token%3Dsecr3t%26to%3D1',
      '/instance1/messages/chat?token%3D[redacted]%26to%3D1'],
    ['a libpq password variable', 'PGPASSWORD=hunter2 psql -h db',
      'PGPASSWORD=[redacted] psql -h db'],
    ['an AWS secret access key', 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG',
      'aws_secret_access_key=[redacted]'],
    ['a JSON fragment that lost its opening quote', 'apiKey":"s3cr3t","limit":5',
      'apiKey":"[redacted]","limit":5'],
    ['an accessToken in a query string', '/api/v2/me?accessToken=a1b2c3&page=2',
      '/api/v2/me?accessToken=[redacted]&page=2'],
    ['a refreshToken and an apiToken in JSON', '{"refreshToken":"r3fr","apiToken":"t0k","n":1}',
      '{"refreshToken":"[redacted]","apiToken":"[redacted]","n":1}'],
    ['X-Auth-Token and X-Access-Token headers', 'X-Auth-Token: abc123\nX-Access-Token: def456',
      'X-Auth-Token: [redacted]\nX-Access-Token: [redacted]'],
    ['an auth_token in a form body', 'auth_token=zz99&user=tech',
      'auth_token=[redacted]&user=tech'],
    ['a short "pass" field in JSON', '{"user":"tech","pass":"S3cret!"}',
      '{"user":"tech","pass":"[redacted]"}'],
    ['a numeric password in JSON', '{"pin":7,"password":123456}',
      '{"pin":7,"password":"[redacted]"}'],
    ['a MiX password in a query string', 'GET /auth?user=linde&mixPassword=Pa55&x=1',
      'GET /auth?user=linde&mixPassword=[redacted]&x=1'],
    ['a Google API key in a URL',
      'GET https://www.googleapis.com/gmail/v1?key=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW',
      'GET https://www.googleapis.com/gmail/v1?key=[redacted]'],
    ['a clientSecret and a client-secret',
      '{"clientSecret":"GOCSPX-abc"} client-secret: GOCSPX-def',
      '{"clientSecret":"[redacted]"} client-secret: [redacted]'],
    ['a token inside the URL of a field that is not secret',
      'url=https://api.ultramsg.com/instance1/chat?token=t0k3n&to=1',
      'url=https://api.ultramsg.com/instance1/chat?token=[redacted]&to=1'],
    ['a token after an encoded ampersand', 'to%3D1%26token%3Dsecr3t%26x%3D2',
      'to%3D1%26token%3D[redacted]%26x%3D2'],
    ['every cookie of a Cookie header', 'Cookie: sid=abc; csrftoken=def\nAccept: json',
      'Cookie: [redacted]\nAccept: json'],
    ['a private key in a service account',
      '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEv\\n"}',
      '{"type":"service_account","private_key":"[redacted]"}'],
    ['a PEM private key standing alone',
      'key -----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY----- end',
      'key -----BEGIN RSA PRIVATE KEY-----[redacted] end'],
  ])('hides %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['a database auth failure', 'password authentication failed for user "postgres"'],
    ['an UltraMsg wrong token', 'Wrong token. Please provide token as a GET parameter.'],
    ['a revoked Google token', 'invalid_grant: Token has been expired or revoked.'],
    ['a timeout', 'timeout of 3000ms exceeded'],
    ['a URL without credentials', 'https://integrate.uat.mixtelematics.com:443/api/positions'],
    ['prose about basic authentication', 'Basic authentication is not enabled'],
    ['a token type', '{"access_token":"[redacted]","token_type":"Bearer","tokenType":"x"}'],
    ['names that only look like secret words',
      'passenger=3&author=Ana&status=qr&function_name=linde-mix-get-events'],
    ['a status in JSON', '{"status":{"accountStatus":{"status":"qr"}}}'],
    ['a MiX authorisation error', 'Authorisation error: invalid_grant'],
  ])('leaves %s as it is', (_name, text) => {
    expect(redact(text)).toBe(text);
  });

  it('replaces a NUL, which PostgreSQL text refuses, and still hides the secret around it', () => {
    expect(redact('fail\u0000ed ?token=ab\u0000cd&to=1'))
      .toBe('fail\uFFFDed ?token=[redacted]&to=1');
  });

  it('gives the same text when applied twice', () => {
    const once = redact(`?token=abc&x=1 Authorization: Bearer ${jwt} {"password":"p"}`);
    expect(redact(once)).toBe(once);
  });
});

describe('redactValue', () => {
  const dump = () => ({
    message: 'Request failed with status code 401',
    name: 'AxiosError',
    code: 'ERR_BAD_REQUEST',
    status: 401,
    config: {
      url: 'https://api.ultramsg.com/instance12345/messages/chat?token=a1b2c3d4',
      headers: { Authorization: `Bearer ${jwt}`, 'X-Api-Key': 'k3y', Accept: 'json' },
      data: 'token=a1b2c3d4&to=5215512345678&body=Hola',
      auth: { username: 'tech', password: 'S3cret!' },
    },
  });

  it('hides every secret of an axios dump and keeps the rest', () => {
    expect(redactValue(dump())).toEqual({
      message: 'Request failed with status code 401',
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      status: 401,
      config: {
        url: 'https://api.ultramsg.com/instance12345/messages/chat?token=[redacted]',
        headers: { Authorization: 'Bearer [redacted]', 'X-Api-Key': '[redacted]', Accept: 'json' },
        data: 'token=[redacted]&to=•••••••5678&body=Hola',
        auth: { username: 'tech', password: '[redacted]' },
      },
    });
  });

  it('leaves its input untouched', () => {
    const input = dump();
    redactValue(input);
    expect(input).toEqual(dump());
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a boolean', true],
  ])('returns %s as it is', (_name, value) => {
    expect(redactValue(value)).toBe(value);
  });

  it('hides secrets inside arrays', () => {
    expect(redactValue([{ token: 'abc' }, 'x?token=abc'])).toEqual([
      { token: '[redacted]' },
      'x?token=[redacted]',
    ]);
  });

  it('replaces a NUL in names and values, which jsonb refuses', () => {
    expect(redactValue({ 'a\u0000b': ['x\u0000'] })).toEqual({ 'a\uFFFDb': ['x\uFFFD'] });
  });

  it('survives an object that refers to itself', () => {
    const looped: Record<string, unknown> = { password: 'p' };
    looped.self = looped;
    expect(redactValue(looped)).toEqual({ password: '[redacted]', self: '[redacted]' });
  });
});

describe('isSecretName', () => {
  it.each([
    'token', 'accessToken', 'refresh_token', 'apiToken', 'X-Auth-Token', 'x-access-token',
    'auth_token', 'auth', 'basicAuth', 'pass', 'DB_PASS', 'mixPassword', 'PGPASSWORD',
    'client_secret', 'clientSecret', 'apiKey', 'x-api-key', 'Authorization', 'Set-Cookie',
    'credentials', 'private_key', 'X-Amz-Signature',
  ])('takes %s for a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'token_type', 'tokenType', 'token_uri', 'status', 'function_name', 'passenger', 'author',
    'bypass', 'key', 'dedupKey', 'message',
  ])('takes %s for a plain field', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('redactValue, by the words in a name', () => {
  it('hides camelCase, kebab-case and nested secret fields', () => {
    const value = {
      session: { accessToken: 'a1', refreshToken: 'r1', tokenType: 'Bearer' },
      headers: { 'X-Auth-Token': 'x1', 'x-access-token': 'x2', Accept: 'json' },
      params: { key: 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW', pass: 'p' },
    };

    expect(redactValue(value)).toEqual({
      session: { accessToken: '[redacted]', refreshToken: '[redacted]', tokenType: 'Bearer' },
      headers: { 'X-Auth-Token': '[redacted]', 'x-access-token': '[redacted]', Accept: 'json' },
      params: { key: '[redacted]', pass: '[redacted]' },
    });
  });

  it('hides every value inside a secret object except who it belongs to', () => {
    const value = { credentials: { username: 'tech', secret: { d: 'x', n: 42 } } };

    expect(redactValue(value)).toEqual({
      credentials: { username: 'tech', secret: { d: '[redacted]', n: '[redacted]' } },
    });
  });

  it('keeps flags about secrets and hides numbers that are secrets', () => {
    expect(redactValue({ withCredentials: false, pin: 1, password: 1234, token: null }))
      .toEqual({ withCredentials: false, pin: 1, password: '[redacted]', token: null });
  });

  it('turns a nested error into its name and redacted message', () => {
    const error = Object.assign(new Error('GET /x?token=abc failed'), { code: 'ECONNRESET' });

    expect(redactValue({ cause: error })).toEqual({
      cause: { error: 'Error', code: 'ECONNRESET', message: 'GET /x?token=[redacted] failed' },
    });
  });

  it('shows an object met twice that is not a loop', () => {
    const shared = { host: 'db' };

    expect(redactValue({ a: shared, b: shared })).toEqual({ a: shared, b: shared });
  });
});

describe('redactValue, with objects that are not plain', () => {
  it('keeps a date and redacts what a URL writes itself as', () => {
    const at = new Date('2024-03-25T10:00:00Z');
    const url = new URL('https://api.ultramsg.com/instance1/chat?token=t0k3n');

    expect(redactValue({ at, url })).toEqual({
      at, url: 'https://api.ultramsg.com/instance1/chat?token=[redacted]',
    });
  });
});
