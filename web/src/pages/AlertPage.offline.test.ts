import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainDiskFullAlert } from '../components/alerts/alert-fixture.ts';
import { mountApp } from '../test-utils.ts';
import AlertPage from './AlertPage.vue';

/** A network that fails every request until `restore()`, then answers the alert page. */
function flakyNetwork() {
  let online = false;
  const paths: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const path = new URL(input, 'http://turno.test').pathname;
    paths.push(path);
    if (!online) throw new TypeError('Failed to fetch');
    if (path === '/api/alerts/a-1') return Response.json(plainDiskFullAlert());
    if (path === '/api/schedules') return Response.json([]);
    return Response.json({ error: { code: 'not_found', message: 'x' } }, { status: 404 });
  }));
  return { paths, restore: () => { online = true; } };
}

async function openedOffline() {
  const network = flakyNetwork();
  const { wrapper } = mountApp(AlertPage, { props: { id: 'a-1' } });
  await flushPromises();
  return { wrapper, network };
}

const cardNumber = '[data-testid="alert-card-number"]';

describe('AlertPage without a network', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('names the page, says why, and offers a retry and the guides', async () => {
    const { wrapper } = await openedOffline();

    expect(wrapper.get('h1').text()).toBe('Alerta');
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Sin conexión con Turno. Revisa tu red e intenta de nuevo.');
    expect(wrapper.get('[data-testid="btn-alert-retry"]').text()).toBe('Reintentar');
    expect(wrapper.get('[data-testid="link-alert-guides"]').attributes('href')).toBe('/guias');
    wrapper.unmount();
  });

  it('shows the alert by itself within 10 s of the network coming back', async () => {
    const { wrapper, network } = await openedOffline();

    network.restore();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(wrapper.find(cardNumber).exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await flushPromises();

    expect(wrapper.get(cardNumber).text()).toBe('4.1');
    expect(wrapper.find('[data-testid="alert-unavailable"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('reads the alert again at once when the browser says it is online', async () => {
    const { wrapper, network } = await openedOffline();

    network.restore();
    window.dispatchEvent(new Event('online'));
    await flushPromises();

    expect(wrapper.get(cardNumber).text()).toBe('4.1');
    wrapper.unmount();
  });

  it('reads the alert and the schedules again on "Reintentar"', async () => {
    const { wrapper, network } = await openedOffline();
    network.paths.length = 0;

    network.restore();
    await wrapper.get('[data-testid="btn-alert-retry"]').trigger('click');
    await flushPromises();

    // The page's own two reads; its panels read theirs once the alert is there.
    expect(network.paths.slice(0, 2).sort()).toEqual(['/api/alerts/a-1', '/api/schedules']);
    expect(wrapper.get(cardNumber).text()).toBe('4.1');
    wrapper.unmount();
  });

  it('stops reading once the page is left', async () => {
    const { wrapper, network } = await openedOffline();
    wrapper.unmount();
    network.paths.length = 0;

    await vi.advanceTimersByTimeAsync(30_000);
    window.dispatchEvent(new Event('online'));

    expect(network.paths).toEqual([]);
  });
});
