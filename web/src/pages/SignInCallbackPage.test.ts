import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { defineComponent, h } from 'vue';
import { RouterView } from 'vue-router';
import { createFakeCognito, type FakeCognito } from '../auth/fake-cognito.ts';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';

const Routed = defineComponent({ render: () => h(RouterView) });
let cognito: FakeCognito;
let assign: Mock<(url: string | URL) => void>;

/** Starts a real sign-in from a first page load; returns Cognito's authorize URL. */
async function leaveForCognito(next: string): Promise<URL> {
  const first = mountApp(Routed);
  void useSessionStore(first.pinia).signInWithCognito(next);
  await vi.waitFor(() => expect(assign).toHaveBeenCalled());
  first.wrapper.unmount();
  return new URL(String(assign.mock.calls.at(-1)![0]));
}

/** The page load Cognito redirects back to. */
async function arriveAt(callback: string) {
  const mounted = mountApp(Routed);
  const url = new URL(callback, location.origin);
  await mounted.router.push(url.pathname + url.search);
  await flushPromises();
  return mounted;
}

function errorText(wrapper: VueWrapper): string {
  return wrapper.find('[data-testid="sign-in-callback-error"]').text();
}

describe('SignInCallbackPage', () => {
  beforeEach(() => {
    localStorage.clear();
    cognito = createFakeCognito({ groups: ['operator'], email: 'ana@flotas.mx' });
    vi.stubGlobal('fetch', cognito.fetch);
    localStorage.setItem('turno.clientConfig', JSON.stringify({ auth: cognito.config }));
    assign = vi.fn<(url: string | URL) => void>();
    vi.spyOn(window.location, 'assign').mockImplementation(assign);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('completes the sign-in, keeps the session and opens the page asked for', async () => {
    const authorize = await leaveForCognito('/guias');

    const { router, pinia } = await arriveAt(cognito.approve(authorize.href));

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/guias'), 5000);
    expect(useSessionStore(pinia).session).toMatchObject({
      kind: 'cognito', user: 'ana@flotas.mx', role: 'operator',
    });
  });

  it('says the sign-in was cancelled when Cognito answers access_denied', async () => {
    const authorize = await leaveForCognito('/guias');
    const state = authorize.searchParams.get('state') ?? '';

    const { wrapper } = await arriveAt(
      `/entrar/callback?error=access_denied&state=${encodeURIComponent(state)}`);

    await vi.waitFor(() => expect(errorText(wrapper)).toContain('Se canceló la entrada'));
  });

  it('says the link expired for a callback this phone did not start, and retries', async () => {
    const { wrapper } = await arriveAt('/entrar/callback?code=old&state=unknown%3B%2Fguias');
    await vi.waitFor(() => expect(errorText(wrapper)).toContain('expiró'));

    await wrapper.get('[data-testid="sign-in-callback-retry"]').trigger('click');
    await vi.waitFor(() => expect(assign).toHaveBeenCalledOnce());

    const retry = new URL(String(assign.mock.calls[0]![0]));
    expect(retry.searchParams.get('code_challenge_method')).toBe('S256');
    expect(retry.searchParams.get('state')).toMatch(/;\/guias$/);
  });
});
