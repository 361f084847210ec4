import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './client.ts';

function respond(status: number, body: unknown): typeof fetch {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn(async () => new Response(text, { status })) as unknown as typeof fetch;
}

describe('createApiClient', () => {
  it('turns an error body into an ApiError carrying its code', async () => {
    const body = { error: { code: 'schedule_not_managed', message: 'Not managed.' } };
    const request = createApiClient({
      getToken: () => 't', onUnauthorized: vi.fn(), fetch: respond(403, body),
    });

    const failure = await request('/api/schedules/default/x/pause').catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'schedule_not_managed', status: 403 });
  });

  it('calls it unexpected when the error body is not the API shape', async () => {
    const request = createApiClient({
      getToken: () => null, onUnauthorized: vi.fn(), fetch: respond(502, '<html>Bad gateway'),
    });

    await expect(request('/api/status'))
      .rejects.toMatchObject({ code: 'unexpected', status: 502 });
  });

  it.each([
    ['Turno\'s own answer', { error: { code: 'body_too_large', message: 'Too large.' } }],
    ['a proxy\'s plain text', 'Payload Too Large'],
  ])('calls a 413 body_too_large, from %s', async (_from, body) => {
    const request = createApiClient({
      getToken: () => 't', onUnauthorized: vi.fn(), fetch: respond(413, body),
    });

    await expect(request('/api/diagnose', { method: 'POST', body: { text: 'x' } }))
      .rejects.toMatchObject({ code: 'body_too_large', status: 413 });
  });

  it.each([
    ['Turno\'s own answer', { error: { code: 'request_too_large', message: 'Too large.' } }],
    ['a proxy\'s empty answer', ''],
  ])('calls a 431 request_too_large, from %s', async (_from, body) => {
    const request = createApiClient({
      getToken: () => 't', onUnauthorized: vi.fn(), fetch: respond(431, body),
    });

    await expect(request('/api/alerts'))
      .rejects.toMatchObject({ code: 'request_too_large', status: 431 });
  });

  it('sends the bearer token and JSON body, and returns the parsed answer', async () => {
    const fetcher = respond(200, { ok: true });
    const request = createApiClient({
      getToken: () => 'abc', onUnauthorized: vi.fn(), fetch: fetcher,
    });

    const answer = await request('/api/diagnose', { method: 'POST', body: { text: 'x' } });

    expect(answer).toEqual({ ok: true });
    const [url, init] = vi.mocked(fetcher).mock.calls[0]!;
    expect(url).toBe('/api/diagnose');
    expect(init?.headers).toMatchObject({
      Authorization: 'Bearer abc', 'Content-Type': 'application/json',
    });
    expect(init?.body).toBe('{"text":"x"}');
  });

  it('reports a 401 so the app can go back to sign-in', async () => {
    const onUnauthorized = vi.fn();
    const body = { error: { code: 'invalid_token', message: 'Expired.' } };
    const request = createApiClient({
      getToken: () => 'old', onUnauthorized, fetch: respond(401, body),
    });

    await expect(request('/api/status')).rejects.toMatchObject({ code: 'invalid_token' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('takes the authorizer\'s bare 403 as signed out, not as an unexpected error', async () => {
    const onUnauthorized = vi.fn();
    const request = createApiClient({
      getToken: () => 'revoked', onUnauthorized, fetch: respond(403, { message: 'Forbidden' }),
    });

    await expect(request('/api/status'))
      .rejects.toMatchObject({ code: 'invalid_token', status: 403 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('keeps the session on a 403 from Turno itself, a role too low for the action', async () => {
    const onUnauthorized = vi.fn();
    const body = { error: { code: 'forbidden', message: 'Your role does not allow this.' } };
    const request = createApiClient({
      getToken: () => 't', onUnauthorized, fetch: respond(403, body),
    });

    await expect(request('/api/databases/x/grow-storage', { method: 'POST', body: {} }))
      .rejects.toMatchObject({ code: 'forbidden' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('names a failed fetch a network error', async () => {
    const fetcher = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const request = createApiClient({
      getToken: () => null, onUnauthorized: vi.fn(), fetch: fetcher,
    });

    await expect(request('/api/status')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('waits for a token source that renews the token before sending', async () => {
    const fetcher = respond(200, {});
    const request = createApiClient({
      getToken: async () => 'renewed', onUnauthorized: vi.fn(), fetch: fetcher,
    });

    await request('/api/status');

    const [, init] = vi.mocked(fetcher).mock.calls[0]!;
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer renewed' });
  });
});
