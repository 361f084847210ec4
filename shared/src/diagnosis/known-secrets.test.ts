import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { secretsIn } from './known-secrets.ts';
import { redactValue } from './redact-value.ts';
import { redact } from './redact.ts';

const unauthorized = (config: Record<string, unknown>, data: unknown) => ({
  message: 'Request failed with status code 401',
  name: 'AxiosError',
  code: 'ERR_BAD_REQUEST',
  status: 401,
  config,
  response: { status: 401, data },
});

describe('secretsIn', () => {
  it('takes the credential of an Authorization header without its scheme', () => {
    const dump = { config: { headers: { Authorization: 'Bearer ZZSECRET' } } };
    expect(secretsIn(dump)).toEqual(['ZZSECRET']);
  });

  it('takes the password inside Basic credentials as well as the credentials', () => {
    const basic = btoa('mix.integrate:Cl13ntS3cret');
    expect(secretsIn({ headers: { authorization: `Basic ${basic}` } }))
      .toEqual([basic, 'Cl13ntS3cret']);
  });

  it('takes auth.password, params.token, x-api-key and a token in the URL', () => {
    const dump = {
      url: 'https://api.ultramsg.com/instance1/messages/chat?token=u1tr4T0ken',
      auth: { username: 'linde', password: 'Pa55word!' },
      params: { token: 'p4r4mT0k' },
      headers: { 'x-api-key': 'k3yK3yK3y' },
    };
    expect(secretsIn(dump).sort())
      .toEqual(['Pa55word!', 'k3yK3yK3y', 'p4r4mT0k', 'u1tr4T0ken']);
  });

  it('reads json_data kept as text, and JSON request bodies inside it', () => {
    const body = JSON.stringify({ client_secret: 'S3cr3tValue', to: '5215512345678' });
    const stored = JSON.stringify({ message: 'x', config: { data: body } });
    expect(secretsIn(stored)).toEqual(['S3cr3tValue']);
  });

  it('takes a secret number as text', () => {
    expect(secretsIn({ password: 90817263 })).toEqual(['90817263']);
  });

  it.each([
    ['short values', { password: 'p4ss' }],
    ['ordinary words in a secret-named field', { credentials: 'same-origin', auth: 'include' }],
    ['a scheme alone', { Authorization: 'Bearer' }],
    ['values already redacted', { token: '[redacted]', url: '/x?token=[redacted]' }],
    ['fields that are not secret', { user: 'linde', function: 'linde-mix-get-events' }],
  ])('returns nothing for %s', (_name, value) => {
    expect(secretsIn(value)).toEqual([]);
  });

  it('survives loops and values that cannot be read', () => {
    const looped: Record<string, unknown> = { token: 'L00pedT0ken' };
    looped.self = looped;
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
    expect(secretsIn(looped)).toEqual(['L00pedT0ken']);
    expect(secretsIn(hostile)).toEqual([]);
  });
});

describe('diagnose, with a secret the dump repeats', () => {
  it('hides the Authorization header\'s token echoed in response.data', () => {
    const dump = unauthorized(
      { headers: { Authorization: 'Bearer ZZSECRET' } },
      { message: 'Invalid token ZZSECRET' },
    );
    expect(diagnose(dump).text)
      .toBe('Request failed with status code 401 — Invalid token [redacted]');
  });

  it.each([
    ['auth.password', { auth: { username: 'linde', password: 'Pa55word!' } }, 'Pa55word!'],
    ['params.token', { params: { token: 'u1tr4T0ken' } }, 'u1tr4T0ken'],
    ['an x-api-key header', { headers: { 'x-api-key': 'k3yK3yK3y' } }, 'k3yK3yK3y'],
    ['a token in the URL', { url: 'https://api.ultramsg.com/i1/chat?token=u1tr4T0ken' },
      'u1tr4T0ken'],
    ['a URL-encoded token in a form body', { data: 'token=a%2Fb%2Bc123&to=1' }, 'a/b+c123'],
  ])('hides %s echoed in the answer', (_name, config, secret) => {
    const dump = unauthorized(config, { error: `credential ${secret} was refused` });
    const { text } = diagnose(JSON.stringify(dump));
    expect(text).toContain('was refused');
    expect(text).not.toContain(secret);
  });

  it('leaves a word that is only part of a longer id', () => {
    const config = { headers: { 'x-api-key': 'k3yK3yK3y' } };
    const dump = unauthorized(config, { error: 'k3yK3yK3y9 bad' });
    expect(diagnose(dump).text).toContain('k3yK3yK3y9 bad');
  });
});

describe('redact and redactValue, with a secret found once', () => {
  it('hides a token from a URL wherever the same text repeats it', () => {
    expect(redact('GET /chat?token=u1tr4T0ken failed: Wrong token u1tr4T0ken'))
      .toBe('GET /chat?token=[redacted] failed: Wrong token [redacted]');
  });

  it('hides a header\'s secret in every other field of the value', () => {
    const dump = unauthorized(
      { headers: { Authorization: 'Bearer ZZSECRET' } },
      { message: 'Invalid token ZZSECRET' },
    );
    expect(JSON.stringify(redactValue(dump))).not.toContain('ZZSECRET');
  });

  it('hides given values before anything else', () => {
    expect(redact('refused: Pa55word!', ['Pa55word!'])).toBe('refused: [redacted]');
  });
});
