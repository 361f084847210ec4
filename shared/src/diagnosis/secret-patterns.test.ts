import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

const apiKey = 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW';
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZWNoIn0.c2lnbmF0dXJl';

describe('redact, with well-known secrets that have no name in front', () => {
  it.each([
    ['a Google access token', 'retrying with ya29.a0AfB_byCdEfGhIjKl-mNo after 401',
      'retrying with [redacted] after 401'],
    ['a service account access token, leaving the full stop',
      'got ya29.c.b0Aaek_x1.y2-z3.', 'got [redacted].'],
    ['an OAuth client secret', 'client GOCSPX-1a2B3c4D5e6F7g8H9i0J refused',
      'client [redacted] refused'],
    ['a Google API key standing alone', `using ${apiKey} now`, 'using [redacted] now'],
    ['a Google API key as key=', `/gmail/v1/users/me?alt=json&key=${apiKey}&x=1`,
      '/gmail/v1/users/me?alt=json&key=[redacted]&x=1'],
    ['a Google API key cut short', `key ${apiKey.slice(0, 36)}`, 'key [redacted]'],
    ['a Google API key in a URL-encoded query', `next=%2Fsend%3Fkey%3D${apiKey}%26alt%3Djson`,
      'next=%2Fsend%3Fkey%3D[redacted]%26alt%3Djson'],
    ['a Google API key after a JSON unicode escape', `{"url":"/send?key\\u003d${apiKey}"}`,
      '{"url":"/send?key\\u003d[redacted]"}'],
    ['a Google API key after an escaped line break', `"API key:\\n${apiKey}"`,
      '"API key:\\n[redacted]"'],
    ['an AWS access key id in a URL-encoded query', 'x%3DAKIAIOSFODNN7EXAMPLE%26y',
      'x%3D[redacted]%26y'],
    ['a Google refresh token', 'refreshing 1//0gXyzAbCdEfGhIjKl-MnOp failed',
      'refreshing [redacted] failed'],
    ['a Stripe-like live key', 'charge with sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      'charge with [redacted]'],
    ['a Stripe-like restricted test key', '(rk_test_51Hx0aBcDeFgHiJ)', '([redacted])'],
    ['an AWS access key id', 'signed by AKIAIOSFODNN7EXAMPLE in us-east-1',
      'signed by [redacted] in us-east-1'],
    ['a temporary AWS key id', 'ASIAY34FZKBOKMUTVV7A expired', '[redacted] expired'],
    ['an AWS key pair separated by a space', `AKIAIOSFODNN7EXAMPLE ${awsSecret} end`,
      '[redacted] [redacted] end'],
    ['an AWS key pair on a CSV line', `ana,AKIAIOSFODNN7EXAMPLE,${awsSecret}`,
      'ana,[redacted],[redacted]'],
    ['an AWS key pair in quotes', `["AKIAIOSFODNN7EXAMPLE", "${awsSecret}"]`,
      '["[redacted]", "[redacted]"]'],
    ['a JWT standing alone', `session ${jwt} refused`, 'session [redacted] refused'],
    ['a GitHub token', 'push with ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
      'push with [redacted]'],
  ])('hides %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['single-quoted header names and values', "{ Accept: 'json', 'x-api-key': 'K' }",
      "{ Accept: 'json', 'x-api-key': '[redacted]' }"],
    ['an Authorization header keeping its scheme',
      "headers: Object [AxiosHeaders] { Authorization: 'Bearer abc' }",
      "headers: Object [AxiosHeaders] { Authorization: 'Bearer [redacted]' }"],
    ['a password in double quotes holding a single quote', 'password: "it\'s mine", n: 1',
      'password: "[redacted]", n: 1'],
    ['an escaped quote inside the value', "auth: { user: 'ana', pass: 'x\\'y z' }",
      "auth: { user: 'ana', pass: '[redacted]' }"],
    ['a Python repr', "Request(token='t0k', to='5215512345678')",
      "Request(token='[redacted]', to='•••••••5678')"],
  ])('hides %s as util.inspect prints them', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['schedule and function names', 'linde-mix-get-events, up-send-email-report, default/AKIA'],
    ['a row UUID', 'alert 7c1f0a9e-0000-4000-8000-000000000001 opened'],
    ['a SHA-1 on its own', 'commit da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['a SHA-1 after something that is not an AWS key id',
      'ABCDEFGHIJKLMNOPQRST da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['words that start like a prefix', 'task_live_feed skip ya29 AIzawa sk_live_'],
    ['an instance id and a number with no plus', 'instance12345 to 5215512345678'],
    ['a quoted value whose name is not secret', "{ function: 'linde-mix-get-positions' }"],
  ])('leaves %s as it is', (_name, text) => {
    expect(redact(text)).toBe(text);
  });
});
