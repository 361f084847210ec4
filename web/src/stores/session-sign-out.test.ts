import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signOutBudgetMs } from './session-sign-out.ts';
import { oidcKeys, signInWithCognito } from './session-testing.ts';

const endpoint = 'https://fcm.googleapis.com/fcm/send/abc123';

/** This phone's push subscription, as the service worker registration hands it out. */
function subscribedPhone() {
  const subscription = { endpoint, unsubscribe: vi.fn(async () => true) };
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: {
      getRegistration: async () => ({
        pushManager: { getSubscription: async () => subscription },
      }),
    },
  });
  localStorage.setItem('turno.push.endpoint', endpoint);
  localStorage.setItem('turno.push.device', '7');
  return subscription;
}

const domain = 'https://turno.auth.us-east-1.amazoncognito.com';
const never = () => new Promise<Response>(() => {});

describe('signing out of a Cognito session', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  it('stops pushes on the server and in the browser before the session goes', async () => {
    const { session, apiCalls } = await signInWithCognito(['operator']);
    const subscription = subscribedPhone();
    const token = session.token;

    await session.signOut();

    expect(apiCalls).toEqual([{
      url: '/api/push/unsubscribe', method: 'POST', authorization: `Bearer ${token}`,
      body: { endpoint },
    }]);
    expect(subscription.unsubscribe).toHaveBeenCalledOnce();
    expect(localStorage.getItem('turno.push.endpoint')).toBeNull();
    expect(localStorage.getItem('turno.push.device')).toBeNull();
  });

  it('revokes the refresh token at Cognito, so it renews nothing afterwards', async () => {
    const { session, cognito } = await signInWithCognito(['operator']);

    await session.signOut();

    const [revoke] = cognito.revokeRequests;
    expect(revoke?.get('token')).toBe('refresh-1');
    expect(revoke?.get('token_type_hint')).toBe('refresh_token');
    expect(revoke?.get('client_id')).toBe(cognito.config.clientId);
    const form = new URLSearchParams({
      grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: cognito.config.clientId,
    });
    const refresh = await cognito.fetch(`${domain}/oauth2/token`, {
      method: 'POST', body: form.toString(),
    });
    expect(refresh.status).toBe(400);
    expect(session.signedIn).toBe(false);
    expect(oidcKeys()).toEqual([]);
  });

  it('signs out anyway when neither the API nor Cognito answers', async () => {
    const { session, cognito } = await signInWithCognito(['operator'], '/', { revoke: never });
    const subscription = subscribedPhone();
    const fetchOrHang = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).startsWith('/api/') ? never() : cognito.fetch(input, init);
    vi.stubGlobal('fetch', fetchOrHang);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

    let leaveTo: string | null | undefined;
    const start = Date.now();
    void session.signOut().then((url) => { leaveTo = url; });
    // The clock moves only when the test moves it: on until sign-out has finished.
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(500);
      expect(leaveTo).toBeDefined();
    });

    expect(Date.now() - start).toBeLessThanOrEqual(signOutBudgetMs + 500);
    expect(new URL(leaveTo ?? '').pathname).toBe('/logout');
    expect(session.signedIn).toBe(false);
    expect(oidcKeys()).toEqual([]);
    expect(subscription.unsubscribe).toHaveBeenCalledOnce();
    expect(localStorage.getItem('turno.push.endpoint')).toBeNull();
  });
});

describe('renewing a Cognito session', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('ends the session when Cognito refuses the refresh token after the token expired',
    async () => {
      const { session, cognito } = await signInWithCognito(['operator']);
      await cognito.fetch(`${domain}/oauth2/revoke`, {
        method: 'POST', body: `token=refresh-1&client_id=${cognito.config.clientId}`,
      });
      const expired = new Date(Date.now() - 1000).toISOString();
      session.session = { ...session.session!, expiresAt: expired };

      const token = await session.freshToken();

      expect(token).toBeNull();
      expect(session.signedIn).toBe(false);
    });

  it('keeps the session when renewal fails only for want of a network', async () => {
    const { session, cognito } = await signInWithCognito(['operator']);
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      (String(input).includes('/oauth2/token')
        ? Promise.reject(new TypeError('Failed to fetch')) : cognito.fetch(input, init)));
    const expired = new Date(Date.now() - 1000).toISOString();
    session.session = { ...session.session!, expiresAt: expired };

    await session.freshToken();

    expect(session.signedIn).toBe(true);
  });
});
