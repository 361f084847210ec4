import { describe, expect, it } from 'vitest';
import { redact, redactValue } from './redact.ts';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZWNoIn0.c2lnbmF0dXJl';

describe('redact', () => {
  it.each([
    ['an UltraMsg token in a URL',
      'GET https://api.ultramsg.com/instance12345/instance/status?token=a1b2c3d4&x=1',
      'GET https://api.ultramsg.com/instance12345/instance/status?token=[redacted]&x=1'],
    ['an UltraMsg token in a form body',
      'token=a1b2c3d4&to=%2B5215512345678&body=Hola',
      'token=[redacted]&to=%2B5215512345678&body=Hola'],
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
  ])('leaves %s as it is', (_name, text) => {
    expect(redact(text)).toBe(text);
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
        data: 'token=[redacted]&to=5215512345678&body=Hola',
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

  it('survives an object that refers to itself', () => {
    const looped: Record<string, unknown> = { password: 'p' };
    looped.self = looped;
    expect(redactValue(looped)).toEqual({ password: '[redacted]', self: '[redacted]' });
  });
});
