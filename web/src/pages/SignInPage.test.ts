import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeCognito } from '../auth/fake-cognito.ts';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import SignInPage from './SignInPage.vue';

function serve(routes: Record<string, (init?: RequestInit) => Response>) {
  const fetcher = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), location.href).pathname;
    return routes[path]?.(init) ?? Response.json({ error: { code: 'x' } }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetcher);
  return fetcher;
}

async function mountSignIn(next = '/guias') {
  const mounted = mountApp(SignInPage);
  await mounted.router.push({ name: 'sign-in', query: { next } });
  await flushPromises();
  return mounted;
}

const devSession = (init?: RequestInit) => Response.json({
  token: 'dev-token', role: 'operator',
  user: (JSON.parse(String(init?.body)) as { user: string }).user,
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
});

describe('SignInPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('signs in locally with the dev buttons, as before Cognito', async () => {
    const fetcher = serve({
      '/api/client-config': () => Response.json({ auth: { mode: 'dev' } }),
      '/api/session/dev': devSession,
    });
    const { wrapper, router, pinia } = await mountSignIn();

    await wrapper.get('[data-testid="sign-in-operador"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/guias'), 5000);

    const [, init] = fetcher.mock.calls.find(([url]) => String(url) === '/api/session/dev')!;
    expect(JSON.parse(String(init?.body))).toEqual({ user: 'operador' });
    expect(useSessionStore(pinia).session).toMatchObject({ kind: 'dev', token: 'dev-token' });
    expect(wrapper.find('[data-testid="sign-in-cognito"]').exists()).toBe(false);
  });

  it('signs in a typed dev user, whatever the spaces and letter case around it', async () => {
    const fetcher = serve({
      '/api/client-config': () => Response.json({ auth: { mode: 'dev' } }),
      '/api/session/dev': devSession,
    });
    const { wrapper, router } = await mountSignIn();

    await wrapper.get('[data-testid="sign-in-user"]').setValue(' Admin ');
    await wrapper.get('[data-testid="sign-in-submit"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/guias'), 5000);

    const [, init] = fetcher.mock.calls.find(([url]) => String(url) === '/api/session/dev')!;
    expect(JSON.parse(String(init?.body))).toEqual({ user: 'admin' });
  });

  it('offers Cognito instead when the server uses it, and leaves with PKCE', async () => {
    const cognito = createFakeCognito();
    vi.stubGlobal('fetch', cognito.fetch);
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const { wrapper } = await mountSignIn('/guias');

    expect(wrapper.find('[data-testid="sign-in-operador"]').exists()).toBe(false);
    await wrapper.get('[data-testid="sign-in-cognito"]').trigger('click');
    await vi.waitFor(() => expect(assign).toHaveBeenCalledOnce());

    const authorize = new URL(String(assign.mock.calls[0]![0]));
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toMatch(/;\/guias$/);
  });

  it('uses the configuration kept on this phone when the API cannot be reached', async () => {
    localStorage.setItem('turno.clientConfig', JSON.stringify({
      auth: createFakeCognito().config,
    }));
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));

    const { wrapper } = await mountSignIn();

    expect(wrapper.find('[data-testid="sign-in-cognito"]').exists()).toBe(true);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('offers a retry when the configuration cannot be read and none is kept', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const { wrapper } = await mountSignIn();
    expect(wrapper.get('[role="alert"]').text()).toContain('Sin conexión');

    serve({ '/api/client-config': () => Response.json({ auth: { mode: 'dev' } }) });
    await wrapper.get('[data-testid="sign-in-retry"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="sign-in-operador"]').exists()).toBe(true);
  });

  it('says sign-in is not set up when the server offers no way in', async () => {
    serve({ '/api/client-config': () => Response.json({ auth: { mode: 'none' } }) });

    const { wrapper } = await mountSignIn();

    expect(wrapper.get('[data-testid="sign-in-unavailable"]').text())
      .toContain('no está configurado');
  });
});
