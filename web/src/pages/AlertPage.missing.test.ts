import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainDiskFullAlert } from '../components/alerts/alert-fixture.ts';
import type { Locale } from '../stores/settings.ts';
import { mountApp } from '../test-utils.ts';
import AlertPage from './AlertPage.vue';

const alertPath = '/api/alerts/not-a-real-id';

/**
 * The API answering an alert's read with `status` and `code`, as its error handler does,
 * except the paths `found` answers.
 */
function answering(status: number, code: string, found: Record<string, unknown> = {}) {
  const paths: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const path = new URL(input, 'http://turno.test').pathname;
    paths.push(path);
    if (path === '/api/schedules') return Response.json([]);
    if (found[path] !== undefined) return Response.json(found[path]);
    return Response.json({ error: { code, message: 'x' } }, { status });
  }));
  const reads = () => paths.filter((path) => path.startsWith('/api/alerts/'));
  return { reads, alertReads: () => reads().filter((path) => path === alertPath).length };
}

async function open(locale: Locale = 'es-MX') {
  const { wrapper } = mountApp(AlertPage, { props: { id: 'not-a-real-id' } }, locale);
  await flushPromises();
  return wrapper;
}

const retry = '[data-testid="btn-alert-retry"]';
const toStatus = '[data-testid="link-alert-status"]';

describe('AlertPage for an alert that does not exist', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('says so and why, with a button back to Estado and the guides, and no retry', async () => {
    answering(404, 'alert_not_found');

    const wrapper = await open();

    expect(wrapper.get('[role="alert"]').text()).toBe('Esa alerta no existe.');
    expect(wrapper.get('[data-testid="alert-missing"]').text()).toBe(
      'Puede ser de otra instalación de Turno o de un enlace viejo. '
      + 'Las alertas abiertas están en Estado.');
    expect(wrapper.get(toStatus).text()).toBe('Volver a Estado');
    expect(wrapper.get(toStatus).attributes('href')).toBe('/');
    expect(wrapper.get(toStatus).classes()).toContain('button');
    expect(wrapper.get('[data-testid="link-alert-guides"]').attributes('href')).toBe('/guias');
    expect(wrapper.find(retry).exists()).toBe(false);
    expect(wrapper.text()).not.toContain('cada 10 segundos');
    wrapper.unmount();
  });

  it('says so in English', async () => {
    answering(404, 'alert_not_found');

    const wrapper = await open('en');

    expect(wrapper.get('[role="alert"]').text()).toBe('That alert does not exist.');
    expect(wrapper.get('[data-testid="alert-missing"]').text()).toBe(
      'It may be from another Turno installation or an old link. Open alerts are on Status.');
    expect(wrapper.get(toStatus).text()).toBe('Back to Status');
    wrapper.unmount();
  });

  it('stops asking for it: not every 10 s, nor on focus or when back online', async () => {
    const api = answering(404, 'alert_not_found');
    const wrapper = await open();

    await vi.advanceTimersByTimeAsync(60_000);
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    await flushPromises();

    expect(api.alertReads()).toBe(1);
    wrapper.unmount();
  });

  it('reads the next alert routed to the same page, and stops again if it is missing too',
    async () => {
      const api = answering(404, 'alert_not_found');
      const wrapper = await open();

      await wrapper.setProps({ id: 'another-missing-id' });
      await flushPromises();
      await vi.advanceTimersByTimeAsync(30_000);

      expect(api.reads()).toEqual([alertPath, '/api/alerts/another-missing-id']);
      wrapper.unmount();
    });

  it('shows an existing alert routed to the page after a missing one', async () => {
    answering(404, 'alert_not_found', { '/api/alerts/a-1': plainDiskFullAlert() });
    const wrapper = await open();

    await wrapper.setProps({ id: 'a-1' });
    await flushPromises();

    expect(wrapper.get('[data-testid="alert-card-number"]').text()).toBe('4.1');
    wrapper.unmount();
  });
});

describe('AlertPage when the alert cannot be read', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps asking every 10 s, and says so, while the server fails', async () => {
    const api = answering(502, 'cloud_unavailable');
    const wrapper = await open();

    await vi.advanceTimersByTimeAsync(10_000);

    expect(api.alertReads()).toBe(2);
    expect(wrapper.text()).toContain('Turno vuelve a intentarlo solo cada 10 segundos');
    expect(wrapper.get(retry).text()).toBe('Reintentar');
    expect(wrapper.find(toStatus).exists()).toBe(false);
    wrapper.unmount();
  });

  it('stops asking when the API refuses it, and offers the way back to Estado', async () => {
    const api = answering(400, 'bad_request');
    const wrapper = await open();

    await vi.advanceTimersByTimeAsync(30_000);

    expect(api.alertReads()).toBe(1);
    expect(wrapper.get('[role="alert"]').text()).toBe('La solicitud no es válida.');
    expect(wrapper.text()).not.toContain('cada 10 segundos');
    expect(wrapper.find(retry).exists()).toBe(false);
    expect(wrapper.get(toStatus).attributes('href')).toBe('/');
    wrapper.unmount();
  });
});
