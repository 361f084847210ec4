import type { HealthResponse } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.vue';
import { useSessionStore } from './stores/session.ts';
import { mountApp } from './test-utils.ts';

/** The API: health answers `cloud` (or fails with 503 while `down`), every list is empty. */
function serve(cloud: HealthResponse['cloud'], state = { down: false }) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const path = new URL(input, 'http://turno.test').pathname;
    asked.push(path);
    if (path !== '/api/health') return Response.json([]);
    const health: HealthResponse = { ok: !state.down, cloud, database: 'embedded', version: '1' };
    return Response.json(health, { status: state.down ? 503 : 200 });
  }));
  return asked;
}

async function open(path: string, signedIn = true) {
  const { wrapper, router, pinia } = mountApp(App);
  if (signedIn) {
    useSessionStore(pinia).start({
      token: 't', role: 'operator', user: 'operador',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
  }
  await router.push(path);
  await flushPromises();
  const banner = () => wrapper.find('[data-testid="sandbox-banner"]');
  return { wrapper, router, banner };
}

describe('App', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it.each(['/programaciones', '/infraestructura', '/cron', '/guias', '/ajustes'])(
    'says Sandbox in the header on %s while the API runs on the sandbox', async (path) => {
      serve('sandbox');

      const { wrapper, banner } = await open(path);

      expect(banner().text()).toBe('Sandbox · datos de práctica, no AWS real');
      expect(wrapper.get('header').find('[data-testid="sandbox-banner"]').exists()).toBe(true);
    });

  it('says Sandbox on the sign-in page too, before anyone signs in', async () => {
    serve('sandbox');

    const { router, banner } = await open('/entrar', false);

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(banner().exists()).toBe(true);
  });

  it('shows no banner on AWS', async () => {
    serve('aws');

    const { banner } = await open('/programaciones');

    expect(banner().exists()).toBe(false);
  });

  it('asks the health check again on the next page after it failed, then no more', async () => {
    const state = { down: true };
    const asked = serve('sandbox', state);
    const { router, banner } = await open('/programaciones');
    const healthChecks = () => asked.filter((path) => path === '/api/health').length;
    const failed = healthChecks();
    expect(banner().exists()).toBe(false);

    state.down = false;
    await router.push('/guias');
    await flushPromises();
    await router.push('/cron');
    await flushPromises();

    expect(banner().exists()).toBe(true);
    expect(healthChecks()).toBe(failed + 1);
  });
});
