import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client.ts';
import { jwtClaims, NoTurnoRoleError } from '../auth/claims.ts';
import type { FakeCognito } from '../auth/fake-cognito.ts';
import { useGuideProgress } from '../composables/useGuideProgress.ts';
import { useSessionStore } from './session.ts';
import { oidcKeys, signInWithCognito as signIn, type ApiCall } from './session-testing.ts';

let cognito: FakeCognito;
let apiCalls: ApiCall[];

async function signInWithCognito(groups: string[], next?: string) {
  const signedIn = await signIn(groups, next);
  ({ cognito, apiCalls } = signedIn);
  return signedIn;
}

describe('useSessionStore with Cognito', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('sends the user to Cognito with an authorization code + PKCE (S256) request', async () => {
    const { authorizeUrl } = await signInWithCognito(['operator']);

    const params = authorizeUrl.searchParams;
    expect(authorizeUrl.origin + authorizeUrl.pathname)
      .toBe('https://turno.auth.us-east-1.amazoncognito.com/oauth2/authorize');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('client_id')).toBe(cognito.config.clientId);
    expect(params.get('redirect_uri')).toBe(`${location.origin}/entrar/callback`);
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.has('client_secret')).toBe(false);
  });

  it('redeems the code with the PKCE verifier and returns to the page asked for', async () => {
    const { session, landed } = await signInWithCognito(['operator']);

    const redeem = cognito.tokenRequests[0]!;
    expect(redeem.get('grant_type')).toBe('authorization_code');
    expect(redeem.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
    expect(landed).toBe('/programaciones');
    expect(session.signedIn).toBe(true);
    expect(session.user).toBe('ana@flotas.mx');
  });

  it('never returns to a page on another origin after sign-in', async () => {
    const { landed } = await signInWithCognito(['viewer'], '//evil.example/x');

    expect(landed).toBe('/');
  });

  it('calls the API with the ACCESS token, not the ID token', async () => {
    const { session } = await signInWithCognito(['operator']);
    const request = createApiClient({
      getToken: () => session.freshToken(), onUnauthorized: vi.fn(),
    });

    await request('/api/status');

    const bearer = apiCalls[0]?.authorization?.replace(/^Bearer /, '') ?? '';
    expect(jwtClaims(bearer)).toMatchObject({ token_use: 'access' });
    expect(bearer).toBe(session.token);
  });

  it('renews an expiring access token with the refresh token before a call', async () => {
    const { session } = await signInWithCognito(['operator']);
    const first = session.token;
    session.session = { ...session.session!, expiresAt: new Date().toISOString() };

    const token = await session.freshToken();

    expect(cognito.tokenRequests.at(-1)?.get('grant_type')).toBe('refresh_token');
    expect(token).not.toBe(first);
    expect(jwtClaims(token ?? '')).toMatchObject({ token_use: 'access', n: 2 });
  });

  it.each([
    [['viewer', 'admin', 'operator'], 'admin'],
    [['operator', 'viewer'], 'operator'],
    [['viewer', 'other-app'], 'viewer'],
  ])('shows the role from cognito:groups %j as %s', async (groups, role) => {
    const { session } = await signInWithCognito(groups);

    expect(session.role).toBe(role);
    expect(session.canAct).toBe(role !== 'viewer');
  });

  it('refuses a user in no Turno group and keeps none of their tokens', async () => {
    const failure = await signInWithCognito(['other-app']).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(NoTurnoRoleError);
    expect(useSessionStore().signedIn).toBe(false);
    expect(oidcKeys()).toEqual([]);
  });

  it('keeps the session across a restart of the app', async () => {
    const { session } = await signInWithCognito(['operator']);
    const token = session.token;

    setActivePinia(createPinia());
    const reopened = useSessionStore();

    expect(reopened.signedIn).toBe(true);
    expect(reopened.token).toBe(token);
    expect(oidcKeys()).toHaveLength(1);
  });

  it('signs out: forgets the tokens on this phone and goes to Cognito logout', async () => {
    const { session } = await signInWithCognito(['operator']);

    const leaveTo = new URL(await session.signOut() ?? '');

    expect(session.signedIn).toBe(false);
    expect(oidcKeys()).toEqual([]);
    expect(localStorage.getItem('turno.session')).toBeNull();
    expect(leaveTo.origin + leaveTo.pathname)
      .toBe('https://turno.auth.us-east-1.amazoncognito.com/logout');
    expect(leaveTo.searchParams.get('client_id')).toBe(cognito.config.clientId);
    expect(leaveTo.searchParams.get('logout_uri')).toBe(`${location.origin}/entrar`);
    setActivePinia(createPinia());
    expect(useSessionStore().signedIn).toBe(false);
  });
});

describe('useSessionStore with dev sign-in', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  const dev = {
    token: 'dev-token', role: 'operator' as const, user: 'operador',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  };

  it('keeps a dev session in localStorage and uses its token as is', async () => {
    useSessionStore().start(dev);

    setActivePinia(createPinia());
    const reopened = useSessionStore();

    expect(reopened.kind).toBe('dev');
    expect(await reopened.freshToken()).toBe('dev-token');
  });

  it('reads a session saved before Cognito existed as a dev session', () => {
    localStorage.setItem('turno.session', JSON.stringify(dev));

    expect(useSessionStore().session).toMatchObject({ ...dev, kind: 'dev' });
  });

  it('drops an expired dev session', () => {
    const expired = { ...dev, expiresAt: new Date(Date.now() - 1000).toISOString() };
    localStorage.setItem('turno.session', JSON.stringify(expired));

    expect(useSessionStore().signedIn).toBe(false);
  });

  it('signs out of a dev session without leaving the app', async () => {
    const session = useSessionStore();
    session.start(dev);

    expect(await session.signOut()).toBeNull();
    expect(localStorage.getItem('turno.session')).toBeNull();
  });

  it('forgets the guide ticks on this phone when signing out', async () => {
    const session = useSessionStore();
    session.start(dev);
    useGuideProgress(() => '4.1').toggle('4.1.1', true);
    useGuideProgress(() => '4.1', () => 'a-1').toggle('4.1.2', true);

    await session.signOut();

    expect(useGuideProgress(() => '4.1').done.value).toEqual([]);
    expect(useGuideProgress(() => '4.1', () => 'a-1').done.value).toEqual([]);
  });
});
