import { describe, expect, it } from 'vitest';
import { callJson, MessagingHttpError, reason, scrub } from './http.ts';

const token = 'tok3n+S3cret/xyz';
const secrets = [token, encodeURIComponent(token)];

describe('scrub', () => {
  it('removes a token however it was written, and any query string', () => {
    const text = `GET https://api.ultramsg.com/instance1/instance/status?token=${
      encodeURIComponent(token)} failed; token was ${token}`;
    const clean = scrub(text, secrets);
    expect(clean).not.toContain(token);
    expect(clean).not.toContain(encodeURIComponent(token));
    expect(clean).toContain('/instance1/instance/status?[redacted]');
  });
});

describe('reason', () => {
  it('prefers the code of the cause, as fetch wraps socket errors', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1 ${token}`),
        { code: 'ECONNREFUSED' }),
    });
    expect(reason(error, { secrets, timeoutMs: 1 })).toBe('ECONNREFUSED');
  });

  it('scrubs a message that quotes the URL, as an axios-style error would', () => {
    const error = new Error(`Request to /instance1/instance/status?token=${token} failed`);
    const said = reason(error, { secrets, timeoutMs: 1 });
    expect(said).not.toContain(token);
    expect(said).toContain('failed');
  });

  it('names the timeout instead of an abort', () => {
    const error = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(reason(error, { secrets, timeoutMs: 1500 })).toBe('no answer within 1500 ms');
  });
});

describe('callJson', () => {
  it('throws a MessagingHttpError that carries no cause and no secret', async () => {
    const failing: typeof fetch = async (input) => {
      throw new TypeError(`fetch failed for ${String(input)}`);
    };
    const call = callJson(`http://127.0.0.1:9/x?token=${token}`, {}, {
      what: 'UltraMsg x', secrets, timeoutMs: 100, fetch: failing,
    });
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessagingHttpError);
    expect((error as Error).cause).toBeUndefined();
    expect((error as Error).message).toMatch(/^UltraMsg x did not answer: fetch failed for /);
    expect((error as Error).message).not.toContain(token);
  });

  it('keeps a body that is not JSON as text', async () => {
    const html: typeof fetch = async () => new Response('<html>502</html>', { status: 502 });
    const answer = await callJson('http://peer/x', {}, {
      what: 'x', secrets: [], timeoutMs: 100, fetch: html,
    });
    expect(answer).toEqual({ status: 502, body: '<html>502</html>' });
  });
});
