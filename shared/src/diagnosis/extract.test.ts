import { describe, expect, it } from 'vitest';
import { extractError } from './extract.ts';

describe('extractError', () => {
  it.each([
    ['a JSON string as text with its quotes', '"timeout of 3000ms exceeded"',
      'timeout of 3000ms exceeded'],
    ['the string pg gives back for a json column', 'timeout of 3000ms exceeded',
      'timeout of 3000ms exceeded'],
    ['a string with spaces around it', '  socket hang up\n', 'socket hang up'],
    ['a JSON string encoded twice', JSON.stringify(JSON.stringify({ message: 'boom' })), 'boom'],
    ['a quoted string cut short', '"could not extend file \\"base/16398/1160232.23\\": No sp',
      'could not extend file "base/16398/1160232.23": No sp'],
    ['text cut short without quotes', 'could not extend file "base/16398/1160232.23": No sp',
      'could not extend file "base/16398/1160232.23": No sp'],
    ['a JSON object cut short', '{"message":"timeout of 3000ms exc', 'timeout of 3000ms exc'],
    ['an OAuth body cut short', '{"error":"invalid_grant","error_description":"Token has be',
      'invalid_grant: Token has be'],
    ['an UltraMsg error string', { error: 'Instance not found' }, 'Instance not found'],
    ['an error beside a status word', { status: 'error', error: 'Wrong token.' }, 'Wrong token.'],
    ['an UltraMsg list of field errors',
      { error: [{ to: 'is required' }, { body: 'is required' }] },
      'to is required, body is required'],
    ['an UltraMsg failed send', { sent: 'false', message: 'WhatsApp not connected' },
      'sent: false, WhatsApp not connected'],
    ['a Google OAuth error', { error: 'invalid_grant', error_description: 'Bad Request' },
      'invalid_grant: Bad Request'],
    ['an empty axios message with only a code', { message: '', code: 'ETIMEDOUT' }, 'ETIMEDOUT'],
    ['an AggregateError dump with sub-errors',
      { message: '', code: 'ECONNREFUSED', errors: [
        { message: 'connect ECONNREFUSED ::1:443' },
        { message: 'connect ECONNREFUSED 127.0.0.1:443' },
      ] },
      'connect ECONNREFUSED ::1:443; connect ECONNREFUSED 127.0.0.1:443'],
    ['an axios dump with the response body',
      { message: 'Request failed with status code 404', response: { status: 404,
        data: { error: 'Instance not found' } } },
      'Request failed with status code 404 — Instance not found'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['a boolean', false, 'false'],
    ['an array of messages', ['deadlock detected', { message: 'socket hang up' }],
      'deadlock detected; socket hang up'],
    ['an object of unknown shape', { foo: 1 }, '{"foo":1}'],
  ])('reads the text of %s', (_name, input, text) => {
    expect(extractError(input).text).toBe(text);
  });

  it('reads an axios toJSON dump with its status, code and host', () => {
    const found = extractError({
      message: 'Request failed with status code 429',
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      status: 429,
      config: { url: 'https://integrate.mixtelematics.com/api/positions', headers: {} },
    });

    expect(found.text).toBe('Request failed with status code 429');
    expect(found.facts).toEqual({
      httpStatus: 429,
      errorCode: 'ERR_BAD_REQUEST',
      host: 'integrate.mixtelematics.com',
      provider: 'mix',
    });
    expect(found.hints).toContain('AxiosError');
  });

  it('reads a pg DatabaseError as the database speaking', () => {
    const found = extractError({
      message: 'could not extend file "base/16398/1160232.23": No space left on device',
      code: '53100',
      severity: 'ERROR',
    });

    expect(found.facts).toEqual({ errorCode: '53100', provider: 'postgres' });
  });

  it('reads the UltraMsg instance status', () => {
    const found = extractError('{"status":{"accountStatus":{"status":"qr","substatus":"normal"}}}');

    expect(found.text).toBe('status: qr, substatus: normal');
    expect(found.facts).toEqual({
      provider: 'ultramsg',
      accountStatus: 'qr',
      accountSubstatus: 'normal',
    });
  });

  it('reads the flat UltraMsg status some clients report', () => {
    expect(extractError({ status: 'standby' }).facts.accountStatus).toBe('standby');
  });

  it('reads a Google JSON error with its status, code and reason', () => {
    const found = extractError({ error: {
      code: 403,
      message: 'User-rate limit exceeded.  Retry after 2024-03-07T18:03:15.961Z',
      status: 'PERMISSION_DENIED',
      errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded' }],
    } });

    expect(found.text).toBe('User-rate limit exceeded.  Retry after 2024-03-07T18:03:15.961Z');
    expect(found.facts).toEqual({
      provider: 'google',
      httpStatus: 403,
      retryAfter: '2024-03-07T18:03:15.961Z',
    });
    expect(found.hints).toEqual(['PERMISSION_DENIED', 'rateLimitExceeded']);
  });

  it.each([
    ['a timeout', 'timeout of 4000ms exceeded', { timeoutMs: 4000 }],
    ['a refused connection', 'connect ECONNREFUSED 10.0.3.7:5432',
      { errorCode: 'ECONNREFUSED', host: '10.0.3.7', port: 5432 }],
    ['a DNS failure', 'getaddrinfo ENOTFOUND no-such-host.invalid',
      { errorCode: 'ENOTFOUND', host: 'no-such-host.invalid' }],
    ['an HTTP status', 'Request failed with status code 500', { httpStatus: 500 }],
    ['a bare status number', 429, { httpStatus: 429 }],
    ['a number that is no status', 42.5, {}],
    ['a truncated JSON object with a code', '{"message":"","code":"53100","sever',
      { errorCode: '53100' }],
  ])('reads the facts of %s', (_name, input, facts) => {
    expect(extractError(input).facts).toEqual(facts);
  });

  it.each([
    ['a symbol', Symbol('x')],
    ['a function', () => 1],
    ['a bigint', 10n],
    ['an object whose getter throws', Object.defineProperty({}, 'message', {
      enumerable: true,
      get() { throw new Error('no'); },
    })],
    ['an object that refers to itself', (() => {
      const looped: Record<string, unknown> = {};
      looped.self = looped;
      return looped;
    })()],
    ['deeply nested JSON', JSON.stringify([[[[[[[['deep']]]]]]]])],
  ])('does not throw on %s', (_name, input) => {
    expect(() => extractError(input)).not.toThrow();
    expect(typeof extractError(input).text).toBe('string');
  });
});
